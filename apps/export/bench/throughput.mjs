// kaiten.ru throughput against the mocks with the 5 requests per second limit on: events/s of the export (a child
// process, end to end, writing NDJSON) against the allowed 2,500 events/s (5 × 500) and against a baseline measured in
// the same run: the client's plain newest-first iteration over the same events, paced by the same limiter.
// Flags: --events N (default 100000)
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createKaitenRuClient } from '@kaiten-audit/client'
import { startMockServers } from '@kaiten-audit/mocks/server'
import { CLI } from './crash-harness.mjs'

const { values } = parseArgs({ options: { events: { type: 'string', default: '100000' } } })
const count = Number(values.events)
const ALLOWED = 5 * 500

const mocks = await startMockServers({ sizes: { kaitenRuEvents: count } })
const dir = mkdtempSync(join(tmpdir(), 'kaiten-export-throughput-'))
try {
  // Warm the store (generated on first use) and let the rate-limit window pass.
  mocks.stores.kaitenRu.events()
  await new Promise((resolve) => setTimeout(resolve, 1100))

  const baselineStart = Date.now()
  let iterated = 0
  const client = createKaitenRuClient({ baseUrl: mocks.kaitenRu.baseUrl, token: mocks.kaitenRu.token })
  for await (const page of client.iterateAuditLogs({ limit: 500 }).pages()) iterated += page.items.length
  const baselineRate = iterated / ((Date.now() - baselineStart) / 1000)
  await new Promise((resolve) => setTimeout(resolve, 1100))

  const started = Date.now()
  const child = spawn(
    process.execPath,
    [CLI, '--api', 'ru', '--out', join(dir, 'out.ndjson'), '--checkpoint', join(dir, 'cp.json')],
    {
      env: {
        PATH: process.env.PATH,
        KAITEN_RU_BASE_URL: mocks.kaitenRu.baseUrl,
        KAITEN_RU_TOKEN: mocks.kaitenRu.token,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const code = await new Promise((resolve) => child.on('exit', resolve))
  const seconds = (Date.now() - started) / 1000
  if (code !== 0) throw new Error(`export failed (${code}): ${stderr}`)
  const exportRate = count / seconds
  const summary = stderr.trim()
  const tooMany = /(\d+) × 429/.exec(summary)?.[1]
  const requests = /([\d,]+) requests/.exec(summary)?.[1]
  console.log(`${count} events, kaiten.ru mock with its rate limit (5 requests/s, fixed one-second windows)`)
  console.log(
    `  baseline (client iterateAuditLogs, newest first): ${baselineRate.toFixed(0)} events/s, ${(baselineRate / ALLOWED).toFixed(3)} of 2,500`,
  )
  console.log(
    `  export (child process, NDJSON to a file, fsync per batch): ${exportRate.toFixed(0)} events/s in ${seconds.toFixed(1)} s, ${requests} requests, ${tooMany} × 429`,
  )
  console.log(
    `  export ÷ allowed 2,500 events/s: ${(exportRate / ALLOWED).toFixed(3)} · export ÷ baseline: ${(exportRate / baselineRate).toFixed(3)}`,
  )
  console.log(`  pages needed at 500 per page: ${Math.ceil(count / 500)}`)
} finally {
  await mocks.close()
  rmSync(dir, { recursive: true, force: true })
}
