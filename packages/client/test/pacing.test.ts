import { createKaitenRuResponder, createKaitenRuStore, MOCK_TOKENS } from '@kaiten-audit/mocks'
import { describe, expect, it } from 'vitest'
import {
  createKaitenRuClient,
  type FetchFunction,
  type KaitenRuClientOptions,
  RateLimitError,
  RequestPacer,
} from '../src/index.js'
import { FAST_RETRIES } from './support/clients.js'
import { ManualClock } from './support/manual-clock.js'
import { paceRatio, type WindowStyle, windowServer } from './support/window-server.js'

// Every test runs on a ManualClock: the client waits on it, and the servers below count on it, so each verdict is
// about the logical schedule (who was sent when), never about how fast this machine is.
const RU_BASE_URL = 'https://example.kaiten.ru/api/latest'

function client(clock: ManualClock, fetch: FetchFunction, overrides: Partial<KaitenRuClientOptions> = {}) {
  return createKaitenRuClient({
    baseUrl: RU_BASE_URL,
    token: MOCK_TOKENS.kaitenRu.valid,
    retryDelay: FAST_RETRIES,
    clock,
    fetch,
    ...overrides,
  })
}

/** The mocks' kaiten.ru, which enforces the documented 5 requests per second, counting on `clock`. */
function mockApi(clock: ManualClock, rateLimit?: false) {
  const respond = createKaitenRuResponder({
    store: createKaitenRuStore({ events: 50 }),
    now: () => clock.now(),
    ...(rateLimit === false ? { rateLimit } : {}),
  })
  const sent: { at: number; status: number }[] = []
  const fetch: FetchFunction = async (request) => {
    const response = await respond(request)
    sent.push({ at: clock.now(), status: response.status })
    return response
  }
  return { fetch, sent }
}

describe('kaiten.ru pacing', () => {
  it('paces concurrent calls on one client to 5 per second by default, so the server never answers 429', async () => {
    const clock = new ManualClock()
    const api = mockApi(clock)
    const ru = client(clock, api.fetch)
    const start = clock.now()
    const results = await clock.runUntil(
      Promise.all(Array.from({ length: 7 }, () => ru.listAuditLogs({ limit: 1 }, { maxRetries: 0 }))),
    )
    expect(results.every((events) => events.length === 1)).toBe(true)
    expect(api.sent.map(({ status }) => status)).toEqual(Array(7).fill(200))
    // Five go at once; the sixth and seventh wait for the window to move on.
    const offsets = api.sent.map(({ at }) => at - start)
    expect(offsets.slice(0, 5)).toEqual([0, 0, 0, 0, 0])
    for (const offset of offsets.slice(5)) expect(offset).toBeGreaterThanOrEqual(1000)
  })

  it('without pacing the same burst is refused by the server: the pacing is what prevents it', async () => {
    const clock = new ManualClock()
    const api = mockApi(clock)
    const ru = client(clock, api.fetch, { rateLimit: false })
    const outcomes = await clock.runUntil(
      Promise.allSettled(Array.from({ length: 7 }, () => ru.listAuditLogs({ limit: 1 }, { maxRetries: 0 }))),
    )
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected')
    expect(refused).toHaveLength(2)
    for (const outcome of refused) expect(outcome.reason).toBeInstanceOf(RateLimitError)
  })

  it('shares one RequestPacer between clients', async () => {
    const clock = new ManualClock()
    const api = mockApi(clock)
    const shared = new RequestPacer({ requests: 5, windowMs: 1000, clock })
    const [a, b] = [
      client(clock, api.fetch, { rateLimit: shared }),
      client(clock, api.fetch, { rateLimit: shared }),
    ]
    expect(a.pacer).toBe(shared)
    const start = clock.now()
    await clock.runUntil(
      Promise.all([
        ...Array.from({ length: 3 }, () => a.listAuditLogs({ limit: 1 }, { maxRetries: 0 })),
        ...Array.from({ length: 3 }, () => b.listAuditLogs({ limit: 1 }, { maxRetries: 0 })),
      ]),
    )
    expect(api.sent.map(({ status }) => status)).toEqual(Array(6).fill(200))
    expect(api.sent.map(({ at }) => at - start).filter((offset) => offset >= 1000)).toHaveLength(1)
  })

  it('holds every caller until X-RateLimit-Reset when the server reports an exhausted window it did not use up', async () => {
    const clock = new ManualClock()
    const api = mockApi(clock, false)
    // Another consumer of the same token used the window: the first answer already says 0 remain.
    const resetSeconds = Math.floor(clock.now() / 1000) + 1
    let answered = 0
    const fetch: FetchFunction = async (request) => {
      const response = await api.fetch(request)
      if (answered++ > 0) return response
      return Response.json([], {
        headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetSeconds) },
      })
    }
    const ru = client(clock, fetch, { rateLimit: new RequestPacer({ requests: 100, windowMs: 1000, clock }) })
    await clock.runUntil(ru.listAuditLogs())
    await clock.runUntil(ru.listAuditLogs({ limit: 1 }))
    expect(api.sent.map(({ at }) => at)).toEqual([resetSeconds * 1000 - 750, resetSeconds * 1000])
  })

  it("counts a request's last window from the arrival of its response headers, not the end of its body", async () => {
    const clock = new ManualClock()
    const api = mockApi(clock, false)
    const fetch: FetchFunction = async (request) => {
      const text = await (await api.fetch(request)).text()
      // The body takes 300 ms to arrive after the headers.
      const body = new ReadableStream<Uint8Array>({
        pull: (controller) =>
          new Promise<void>((resolve) =>
            clock.setTimer(300, () => {
              controller.enqueue(new TextEncoder().encode(text))
              controller.close()
              resolve()
            }),
          ),
      })
      return new Response(body, { headers: { 'content-type': 'application/json' } })
    }
    const ru = client(clock, fetch, { rateLimit: new RequestPacer({ requests: 1, windowMs: 1000, clock }) })
    const start = clock.now()
    await clock.runUntil(Promise.all([ru.listAuditLogs({ limit: 1 }), ru.listAuditLogs({ limit: 1 })]))
    expect(api.sent.map(({ at }) => at - start)).toEqual([0, 1000])
  })

  it('can be switched off', () => {
    const clock = new ManualClock()
    const { fetch } = mockApi(clock)
    expect(client(clock, fetch, { rateLimit: false }).pacer).toBeUndefined()
    expect(client(clock, fetch).pacer).toBeInstanceOf(RequestPacer)
  })
})

