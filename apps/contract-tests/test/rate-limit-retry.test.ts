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
    // The run's own pacing is off, as if another client were using the same token's window.
    const mocks = await startMockTarget({ rateLimit: true })
    try {
      const report = await runContract({
        target: 'mocks',
        kaitenRu: mocks.kaitenRu,
        pacing: false,
        only: (id) => id === 'kaiten-ru.pagination.no-gaps-no-overlaps',
      })
      const walk = report.checks.find((check) => check.id === 'kaiten-ru.pagination.no-gaps-no-overlaps')
      expect(walk?.outcome, JSON.stringify(walk)).toBe('passed')
      expect(
        walk?.notes.some((note) => /→ 429: waited \d+ ms for X-RateLimit-Reset and sent it again/.test(note)),
      ).toBe(true)
    } finally {
      await mocks.close()
    }
  }, 20_000)
})
