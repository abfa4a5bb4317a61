// Iterates N events through the client and prints the process's peak RSS in bytes: run once per size, in a fresh
// process, so one measurement cannot inherit another's heap.
import { createKaitenRuClient } from '../dist/index.js'

const [baseUrl, countText] = process.argv.slice(2)
const count = Number(countText)
const client = createKaitenRuClient({ baseUrl, token: 'bench-token-0123456789', rateLimit: false })
let seen = 0
for await (const _event of client.iterateAuditLogs()) if (++seen >= count) break
if (seen !== count) throw new Error(`expected ${count} events, got ${seen}`)
process.stdout.write(
  `${JSON.stringify({ count: seen, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
)