// Minutes of logical time played as fast as the machine allows: an explicit timeout, so a busy machine is not
// taken for a failure.
describe.each<WindowStyle>(['sliding', 'fixed'])(
  'pacing against a %s-window server',
  { timeout: 60_000 },
  (style) => {
    // Arrivals jitter by up to 12 ms and answers take 8 ms more: a request sent later may arrive sooner after its
    // predecessor than the window, which a strict sliding window refuses.
    const network = { uplinkMs: [0, 7, 2, 12, 4, 9], downlinkMs: 8 }

    it('a kaiten.ru export reaches at least 0.95 of the allowed rate with no 429', async () => {
      const clock = new ManualClock()
      // 30 pages, the last one short, so the walk ends without an extra request.
      const total = 500 * 29 + 400
      const server = windowServer({ style, clock, events: total, ...network })
      const ru = client(clock, server.fetch)
      let events = 0
      await clock.runUntil(
        (async () => {
          for await (const _event of ru.iterateAuditLogs()) events++
        })(),
      )
      expect(events).toBe(total)
      expect(server.refused).toEqual([])
      expect(server.accepted).toHaveLength(30)
      expect(paceRatio(server.accepted)).toBeGreaterThanOrEqual(0.95)
    })

    it('twelve concurrent calls take about two windows, with no 429', async () => {
      const clock = new ManualClock()
      const server = windowServer({ style, clock, events: 20, ...network })
      const ru = client(clock, server.fetch)
      const start = clock.now()
      await clock.runUntil(Promise.all(Array.from({ length: 12 }, () => ru.listAuditLogs({ limit: 1 }))))
      expect(server.refused).toEqual([])
      expect(server.accepted).toHaveLength(12)
      // Two windows, plus at most two round trips (the slots count until the answers arrive).
      expect(clock.now() - start).toBeLessThanOrEqual(2000 + 2 * (12 + 8) + 12 + 8)
    })
  },
)
