// The page-size checks expect what the documents say, not what the code the mocks share computes: with that code
// broken, the faithful mocks (whose answers do not depend on the broken export) must still pass.
import { describe, expect, it, vi } from 'vitest'
import { startMockTarget } from '../src/mock-target.js'
import { runContract } from '../src/runner.js'

vi.mock('@kaiten-audit/query', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@kaiten-audit/query')>()
  return {
    ...actual,
    // Wrong on purpose: another default and another clamp than the vendor documents.
    effectiveKaitenRuLimit: (requested: number | undefined) =>
      requested === undefined || requested === 0 ? 50 : Math.min(requested, 400),
  }
})

describe('independent expectations', () => {
  it('judges kaiten.ru page sizes from the documented numbers, whatever the shared limit helper says', async () => {
    const mocks = await startMockTarget({ rateLimit: false })
    try {
      const report = await runContract({
        target: 'mocks',
        kaitenRu: mocks.kaitenRu,
        pacing: false,
        rateLimitChecks: false,
        only: (id) => id.startsWith('kaiten-ru.pagination.limit'),
      })
      const limits = report.checks.filter((check) => check.id.startsWith('kaiten-ru.pagination.limit'))
      expect(limits.map((check) => check.id)).toEqual([
        'kaiten-ru.pagination.limit-and-default',
        'kaiten-ru.pagination.limit-clamp',
        'kaiten-ru.pagination.limit-offset-bounds',
      ])
      for (const check of limits) expect(check.outcome, JSON.stringify(check, null, 2)).toBe('passed')
    } finally {
      await mocks.close()
    }
  }, 60_000)
})
