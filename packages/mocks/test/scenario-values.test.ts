import { propertySeed } from '@kaiten-audit/types/testing'
import fc from 'fast-check'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { kaitenRuHandlers } from '../src/handlers/kaiten-ru.js'
import { createKaitenRuResponder } from '../src/responders/kaiten-ru.js'
import { createKaitenShResponder } from '../src/responders/kaiten-sh.js'
import { parseScenario, SCENARIO_NAMES } from '../src/scenarios/catalogue.js'
import { SCENARIO_HEADER } from '../src/scenarios/header.js'
import { scenarios } from '../src/scenarios/index.js'
import { ScenarioError } from '../src/scenarios/scenario.js'
import { type MockServers, startMockServers } from '../src/server.js'
import { createKaitenRuStore } from '../src/store/kaiten-ru.js'
import { createKaitenShStore } from '../src/store/kaiten-sh.js'
import { MOCK_TOKENS } from '../src/tokens.js'

const IO_TIMEOUT_MS = 30_000
const ALL_NAMES = SCENARIO_NAMES.join(', ')

const shResponder = () =>
  createKaitenShResponder({ store: createKaitenShStore({ entries: 30 }), basePath: '/api' })
const ruResponder = () =>
  createKaitenRuResponder({ store: createKaitenRuStore({ events: 30 }), rateLimit: false })
const shRequest = (query = '') =>
  new Request(`http://mock.test/api/instances/acme-production/audit-trails${query}`, {
    headers: { authorization: `Bearer ${MOCK_TOKENS.kaitenSh.valid}` },
  })

describe('a scenario value wraps one API responder', () => {
  it('knows the API from the responder it wraps, and hands back a responder of the same API and store', async () => {
    const faithful = shResponder()
    const wrapped = scenarios.serverErrors({ status: 502, times: 1 }).wrap(faithful)
    expect([wrapped.api, wrapped.store, wrapped.basePath]).toEqual(['kaiten-sh', faithful.store, '/api'])
    const first = await wrapped(shRequest())
    expect([first.status, first.headers.get('content-type')]).toEqual([502, 'application/problem+json'])
    expect((await wrapped(shRequest())).status).toBe(200)
  })

  it('composes: a wrapped responder can be wrapped again, innermost first', async () => {
    const faithful = ruResponder()
    const request = () =>
      new Request('http://mock.test/api/latest/audit-logs', {
        headers: { authorization: `Bearer ${MOCK_TOKENS.kaitenRu.valid}` },
      })
    const both = scenarios
      .htmlErrorPage({ times: 1 })
      .wrap(scenarios.serverErrors({ times: 2 }).wrap(faithful))
    expect((await both(request())).status).toBe(502)
    expect((await both(request())).status).toBe(500)
    expect((await both(request())).status).toBe(500)
    expect((await both(request())).status).toBe(200)
  })

  it('gives each wrap its own times budget', async () => {
    const scenario = scenarios.serverErrors({ times: 1 })
    const one = scenario.wrap(shResponder())
    const other = scenario.wrap(shResponder())
    expect((await one(shRequest())).status).toBe(500)
    expect((await other(shRequest())).status).toBe(500)
    expect((await one(shRequest())).status).toBe(200)
  })

  it('refuses a function that does not say its API, and a responder of an API the scenario does not cover', () => {
    const plain = async () => new Response('')
    expect(() => scenarios.serverErrors().wrap(plain)).toThrow(ScenarioError)
    expect(() => scenarios.serverErrors().wrap(plain)).toThrow(
      /responder: a function that does not say its API is not allowed; allowed: a responder of createKaitenShResponder/,
    )
    expect(() => scenarios.cursorEnvelope().wrap(ruResponder())).toThrow(
      'scenario cursor-envelope: a kaiten.ru responder is not allowed; allowed: kaiten.sh',
    )
    expect(() => scenarios.serverErrors({ api: 'kaiten-ru' }).wrap(shResponder())).toThrow(
      'scenario server-errors: a kaiten.sh responder is not allowed; allowed: kaiten.ru',
    )
  })

  it.each([
    [
      () => scenarios.serverErrors({ status: 404 }),
      /status: 404 is not allowed; allowed: an integer from 500 to 599/,
    ],
    [() => scenarios.latency({ ms: -1 }), /ms: -1 is not allowed; allowed: an integer from 0 to 600000/],
    [() => scenarios.networkError({ times: -2 }), /times: -2 is not allowed; allowed: an integer ≥ 0/],
    [() => scenarios.insertDuringPaging({ count: 0 }), /count: 0 is not allowed/],
    [() => scenarios.htmlErrorPage({ status: '502' as unknown as number }), /status: "502" is not allowed/],
    [() => scenarios.serverErrors({ colour: 1 } as never), /option "colour" is not allowed; allowed: status/],
    [() => scenarios.latency({} as never), /latency, ms: missing; allowed: an integer from 0 to 600000/],
    [() => scenarios.rateLimitStorm({ now: 5 as never }), /now: 5 is not allowed; allowed: a function/],
  ])('refuses bad options from code, naming the value and what is allowed (%#)', (build, message) => {
    expect(build).toThrow(ScenarioError)
    expect(build).toThrow(message)
  })
})

