// The checks have teeth: each deliberately broken mock (a fault of ./support/faults.ts in front of the faithful
// responder, a mocks scenario where one says it) is caught by the check meant for it, and the faithful mocks pass
// everything.
import { describe, expect, it } from 'vitest'
import { allCheckIds } from '../src/checks/index.js'
import { startMockTarget } from '../src/mock-target.js'
import type { RunReport } from '../src/model.js'
import { type RunOptions, runContract } from '../src/runner.js'
import { type Variant, variants } from './support/variants.js'
import { VirtualClock } from './support/virtual-clock.js'

const RATE_LIMIT_CHECK = 'kaiten-ru.rate-limit.window'
const VARIANT_TIMEOUT_MS = 30_000

/**
 * Runs the broken API only. The mocks' rate limiter and the run's pacing are off (fast), except for the variants
 * about rate limiting, which need the limiter and run only the rate-limit check (plus schema and drift).
 */
async function runVariant(variant: Variant): Promise<RunReport> {
  const key = variant.api === 'kaiten-sh' ? 'kaitenSh' : 'kaitenRu'
  const rateLimited = variant.rateLimited === true
  // The mocks' limiter and the run share a virtual clock: a variant about rate limiting is judged the same on any machine.
  const clock = new VirtualClock()
  const mocks = await startMockTarget({
    rateLimit: rateLimited,
    now: clock.now,
    wrap: { [key]: variant.wrap },
  })
  try {
    const options: RunOptions = {
      target: 'mocks',
      clock,
      pacing: false,
      // Every negative case, so a variant is caught whatever the seed would have drawn.
      negativeCases: 'all',
      rateLimitChecks: rateLimited,
      ...(rateLimited ? { only: (id: string) => id === RATE_LIMIT_CHECK } : {}),
    }
    if (key === 'kaitenSh') options.kaitenSh = mocks.kaitenSh
    else options.kaitenRu = mocks.kaitenRu
    return await runContract(options)
  } finally {
    await mocks.close()
  }
}

const kaitenShVariants = variants.filter((variant) => variant.api === 'kaiten-sh')
const kaitenRuVariants = variants.filter((variant) => variant.api === 'kaiten-ru')

describe('broken variants of the mocks', () => {
  it('cover both APIs with at least 15 variants, each aimed at a known check', () => {
    expect(variants.length).toBeGreaterThanOrEqual(15)
    expect(kaitenShVariants.length).toBeGreaterThanOrEqual(5)
    expect(kaitenRuVariants.length).toBeGreaterThanOrEqual(5)
    for (const variant of variants) expect(allCheckIds).toContain(variant.caughtBy)
  })

  it.each(variants.map((variant) => [`${variant.api}: ${variant.name}`, variant] as const))(
    '%s is caught',
    async (_name, variant) => {
      const report = await runVariant(variant)
      const check = report.checks.find((result) => result.id === variant.caughtBy)
      expect(check, `${variant.caughtBy} ran`).toBeDefined()
      expect(check?.outcome, JSON.stringify(check, null, 2)).toBe('failed')
      const messages = check?.findings.map((finding) => finding.message) ?? []
      const matching = (check?.findings ?? []).filter((finding) => variant.finding.test(finding.message))
      expect(matching.length, messages.join('\n')).toBeGreaterThan(0)
      if (variant.expected !== undefined) {
        expect(matching.map((finding) => finding.expected)).toContain(variant.expected)
      }
    },
    // Real sockets to local servers: generous, since a loaded machine is slow, not wrong.
    VARIANT_TIMEOUT_MS,
  )
})

describe('the faithful mocks', () => {
  it('pass every check, paced against the mocks rate limiter as a real run is', async () => {
    // One virtual clock for the limiter and the pacer: a request cannot drift into the next window however slow the
    // machine, so "no retries" is exact.
    const clock = new VirtualClock()
    const mocks = await startMockTarget({ rateLimit: true, now: clock.now })
    let report: RunReport
    try {
      report = await runContract({
        target: 'mocks',
        kaitenSh: mocks.kaitenSh,
        kaitenRu: mocks.kaitenRu,
        clock,
      })
    } finally {
      await mocks.close()
    }
    const notPassed = report.checks.filter((check) => check.outcome !== 'passed')
    expect(notPassed, JSON.stringify(notPassed, null, 2)).toEqual([])
    expect(report.checks.map((check) => check.id)).toEqual(allCheckIds)
    expect(report.requestsUsed).toBeLessThanOrEqual(report.requestBudget)
    // Only the deliberate burst may meet a 429: the pacing kept every other request within 5 per second.
    const rateLimit = report.checks.find((check) => check.id === RATE_LIMIT_CHECK)
    expect(rateLimit?.outcome).toBe('passed')
    const retries = report.checks
      .flatMap((check) => check.notes)
      .filter((note) => note.includes('sent it again'))
    expect(retries).toEqual([])
    // The pacer did wait: more than five kaiten.ru requests went out, one window at a time.
    expect(clock.waits.filter((ms) => ms > 0).length).toBeGreaterThan(0)
  }, 30_000)

  it(
    'pass every check in the fast configuration the variants use (only the rate-limit window check is skipped)',
    async () => {
      const mocks = await startMockTarget({ rateLimit: false })
      let report: RunReport
      try {
        report = await runContract({
          target: 'mocks',
          kaitenSh: mocks.kaitenSh,
          kaitenRu: mocks.kaitenRu,
          pacing: false,
          rateLimitChecks: false,
        })
      } finally {
        await mocks.close()
      }
      const outcomes = Object.fromEntries(report.checks.map((check) => [check.id, check.outcome]))
      const expected = Object.fromEntries(
        allCheckIds.map((id) => [id, id === RATE_LIMIT_CHECK ? 'skipped' : 'passed']),
      )
      expect(outcomes).toEqual(expected)
    },
    VARIANT_TIMEOUT_MS,
  )
})
