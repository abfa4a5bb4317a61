import type { AuditLogEvent, AuditTrailEntry, ProblemDetails } from '@kaiten-audit/types'
import type { HttpHandler } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { DEFAULT_BASE_URLS } from '../src/base-url.js'
import { kaitenRuHttp, kaitenShHttp } from '../src/index.js'
import { createMockServer } from '../src/node.js'
import { MOCK_TOKENS } from '../src/tokens.js'
import { violationsOf } from './support/conformance.js'

const server = createMockServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const entry: AuditTrailEntry = {
  id: 1,
  instanceId: '5b0c7a3e-3f0e-4f51-9a53-0c6f1f4f2a10',
  instanceSlug: 'override',
  eventName: 'kaiten.v1.feature_flag.evaluate',
  payload: null,
  status: 'ACCEPTED',
  timestamp: '2026-04-02T09:30:00Z',
}

describe('typed handler factories (types)', () => {
  it('offer only the documented paths, with typed params, query and responses', () => {
    const sh = kaitenShHttp()
    const ru = kaitenRuHttp()
    expectTypeOf(
      sh.get('/instances/{instanceSlug}/audit-trails', ({ response }) => response(200).json([])),
    ).toEqualTypeOf<HttpHandler>()
    sh.get('/instances/{instanceSlug}/audit-trails', ({ params, query, response }) => {
      expectTypeOf(params.instanceSlug).toEqualTypeOf<string>()
      expectTypeOf(query.get('limit')).toEqualTypeOf<string | null>()
      return response(422).json({
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'validation failed',
      } satisfies ProblemDetails)
    })
    ru.get('/audit-logs', ({ response }) => response(401).empty())
    // @ts-expect-error kaiten.sh has no such path
    sh.get('/audit-logs', () => new Response())
    // @ts-expect-error kaiten.ru has no POST operation
    ru.post('/audit-logs', () => new Response())
    // @ts-expect-error a 200 body is a list of entries, not one entry
    sh.get('/instances/{instanceSlug}/audit-trails', ({ response }) => response(200).json(entry))
    // @ts-expect-error kaiten.ru documents its 401 without a body
    ru.get('/audit-logs', ({ response }) => response(401).json({ message: 'no' }))
    // @ts-expect-error 418 is not a documented status
    ru.get('/audit-logs', ({ response }) => response(418).empty())
  })
})

describe('typed handler factories (runtime, through server.use)', () => {
  it('override kaiten.sh at its default base URL, once, then the faithful mock answers again', async () => {
    server.use(
      kaitenShHttp().get(
        '/instances/{instanceSlug}/audit-trails',
        ({ params, response }) => response(200).json([{ ...entry, instanceSlug: params.instanceSlug }]),
        { once: true },
      ),
    )
    const url = `${DEFAULT_BASE_URLS.kaitenSh}/instances/acme-production/audit-trails`
    const init = { headers: { authorization: `Bearer ${MOCK_TOKENS.kaitenSh.valid}` } }
    const overridden = await fetch(url, init)
    const { violations, body } = await violationsOf('kaiten-sh', overridden)
    expect(violations).toEqual([])
    expect(JSON.parse(body)).toEqual([{ ...entry, instanceSlug: 'acme-production' }])
    const faithful = (await (await fetch(url, init)).json()) as AuditTrailEntry[]
    expect(faithful).toHaveLength(50)
    expect(faithful[0]?.instanceSlug).toBe('acme-production')
  })

  it('override kaiten.ru at a base URL of the caller, reading the typed query', async () => {
    const baseUrl = 'https://acme.kaiten.ru/api/latest'
    const seen: (string | null)[] = []
    server.use(
      kaitenRuHttp(baseUrl).get('/audit-logs', ({ query, response }) => {
        seen.push(query.get('limit'))
        return response(200).json([] as AuditLogEvent[])
      }),
    )
    const response = await fetch(`${baseUrl}/audit-logs?limit=7`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([])
    expect(seen).toEqual(['7'])
  })

  it('refuses a base URL that is not an absolute http(s) URL, naming it', () => {
    expect(() => kaitenShHttp('demo.kaiten.sh')).toThrow(/baseUrl: "demo.kaiten.sh" is not allowed/)
  })
})