describe('the text form', () => {
  it('never fails with anything but a ScenarioError, whatever it is given', () => {
    const seed = propertySeed('parseScenario')
    const pieces = fc.constantFrom(
      ...SCENARIO_NAMES,
      ':',
      ',',
      '=',
      'times',
      'status',
      'ms',
      'api',
      '503',
      '-1',
      ' ',
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((parts) => parts.join('')),
        ),
        (text) => {
          try {
            parseScenario(text)
          } catch (error) {
            expect(error).toBeInstanceOf(ScenarioError)
          }
        },
      ),
      { seed, numRuns: 500 },
    )
  })

  it('reads back what it writes, for any options in range', () => {
    const seed = propertySeed('scenario text round trip')
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 599 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { nil: undefined }),
        fc.option(fc.constantFrom('kaiten-sh' as const, 'kaiten-ru' as const), { nil: undefined }),
        (status, times, api) => {
          const value = scenarios.serverErrors({ status, times, api })
          const read = parseScenario(String(value))
          expect([read.name, read.options, read.apis]).toEqual([value.name, value.options, value.apis])
        },
      ),
      { seed, numRuns: 200 },
    )
  })
})

describe('MSW overrides', () => {
  const BASE = 'https://values.kaiten.ru/api/latest'
  const store = createKaitenRuStore({ seed: 9, events: 40 })
  const server = setupServer(...kaitenRuHandlers({ baseUrl: BASE, store, rateLimit: false }))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  const logs = (path = '/audit-logs') =>
    fetch(`${BASE}${path}?limit=3`, { headers: { authorization: `Bearer ${MOCK_TOKENS.kaitenRu.valid}` } })

  it('step aside when they hand the answer back untouched, so the handlers after them answer from their store', async () => {
    // No store given: the scenario's own faithful responder would serve the default store, a different data set.
    server.use(scenarios.latency({ ms: 0 }).handler(BASE))
    const body = (await (await logs()).json()) as { id: string }[]
    expect(body.map((event) => event.id)).toEqual(
      store
        .events()
        .slice(0, 3)
        .map((event) => event.id),
    )
  })

  it('cover the version alias of kaiten.ru, and leave paths that are no route to the handlers after them', async () => {
    server.use(scenarios.serverErrors({ status: 503 }).handler(BASE))
    expect((await fetch(`https://values.kaiten.ru/api/v1/audit-logs`)).status).toBe(503)
    expect((await logs()).status).toBe(503)
    // No route: the override does not answer it, and no handler does either.
    await expect(logs('/audit-logs/extra')).rejects.toThrow()
  })
})

