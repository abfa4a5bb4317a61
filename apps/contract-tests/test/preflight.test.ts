// An API that cannot be verified at all — it cannot be reached, does not answer, or rejects the configured token —
// stops after the request that shows it, with one line that says why, instead of one failure per check.
import { describe, expect, it } from 'vitest'
import { kaitenRuChecks, kaitenShChecks } from '../src/checks/index.js'
import { startMockTarget } from '../src/mock-target.js'
import { runContract } from '../src/runner.js'

const TEST_TIMEOUT_MS = 30_000

/** What undici's fetch throws when the connection fails: a bare "fetch failed" whose cause says why. */
function networkFailure(message: string, code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) })
}

const unreachableRu = {
  api: 'kaiten-ru' as const,
  baseUrl: 'http://127.0.0.1:39999/api/latest',
  validToken: 'ru-token-never-sent',
  invalidToken: 'contract-test-not-a-real-token',
}

describe('an API that cannot be reached', () => {
  it.each([
    ['connect ECONNREFUSED 127.0.0.1:39999', 'ECONNREFUSED'],
    ['getaddrinfo ENOTFOUND kaiten.invalid', 'ENOTFOUND'],
  ])(
    'stops after one request and says why: %s',
    async (message, code) => {
      const report = await runContract({
        target: 'live',
        kaitenRu: unreachableRu,
        pacing: false,
        fetch: async () => {
          throw networkFailure(message, code)
        },
      })
      expect(report.requestsUsed).toBe(1)
      expect(report.checks).toHaveLength(1)
      const [only] = report.checks
      expect(only?.outcome).toBe('errored')
      expect(only?.reason).toBe(
        `kaiten.ru cannot be reached at http://127.0.0.1:39999/api/latest: ${message}; ` +
          `the other ${kaitenRuChecks.length - 1} kaiten.ru checks did not run`,
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'names the port when fetch refuses it (the Fetch standard blocks ports such as 6000)',
    async () => {
      const report = await runContract({
        target: 'live',
        kaitenRu: { ...unreachableRu, baseUrl: 'http://localhost:6000/api/latest' },
        pacing: false,
        fetch: async () => {
          throw new TypeError('fetch failed', { cause: new Error('bad port') })
        },
      })
      expect(report.checks[0]?.reason).toMatch(
        /^kaiten\.ru cannot be reached at http:\/\/localhost:6000\/api\/latest: bad port: fetch refuses port 6000/,
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'that stops answering mid-run ends at the second failure in a row, not one check at a time',
    async () => {
      const mocks = await startMockTarget({ rateLimit: false })
      try {
        let calls = 0
        const report = await runContract({
          target: 'mocks',
          kaitenRu: mocks.kaitenRu,
          pacing: false,
          rateLimitChecks: false,
          fetch: async (input, init) => {
            calls++
            if (calls > 3) throw networkFailure('read ECONNRESET', 'ECONNRESET')
            return fetch(input, init)
          },
        })
        expect(report.requestsUsed).toBe(5)
        const errored = report.checks.filter((check) => check.outcome === 'errored')
        expect(errored.map((check) => check.reason)).toEqual([
          expect.stringMatching(/^GET \/audit-logs\?\S+ failed: read ECONNRESET$/),
          expect.stringMatching(
            /^kaiten\.ru stopped answering at http:\/\/127\.0\.0\.1:\d+\/api\/latest: read ECONNRESET; the other \d+ kaiten\.ru checks did not run$/,
          ),
        ])
        expect(report.checks.length).toBeLessThan(kaitenRuChecks.length)
      } finally {
        await mocks.close()
      }
    },
    TEST_TIMEOUT_MS,
  )
})

describe('a token the API rejects', () => {
  it(
    'stops each API after its first request with that token, saying so in one line',
    async () => {
      const mocks = await startMockTarget({ rateLimit: false })
      try {
        const report = await runContract({
          target: 'mocks',
          kaitenSh: { ...mocks.kaitenSh, validToken: 'ksh_wrong_token_for_this_test' },
          kaitenRu: { ...mocks.kaitenRu, validToken: 'wrong-token-for-this-test' },
          pacing: false,
          rateLimitChecks: false,
        })
        expect(report.requestsUsed).toBe(2)
        expect(report.checks.map((check) => [check.api, check.outcome, check.reason])).toEqual([
          [
            'kaiten-sh',
            'errored',
            expect.stringMatching(
              new RegExp(
                `^kaiten\\.sh rejected the configured token: GET /instances/acme-production/audit-trails\\?\\S+ → 401: "missing or invalid bearer token"; the other ${kaitenShChecks.length - 1} kaiten\\.sh checks did not run$`,
              ),
            ),
          ],
          [
            'kaiten-ru',
            'errored',
            expect.stringMatching(
              new RegExp(
                `^kaiten\\.ru rejected the configured token: GET /audit-logs\\?\\S+ → 401; the other ${kaitenRuChecks.length - 1} kaiten\\.ru checks did not run$`,
              ),
            ),
          ],
        ])
      } finally {
        await mocks.close()
      }
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'is judged by requests that carry it: a run of the no-token check alone is not stopped',
    async () => {
      const mocks = await startMockTarget({ rateLimit: false })
      try {
        const report = await runContract({
          target: 'mocks',
          kaitenRu: { ...mocks.kaitenRu, validToken: 'wrong-token-for-this-test' },
          pacing: false,
          rateLimitChecks: false,
          only: (id) => id === 'kaiten-ru.errors.401-missing-token',
        })
        const ran = report.checks.find((check) => check.id === 'kaiten-ru.errors.401-missing-token')
        expect(ran?.outcome).toBe('passed')
      } finally {
        await mocks.close()
      }
    },
    TEST_TIMEOUT_MS,
  )
})
