// How a full contract run scales with the size of the log: a baseline run against the default mock data and a
// run against a log ~40× larger, both paced as a real run is, measured in the same process.
// Target (issue): a live run finishes in under a minute whatever the log holds — so requests and time must stay
// flat as the log grows. Prints ratios against the baseline; run with `pnpm --filter @kaiten-audit/contract-tests bench`.
import { MOCK_SIZES, runContract, startMockTarget } from '../dist/index.js'

const LARGE = { kaitenShEntries: 60_000, kaitenRuEvents: 50_000 }

async function measure(label, sizes) {
  const mocks = await startMockTarget({ rateLimit: true, sizes })
  try {
    const started = performance.now()
    const report = await runContract({ target: 'mocks', kaitenSh: mocks.kaitenSh, kaitenRu: mocks.kaitenRu })
    const seconds = (performance.now() - started) / 1000
    const failed = report.checks.filter((check) => check.outcome === 'failed' || check.outcome === 'errored')
    if (failed.length > 0) throw new Error(`${label}: ${failed.map((check) => check.id).join(', ')} failed`)
    return { label, sizes, requests: report.requestsUsed, seconds }
  } finally {
    await mocks.close()
  }
}

const baseline = await measure('baseline', MOCK_SIZES)
const large = await measure('large', LARGE)
for (const run of [baseline, large]) {
  console.log(
    `${run.label.padEnd(8)} ${String(run.sizes.kaitenShEntries).padStart(6)} entries ${String(run.sizes.kaitenRuEvents).padStart(6)} events: ${run.requests} requests, ${run.seconds.toFixed(1)} s`,
  )
}
console.log(
  `large / baseline: data ×${(LARGE.kaitenRuEvents / MOCK_SIZES.kaitenRuEvents).toFixed(0)}, requests ×${(large.requests / baseline.requests).toFixed(2)}, time ×${(large.seconds / baseline.seconds).toFixed(2)}`,
)
