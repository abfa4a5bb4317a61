// Iterates N events, through the client or through a raw offset loop, and prints the process's peak RSS in bytes.
// Run once per measurement, in a fresh process, so one measurement cannot inherit another's heap.
import { createKaitenRuClient } from '../dist/index.js'

const [mode, baseUrl, countText] = process.argv.slice(2)
const count = Number(countText)
const TOKEN = 'bench-token-0123456789'
let seen = 0
if (mode === 'client') {
  const client = createKaitenRuClient({ baseUrl, token: TOKEN, rateLimit: false })
  for await (const _event of client.iterateAuditLogs()) if (++seen >= count) break
} else {
  for (let offset = 0; seen < count; ) {
    const response = await fetch(`${baseUrl}/audit-logs?limit=500&offset=${offset}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    })
    const page = await response.json()
    for (const _event of page) if (++seen >= count) break
    offset += page.length
  }
}
if (seen !== count) throw new Error(`expected ${count} events, got ${seen}`)
process.stdout.write(
  `${JSON.stringify({ count: seen, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
)