describe(`${SCENARIO_HEADER} over HTTP`, { timeout: IO_TIMEOUT_MS }, () => {
  let servers: MockServers
  beforeAll(async () => {
    servers = await startMockServers({ sizes: { kaitenShEntries: 30, kaitenRuEvents: 30 }, rateLimit: false })
  }, IO_TIMEOUT_MS)
  afterAll(() => servers.close())
  const trails = (scenario: string) =>
    fetch(`${servers.kaitenSh.baseUrl}/instances/${servers.kaitenSh.instanceSlug}/audit-trails`, {
      headers: { authorization: `Bearer ${servers.kaitenSh.token}`, [SCENARIO_HEADER]: scenario },
    })
  const logs = (scenario: string) =>
    fetch(`${servers.kaitenRu.baseUrl}/audit-logs`, {
      headers: { authorization: `Bearer ${servers.kaitenRu.token}`, [SCENARIO_HEADER]: scenario },
    })

  it('refuses an unknown name with 400 in kaiten.sh problem details that list the names', async () => {
    const response = await trails('explode')
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(((await response.json()) as { detail: string }).detail).toBe(
      `${SCENARIO_HEADER}: scenario "explode" is not allowed; allowed: ${ALL_NAMES}`,
    )
  })

  it("refuses an unknown name with kaiten.ru's bodiless 400, the reason in X-Mock-Reason", async () => {
    const response = await logs('explode')
    expect([response.status, await response.text()]).toEqual([400, ''])
    expect(response.headers.get('x-mock-reason')).toBe(
      `${SCENARIO_HEADER}: scenario "explode" is not allowed; allowed: ${ALL_NAMES}`,
    )
  })

  it.each([
    [
      'a kaiten.sh-only scenario on kaiten.ru',
      'cursor-envelope',
      /scenario cursor-envelope on kaiten\.ru is not allowed; allowed: kaiten\.sh/,
    ],
    ['an unknown option', 'server-errors:colour=red', /option "colour" is not allowed; allowed: status/],
    [
      'a value out of range',
      'server-errors:status=200',
      /status: "200" is not allowed; allowed: an integer from 500 to 599/,
    ],
    ['an empty value', '', /scenario "" is not allowed; allowed: latency/],
  ])('refuses %s with 400 naming what is allowed', async (_what, scenario, reason) => {
    const response = await logs(scenario)
    expect(response.status).toBe(400)
    expect(response.headers.get('x-mock-reason')).toMatch(reason)
  })

  it('shares one times budget among requests that send the same value, and leaves other requests alone', async () => {
    expect((await trails('server-errors:status=599,times=1')).status).toBe(599)
    expect((await trails('server-errors:times=1,status=599')).status).toBe(599)
    expect((await trails('server-errors:status=599,times=1')).status).toBe(200)
    const plain = await fetch(
      `${servers.kaitenSh.baseUrl}/instances/${servers.kaitenSh.instanceSlug}/audit-trails`,
      {
        headers: { authorization: `Bearer ${servers.kaitenSh.token}` },
      },
    )
    expect(plain.status).toBe(200)
  })
})

describe('startMockServers({ scenarios, wrap })', { timeout: IO_TIMEOUT_MS }, () => {
  it('puts each listed scenario on every API it applies to, and per-API lists only on theirs', async () => {
    const servers = await startMockServers({
      sizes: { kaitenShEntries: 30, kaitenRuEvents: 30 },
      rateLimit: false,
      scenarios: [
        scenarios.cursorEnvelope(),
        scenarios.serverErrors({ status: 503, times: 1, api: 'kaiten-ru' }),
      ],
    })
    try {
      const sh = await fetch(
        `${servers.kaitenSh.baseUrl}/instances/${servers.kaitenSh.instanceSlug}/audit-trails`,
        {
          headers: { authorization: `Bearer ${servers.kaitenSh.token}` },
        },
      )
      expect(Object.keys((await sh.json()) as object)).toEqual(['items', 'hasMore', 'nextCursor'])
      const ru = () =>
        fetch(`${servers.kaitenRu.baseUrl}/audit-logs`, {
          headers: { authorization: `Bearer ${servers.kaitenRu.token}` },
        })
      expect((await ru()).status).toBe(503)
      expect((await ru()).status).toBe(200)
    } finally {
      await servers.close()
    }
  })

  it('refuses a scenario named for an API it does not apply to', async () => {
    await expect(startMockServers({ scenarios: { kaitenRu: [scenarios.cursorEnvelope()] } })).rejects.toThrow(
      'scenario cursor-envelope: a kaiten.ru responder is not allowed; allowed: kaiten.sh',
    )
  })

  it("takes a scenario's wrap as a (faithful) => responder variant", async () => {
    const servers = await startMockServers({
      sizes: { kaitenShEntries: 30, kaitenRuEvents: 30 },
      wrap: { kaitenSh: (faithful) => scenarios.malformedJson({ times: 1 }).wrap(faithful) },
    })
    try {
      const url = `${servers.kaitenSh.baseUrl}/instances/${servers.kaitenSh.instanceSlug}/audit-trails`
      const headers = { authorization: `Bearer ${servers.kaitenSh.token}` }
      await expect((await fetch(url, { headers })).json()).rejects.toThrow(SyntaxError)
      expect((await fetch(url, { headers })).status).toBe(200)
    } finally {
      await servers.close()
    }
  })
})
