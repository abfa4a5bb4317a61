import { createKaitenRuStore, kaitenRuHandlers, MOCK_TOKENS } from '@kaiten-audit/mocks'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { createKaitenRuClient, RateLimitError, RateLimiter } from '../src/index.js'
import { FAST_RETRIES } from './support/clients.js'
import { RU_BASE_URL, recordRequests, useMswServer } from './support/msw.js'

// The mock enforces kaiten.ru's documented limit: 5 requests per second per token, answering 429 beyond it.
const server = useMswServer(
  ...kaitenRuHandlers({ baseUrl: RU_BASE_URL, store: createKaitenRuStore({ events: 50 }) }),
)
const recorded = recordRequests(server)

const client = (rateLimit?: false | RateLimiter) =>
  createKaitenRuClient({
    baseUrl: RU_BASE_URL,
    token: MOCK_TOKENS.kaitenRu.valid,
    retryDelay: FAST_RETRIES,
    ...(rateLimit !== undefined ? { rateLimit } : {}),
  })

/** Waits for the mock's current one-second window to end, so each test starts with a full budget. */
async function nextWindow(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5))
}

describe('kaiten.ru pacing', () => {
  it('paces concurrent calls on one client to 5 per second by default, so the server never answers 429', async () => {
    await nextWindow()
    const ru = client()
    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: 7 }, () => ru.listAuditLogs({ limit: 1 }, { maxRetries: 0 })),
    )
    expect(results.every((events) => events.length === 1)).toBe(true)
    // The sixth and seventh had to wait for the next window.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(recorded.requests).toHaveLength(7)
  })

  it('without pacing the same burst is refused by the server: the pacing is what prevents it', async () => {
    await nextWindow()
    const ru = client(false)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 7 }, () => ru.listAuditLogs({ limit: 1 }, { maxRetries: 0 })),
    )
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected')
    expect(refused.length).toBeGreaterThanOrEqual(1)
    for (const outcome of refused)
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(RateLimitError)
  })

  it('shares one RateLimiter between clients', async () => {
    await nextWindow()
    const shared = new RateLimiter({ requests: 5, windowMs: 1000 })
    const [a, b] = [client(shared), client(shared)]
    expect(a.rateLimiter).toBe(shared)
    const started = Date.now()
    await Promise.all([
      ...Array.from({ length: 3 }, () => a.listAuditLogs({ limit: 1 }, { maxRetries: 0 })),
      ...Array.from({ length: 3 }, () => b.listAuditLogs({ limit: 1 }, { maxRetries: 0 })),
    ])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
  })

  it('holds every caller until X-RateLimit-Reset once a response reports X-RateLimit-Remaining: 0', async () => {
    const resetSeconds = Math.floor(Date.now() / 1000) + 1
    server.use(
      http.get(
        `${RU_BASE_URL}/audit-logs`,
        () =>
          HttpResponse.json([], {
            headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetSeconds) },
          }),
        { once: true },
      ),
    )
    const ru = client(new RateLimiter({ requests: 100, windowMs: 1000 }))
    await ru.listAuditLogs()
    await ru.listAuditLogs({ limit: 1 })
    expect(Date.now()).toBeGreaterThanOrEqual(resetSeconds * 1000)
  })

  it('can be switched off', () => {
    expect(client(false).rateLimiter).toBeUndefined()
    expect(client().rateLimiter).toBeInstanceOf(RateLimiter)
  })
})
