import { validateResponse } from '@kaiten-audit/types/validation'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { kaitenRuHandlers } from '../src/handlers/kaiten-ru.js'
import { kaitenShHandlers } from '../src/handlers/kaiten-sh.js'
import { scenarios, uuidForId } from '../src/scenarios/index.js'
import { createKaitenRuStore } from '../src/store/kaiten-ru.js'
import { createKaitenShStore } from '../src/store/kaiten-sh.js'
import { MOCK_TOKENS } from '../src/tokens.js'
import { violationsOf } from './support/conformance.js'

const SH = 'https://scenario.kaiten.sh'
const RU = 'https://scenario.kaiten.ru/api/latest'
const shStore = createKaitenShStore({ entries: 300 })
const ruStore = createKaitenRuStore({ events: 300 })
const server = setupServer(
  ...kaitenShHandlers({ baseUrl: SH, store: shStore }),
  ...kaitenRuHandlers({ baseUrl: RU, store: ruStore, rateLimit: false }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  shStore.reset()
  ruStore.reset()
})
afterAll(() => server.close())

const trails = (query = '') =>
  fetch(`${SH}/instances/acme-production/audit-trails${query}`, {
    headers: { authorization: `Bearer ${MOCK_TOKENS.kaitenSh.valid}` },
  })
const logs = (query = '') =>
  fetch(`${RU}/audit-logs${query}`, { headers: { authorization: `Bearer ${MOCK_TOKENS.kaitenRu.valid}` } })

