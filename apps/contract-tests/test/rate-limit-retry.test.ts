import type { Responder } from '@kaiten-audit/mocks/server'
import { describe, expect, it } from 'vitest'
import { MAX_RATE_LIMIT_WAIT_MS, rateLimitWaitMs } from '../src/checks/context.js'
import { startMockTarget } from '../src/mock-target.js'
import { runContract } from '../src/runner.js'

describe('rateLimitWaitMs', () => {
  const now = 1_775_122_200_300
  it('waits until X-RateLimit-Reset', () => {
    expect(rateLimitWaitMs('1775122201', now)).toBe(700)
  })
  it('does not wait for a reset in the past', () => {
    expect(rateLimitWaitMs('1775122100', now)).toBe(0)
  })
  it('caps the wait, and waits a second when the header is missing or unreadable', () => {
    expect(rateLimitWaitMs('1775129999', now)).toBe(MAX_RATE_LIMIT_WAIT_MS)
    expect(rateLimitWaitMs(undefined, now)).toBe(1000)
    expect(rateLimitWaitMs('soon', now)).toBe(1000)
  })
})

describe('a paced request that meets 429', () => {
  it('is sent again after the reset, noted, and the check still passes', async () => {
    // As if another client had spent the token's window: the third request is refused once.
    let calls = 0
    const busy =
      (faithful: Responder): Responder =>
      async (request) => {
        calls++
        if (calls !== 3) return faithful(request)
        const reset = String(Math.ceil(Date.now() / 1000))
        return new Response(null, {
          status: 429,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        })
      }
    const mocks = await startMockTarget({ rateLimit: false, wrap: { kaitenRu: busy } })
    try {
      const report = await runContract({
        target: 'mocks',
        kaitenRu: mocks.kaitenRu,
        pacing: false,
        only: (id) => id === 'kaiten-ru.pagination.no-gaps-no-overlaps',
      })
      const walk = report.checks.find((check) => check.id === 'kaiten-ru.pagination.no-gaps-no-overlaps')
      expect(walk?.outcome, JSON.stringify(walk)).toBe('passed')
      const retries = walk?.notes.filter((note) =>
        /→ 429: waited \d+ ms for X-RateLimit-Reset and sent it again/.test(note),
      )
      expect(retries).toHaveLength(1)
      // The refused request and its repeat both count against the budget.
      expect(walk?.requests).toBe(report.requestsUsed)
      expect(report.requestsUsed).toBe(calls)
    } finally {
      await mocks.close()
    }
  })
})
