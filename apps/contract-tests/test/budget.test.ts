import { describe, expect, it } from 'vitest'
import { RequestBudget, RequestBudgetExhaustedError } from '../src/http/budget.js'
import { startMockTarget } from '../src/mock-target.js'
import { runContract } from '../src/runner.js'

describe('RequestBudget', () => {
  it('hands out exactly max requests, then refuses with the limit and how to raise it', () => {
    const budget = new RequestBudget(2)
    budget.take()
    budget.take()
    expect(budget.used).toBe(2)
    expect(() => budget.take()).toThrowError(RequestBudgetExhaustedError)
    expect(() => budget.take()).toThrowError(/at most 2 requests \(raise it with --max-requests\)/)
  })

  it('rejects a budget below 1', () => {
    expect(() => new RequestBudget(0)).toThrowError('max requests: 0 is not allowed; allowed: an integer ≥ 1')
  })
})

describe('a run with a small budget', () => {
  it('stops sending at the budget and reports the checks it could not finish as errored', async () => {
    const mocks = await startMockTarget({ rateLimit: false })
    try {
      const report = await runContract({
        target: 'mocks',
        kaitenSh: mocks.kaitenSh,
        kaitenRu: mocks.kaitenRu,
        maxRequests: 12,
        pacing: false,
        rateLimitChecks: false,
      })
      expect(report.requestsUsed).toBe(12)
      expect(report.checks.reduce((sum, check) => sum + check.requests, 0)).toBe(12)
      const errored = report.checks.filter((check) => check.outcome === 'errored')
      expect(errored.length).toBeGreaterThan(0)
      for (const check of errored) expect(check.reason).toMatch(/request budget exhausted/)
    } finally {
      await mocks.close()
    }
  })
})

describe('the number of requests', () => {
  async function requestsPerApi(sizes: { kaitenShEntries: number; kaitenRuEvents: number }) {
    const mocks = await startMockTarget({ rateLimit: false, sizes })
    try {
      const report = await runContract({
        target: 'mocks',
        kaitenSh: mocks.kaitenSh,
        kaitenRu: mocks.kaitenRu,
        pacing: false,
        rateLimitChecks: false,
      })
      expect(
        report.checks.filter((check) => check.outcome !== 'passed' && check.outcome !== 'skipped'),
      ).toEqual([])
      const sum = (api: string) =>
        report.checks.filter((check) => check.api === api).reduce((total, check) => total + check.requests, 0)
      return { sh: sum('kaiten-sh'), ru: sum('kaiten-ru') }
    } finally {
      await mocks.close()
    }
  }

  it('grows with the logarithm of the log, not with the log: windows and a halving search for the end', async () => {
    const small = await requestsPerApi({ kaitenShEntries: 1500, kaitenRuEvents: 1200 })
    const large = await requestsPerApi({ kaitenShEntries: 9000, kaitenRuEvents: 8000 })
    // Denser data puts a few more ties into a window (one more small page at most); the search for the end adds at
    // most a growing probe and a halving step per doubling of the log. A scan would grow sixfold.
    const logarithmic = 2 + 2 * Math.ceil(Math.log2(6))
    expect(Math.abs(large.sh - small.sh)).toBeLessThanOrEqual(logarithmic)
    expect(Math.abs(large.ru - small.ru)).toBeLessThanOrEqual(logarithmic)
    expect(large.sh + large.ru).toBeLessThan(150)
  })
})