// The MSW shorthand `scenarios.x(baseUrl, options)` that earlier versions documented, which stays supported.
// Real (in-process) HTTP through MSW: an explicit timeout, so a busy machine is not taken for a failure.
describe('scenarios.x(baseUrl, options) as MSW overrides', { timeout: 30_000 }, () => {
  it('latency delays the faithful answer', async () => {
    // On fake timers the delay is checked as a schedule: nothing at 59 ms, the answer at 60, however slow the machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      server.use(scenarios.latency(SH, { ms: 60 }))
      let answered = false
      const pending = trails('?limit=1').finally(() => {
        answered = true
      })
      while (vi.getTimerCount() === 0 && !answered) await new Promise((resolve) => setImmediate(resolve))
      await vi.advanceTimersByTimeAsync(59)
      expect(answered).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      const response = await pending
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual(shStore.entries('acme-production').slice(0, 1))
    } finally {
      vi.useRealTimers()
    }
  })

  it('serverErrors gives N × 5xx in each API’s error shape, then success', async () => {
    server.use(
      scenarios.serverErrors(SH, { times: 2 }),
      scenarios.serverErrors(RU, { times: 1, status: 503 }),
    )
    const first = await trails()
    expect(first.status).toBe(500)
    expect((await violationsOf('kaiten-sh', first)).violations).toEqual([])
    expect((await trails()).status).toBe(500)
    expect((await trails()).status).toBe(200)
    const ruFirst = await logs()
    expect([ruFirst.status, await ruFirst.text()]).toEqual([503, ''])
    expect((await logs()).status).toBe(200)
  })

  it('rateLimitStorm gives 429s with the rate-limit headers, then success', async () => {
    const now = () => Date.UTC(2026, 3, 1, 0, 0, 0, 400)
    server.use(scenarios.rateLimitStorm(RU, { times: 3, retryAfterSeconds: 2, now }))
    for (let i = 0; i < 3; i++) {
      const response = await logs()
      expect(response.status).toBe(429)
      expect(response.headers.get('x-ratelimit-remaining')).toBe('0')
      expect(response.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2026, 3, 1, 0, 0, 3) / 1000))
      expect(response.headers.get('retry-after')).toBe('2')
      expect((await violationsOf('kaiten-ru', response)).violations).toEqual([])
    }
    expect((await logs()).status).toBe(200)
  })

  it('networkError makes fetch reject, then the API answers again', async () => {
    server.use(scenarios.networkError(RU, { times: 1 }))
    await expect(logs()).rejects.toThrow(TypeError)
    expect((await logs()).status).toBe(200)
  })

  it('malformedJson sends a JSON content type with a body that does not parse', async () => {
    server.use(scenarios.malformedJson(SH, { times: 1 }))
    const response = await trails()
    expect(response.headers.get('content-type')).toBe('application/json')
    await expect(response.json()).rejects.toThrow(SyntaxError)
  })

  it('truncatedBody delivers the headers and part of the faithful body, then fails the stream', async () => {
    server.use(scenarios.truncatedBody(RU, { store: ruStore, times: 1 }))
    const response = await logs()
    expect(response.status).toBe(200)
    expect(response.headers.get('x-ratelimit-remaining')).not.toBeNull()
    await expect(response.text()).rejects.toThrow(/terminated/)
    expect((await logs()).status).toBe(200)
  })

  it('htmlErrorPage answers like a proxy whose upstream is down', async () => {
    server.use(scenarios.htmlErrorPage(SH, { status: 504 }))
    const response = await trails()
    expect(response.status).toBe(504)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(await response.text()).toContain('<title>504 Gateway Time-out</title>')
    const { violations } = await violationsOf('kaiten-sh', await trails())
    expect(violations.map((violation) => violation.path)).toContain('$.status')
  })

  it('insertDuringPaging shifts later pages, so naive offset paging sees an entry twice', async () => {
    server.use(scenarios.insertDuringPaging(SH, { store: shStore, count: 1 }))
    const first = (await (await trails('?limit=10')).json()) as { id: number }[]
    const second = (await (await trails('?limit=10&offset=10')).json()) as { id: number }[]
    expect(second[0]!.id).toBe(first[9]!.id)
    expect(shStore.entries('acme-production')[0]!.id).toBeGreaterThan(first[0]!.id)
  })

  it('insertDuringPaging works on kaiten.ru and refuses a store of the other API', async () => {
    server.use(scenarios.insertDuringPaging(RU, { store: ruStore, count: 2, times: 1 }))
    const before = ruStore.events().length
    await logs()
    await logs()
    await logs()
    expect(ruStore.events().length).toBe(before + 2)
    server.resetHandlers()
    server.use(scenarios.insertDuringPaging(RU, { store: shStore }))
    await logs()
    // MSW answers a resolver that throws with 500 and the error's message, and logs the stack.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const mismatch = await logs()
    expect(logged).toHaveBeenCalled()
    logged.mockRestore()
    expect(mismatch.status).toBe(500)
    expect(await mismatch.text()).toContain('a kaiten-sh store is not allowed for a kaiten-ru request')
  })

  it('cursorEnvelope serves the later {items, hasMore, nextCursor} shape, which the spec check reports', async () => {
    server.use(scenarios.cursorEnvelope(SH, { store: shStore }))
    const ids: string[] = []
    let query = '?limit=40'
    for (let pages = 0; pages < 50; pages++) {
      const response = await trails(query)
      const body = (await response.clone().json()) as {
        items: { id: string }[]
        hasMore: boolean
        nextCursor: string | null
      }
      if (pages === 0) {
        const violations = validateResponse('kaiten-sh', {
          method: 'get',
          path: '/instances/{instanceSlug}/audit-trails',
          status: response.status,
          headers: response.headers,
          body: await response.text(),
        })
        expect(violations[0]?.expected).toBe('type array')
      }
      ids.push(...body.items.map((item) => item.id))
      if (!body.hasMore) {
        expect(body.nextCursor).toBeNull()
        break
      }
      query = `?limit=40&cursor=${body.nextCursor}`
    }
    expect(ids).toEqual(shStore.entries('acme-production').map((entry) => uuidForId(entry.id)))
    const badCursor = await trails('?cursor=nonsense')
    expect(badCursor.status).toBe(422)
  })

  it('composes: a delay and one failure before the faithful answer', async () => {
    server.use(scenarios.latency(RU, { ms: 5 }), scenarios.serverErrors(RU, { times: 1 }))
    expect((await logs()).status).toBe(500)
    expect((await logs()).status).toBe(200)
  })

  it('rejects bad options with the name, the value and what is allowed', () => {
    expect(() => scenarios.serverErrors(SH, { status: 404 })).toThrow(
      /status: 404 is not allowed; allowed: an integer from 500 to 599/,
    )
    expect(() => scenarios.latency(SH, { ms: -1 })).toThrow(/ms: -1 is not allowed/)
    expect(() => scenarios.networkError(SH, { times: -2 })).toThrow(/times: -2 is not allowed/)
    expect(() => scenarios.insertDuringPaging(SH, { count: 0 })).toThrow(/count: 0 is not allowed/)
  })
})
