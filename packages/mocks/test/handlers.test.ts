import { http } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_BASE_URLS } from '../src/base-url.js'
import { handlers } from '../src/handlers/index.js'
import { kaitenRuHandlers } from '../src/handlers/kaiten-ru.js'
import { kaitenShHandlers } from '../src/handlers/kaiten-sh.js'
import { createMockServer } from '../src/node.js'
import { defaultStores } from '../src/store/defaults.js'
import { createKaitenRuStore } from '../src/store/kaiten-ru.js'
import { createKaitenShStore } from '../src/store/kaiten-sh.js'
import { MOCK_TOKENS } from '../src/tokens.js'
import { violationsOf } from './support/conformance.js'

const server = createMockServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const sh = { authorization: `Bearer ${MOCK_TOKENS.kaitenSh.valid}` }
const ru = { authorization: `Bearer ${MOCK_TOKENS.kaitenRu.valid}` }

describe('handlers (both APIs at their default base URLs)', () => {
  it('serves kaiten.sh at https://demo.kaiten.sh from the default store', async () => {
    // kaiten.sh, and kaiten.ru under /api/latest and its versioned name /api/v1.
    expect(handlers).toHaveLength(3)
    const response = await fetch(
      `${DEFAULT_BASE_URLS.kaitenSh}/instances/acme-production/audit-trails?limit=3`,
      {
        headers: sh,
      },
    )
    const { violations, body } = await violationsOf('kaiten-sh', response)
    expect(response.status).toBe(200)
    expect(violations).toEqual([])
    expect(JSON.parse(body)).toEqual(defaultStores.kaitenSh.entries('acme-production').slice(0, 3))
  })

  it('serves kaiten.ru at https://example.kaiten.ru/api/latest from the default store', async () => {
    const response = await fetch(`${DEFAULT_BASE_URLS.kaitenRu}/audit-logs?limit=2`, { headers: ru })
    const { violations, body } = await violationsOf('kaiten-ru', response)
    expect(response.status).toBe(200)
    expect(violations).toEqual([])
    expect(JSON.parse(body)).toEqual(defaultStores.kaitenRu.events().slice(0, 2))
    const v1 = await fetch(`${DEFAULT_BASE_URLS.kaitenRu.replace(/\/latest$/, '/v1')}/audit-logs?limit=2`, {
      headers: ru,
    })
    expect(await v1.json()).toEqual(defaultStores.kaitenRu.events().slice(0, 2))
  })

  it('match only the path a request has: a doubled slash is not the route', async () => {
    // fetch resolves `\` and dot segments before MSW sees the URL, as it does before sending; `//` survives both.
    for (const url of [
      'https://demo.kaiten.sh//evil.example/instances/acme-production/audit-trails',
      'https://demo.kaiten.sh/instances/acme-production//audit-trails',
      `${DEFAULT_BASE_URLS.kaitenRu.replace('/api/', '//api/')}/audit-logs`,
    ])
      await expect(fetch(url, { headers: { ...sh, ...ru } }), url).rejects.toThrow(/onUnhandledRequest/)
  })

  it('leaves other URLs unhandled, so onUnhandledRequest reports them', async () => {
    await expect(fetch('https://demo.kaiten.sh/instances')).rejects.toThrow()
  })
})

describe('kaitenShHandlers / kaitenRuHandlers', () => {
  it('serve a given store at a configurable base URL with a path prefix', async () => {
    const shStore = createKaitenShStore({ seed: 3, entries: 30 })
    const ruStore = createKaitenRuStore({ seed: 3, events: 30 })
    server.use(
      ...kaitenShHandlers({ baseUrl: 'http://localhost:6000/api/', store: shStore }),
      ...kaitenRuHandlers({ baseUrl: 'https://acme.kaiten.ru/api/v1', store: ruStore, rateLimit: false }),
    )
    const trail = await fetch('http://localhost:6000/api/instances/acme-production/audit-trails', {
      headers: sh,
    })
    expect(await trail.json()).toEqual(shStore.entries('acme-production'))
    const log = await fetch('https://acme.kaiten.ru/api/v1/audit-logs', { headers: ru })
    expect(await log.json()).toEqual(ruStore.events())
  })

  it('apply the kaiten.ru rate limit unless it is switched off', async () => {
    const now = () => Date.UTC(2026, 3, 1)
    server.use(...kaitenRuHandlers({ baseUrl: 'https://limited.kaiten.ru/api/latest', now }))
    server.use(...kaitenRuHandlers({ baseUrl: 'https://free.kaiten.ru/api/latest', rateLimit: false, now }))
    const statuses = async (origin: string) => {
      const out: number[] = []
      for (let i = 0; i < 6; i++)
        out.push((await fetch(`${origin}/api/latest/audit-logs?limit=1`, { headers: ru })).status)
      return out
    }
    expect(await statuses('https://limited.kaiten.ru')).toEqual([200, 200, 200, 200, 200, 429])
    expect(await statuses('https://free.kaiten.ru')).toEqual([200, 200, 200, 200, 200, 200])
  })

  it('reject a base URL that is not an absolute http(s) URL', () => {
    expect(() => kaitenShHandlers({ baseUrl: 'demo.kaiten.sh' })).toThrow(
      /baseUrl: "demo.kaiten.sh" is not allowed; allowed: an absolute http\(s\) URL/,
    )
    expect(() => kaitenRuHandlers({ baseUrl: 'ftp://x.kaiten.ru' })).toThrow(/baseUrl: "ftp:\/\/x.kaiten.ru"/)
  })

  it('let a test override one request with server.use and fall back afterwards', async () => {
    server.use(
      http.get(`${DEFAULT_BASE_URLS.kaitenRu}/audit-logs`, () => new Response(null, { status: 418 }), {
        once: true,
      }),
    )
    expect((await fetch(`${DEFAULT_BASE_URLS.kaitenRu}/audit-logs?limit=1`, { headers: ru })).status).toBe(
      418,
    )
    expect((await fetch(`${DEFAULT_BASE_URLS.kaitenRu}/audit-logs?limit=1`, { headers: ru })).status).toBe(
      200,
    )
  })
})
