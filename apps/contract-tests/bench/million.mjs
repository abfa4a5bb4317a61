// The whole contract, paced as a real run, against mock servers holding 1 000 000 kaiten.sh entries and 1 000 000
// kaiten.ru events. Target: no false alarm, and each API's part in under 60 s however large the log. The stores are
// built and indexed before the clock starts: that is the mocks' start-up, not the contract's work.
// Run with `pnpm --filter @kaiten-audit/contract-tests bench:million` (after a build).
import { startMockServers } from '@kaiten-audit/mocks/server'
import { INVALID_TOKENS, runContract } from '../dist/index.js'

const SIZE = 1_000_000
const LIMIT_MS = 60_000

let started = performance.now()
const servers = await startMockServers({ sizes: { kaitenShEntries: SIZE, kaitenRuEvents: SIZE } })
const slug = servers.kaitenSh.instanceSlug
servers.stores.kaitenSh.timeline(slug)
servers.stores.kaitenRu.timeline()
console.log(
  `built and indexed ${SIZE} entries and ${SIZE} events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

try {
  started = performance.now()
  const report = await runContract({
    target: 'mocks',
    kaitenSh: {
      api: 'kaiten-sh',
      baseUrl: servers.kaitenSh.baseUrl,
      validToken: servers.kaitenSh.token,
      forbiddenToken: servers.kaitenSh.tokenWithoutScope,
      invalidToken: INVALID_TOKENS['kaiten-sh'],
      instanceSlug: slug,
    },
    kaitenRu: {
      api: 'kaiten-ru',
      baseUrl: servers.kaitenRu.baseUrl,
      validToken: servers.kaitenRu.token,
      forbiddenToken: servers.kaitenRu.tokenWithoutAccess,
      invalidToken: INVALID_TOKENS['kaiten-ru'],
    },
  })
  const seconds = (performance.now() - started) / 1000
  for (const api of report.apis) {
    const entries = api.api === 'kaiten-sh' ? servers.stores.kaitenSh.entries(slug).length : SIZE
    console.log(
      `${api.api}: ${entries} in the log, ${api.requests} requests, ${((api.durationMs ?? 0) / 1000).toFixed(1)} s`,
    )
  }
  console.log(`whole run: ${report.requestsUsed} requests, ${seconds.toFixed(1)} s, seed ${report.seed}`)
  const failed = report.checks.filter((check) => check.outcome === 'failed' || check.outcome === 'errored')
  const slow = report.apis.filter((api) => (api.durationMs ?? 0) >= LIMIT_MS)
  if (failed.length > 0) {
    for (const check of failed) console.error(`${check.id}: ${check.reason ?? check.findings[0]?.message}`)
    process.exitCode = 1
  }
  if (slow.length > 0) {
    console.error(`over ${LIMIT_MS / 1000} s: ${slow.map((api) => api.api).join(', ')}`)
    process.exitCode = 1
  }
} finally {
  await servers.close()
}
