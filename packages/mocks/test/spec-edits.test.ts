// Edits an in-memory copy of each spec, builds the model with the generator's builder and hands it to the fakes:
// routing, validation, statuses and scenarios follow with no change to src/. The edits come from
// @kaiten-audit/types/testing.
import type { ApiModel } from '@kaiten-audit/types'
import {
  addEnumValue,
  addParameter,
  addResponse,
  editedSpec,
  patchParameterSchema,
  setOperationExtension,
} from '@kaiten-audit/types/testing'
import { describe, expect, it } from 'vitest'
import { kaitenRuHandlers } from '../src/handlers/kaiten-ru.js'
import { createKaitenRuResponder } from '../src/responders/kaiten-ru.js'
import { createKaitenShResponder } from '../src/responders/kaiten-sh.js'
import { scenarios } from '../src/scenarios/index.js'
import { ScenarioError } from '../src/scenarios/scenario.js'
import { startMockServers } from '../src/server.js'
import { createKaitenRuStore } from '../src/store/kaiten-ru.js'
import { createKaitenShStore } from '../src/store/kaiten-sh.js'
import { MOCK_TOKENS } from '../src/tokens.js'
import { ruRequest, shRequest } from './support/requests.js'

const SH = 'getAuditTrails'
const RU = 'retrieveAuditLogEvents'
const SLUG = 'acme-production'

function sh(model?: ApiModel) {
  const store = createKaitenShStore({ entries: 1000 })
  return { store, respond: createKaitenShResponder({ store, ...(model ? { model } : {}) }) }
}

function ru(model?: ApiModel) {
  const store = createKaitenRuStore({ events: 600 })
  return { store, respond: createKaitenRuResponder({ store, rateLimit: false, ...(model ? { model } : {}) }) }
}

async function items(response: Response): Promise<Record<string, unknown>[]> {
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, unknown>[]
}

describe('kaiten.sh mocks follow an edited spec', () => {
  it('a new enum value: a status filter the spec adds, then widens, filters items carrying it', async () => {
    const filter = { name: 'status', in: 'query', schema: { $ref: '#/components/schemas/AuditTrailStatus' } }
    const { model } = editedSpec('kaiten-sh', addParameter(SH, filter), addEnumValue(SH, 'status', 'PENDING'))
    const { store, respond } = sh(model)
    const pending = store.append(SLUG, { status: 'PENDING' as never })
    const found = await items(await respond(shRequest(SLUG, '?status=PENDING')))
    expect(found.map((entry) => entry.id)).toEqual([pending.id])
    const accepted = await items(await respond(shRequest(SLUG, '?status=ACCEPTED&limit=200')))
    expect(accepted.length).toBeGreaterThan(0)
    expect(accepted.every((entry) => entry.status === 'ACCEPTED')).toBe(true)
    expect((await respond(shRequest(SLUG, '?status=LOST'))).status).toBe(422)
    // The generated model knows no status filter: there it is an unknown parameter, ignored, and filters nothing.
    const ignored = await items(await sh().respond(shRequest(SLUG, '?status=PENDING&limit=20')))
    expect(ignored).toHaveLength(20)
  })

  it('a changed maximum: the new bound is served, one above is refused with the documented status', async () => {
    const { model } = editedSpec('kaiten-sh', patchParameterSchema(SH, 'limit', { maximum: 300 }))
    const { respond } = sh(model)
    expect(await items(await respond(shRequest(SLUG, '?limit=250')))).toHaveLength(250)
    const refused = await respond(shRequest(SLUG, '?limit=301'))
    expect(refused.status).toBe(422)
    expect(await refused.json()).toMatchObject({
      errors: [{ location: 'query.limit', value: 301, message: 'expected an integer from 1 to 300' }],
    })
    expect((await sh().respond(shRequest(SLUG, '?limit=250'))).status).toBe(422)
  })

  it('a new optional query parameter: accepted, and its invalid values refused', async () => {
    const board = { name: 'board_id', in: 'query', schema: { type: 'integer', format: 'int32', minimum: 1 } }
    const { model } = editedSpec('kaiten-sh', addParameter(SH, board))
    const { respond } = sh(model)
    expect(await items(await respond(shRequest(SLUG, '?board_id=7&limit=3')))).toHaveLength(3)
    const refused = await respond(shRequest(SLUG, '?board_id=0'))
    expect(refused.status).toBe(422)
    expect(await refused.json()).toMatchObject({ errors: [{ location: 'query.board_id', value: 0 }] })
  })

  it('a new documented error status: the documented-error scenario serves it, and refuses it before', async () => {
    const { model } = editedSpec('kaiten-sh', addResponse(SH, '409', { description: 'Conflicting filters.' }))
    const scenario = scenarios.documentedError({ status: 409 })
    const answer = await scenario.wrap(sh(model).respond)(shRequest(SLUG))
    expect(answer.status).toBe(409)
    expect(await answer.json()).toMatchObject({ status: 409 })
    expect(() => scenario.wrap(sh().respond)).toThrow(ScenarioError)
    expect(() => scenario.wrap(sh().respond)).toThrow(
      /409 is not allowed; allowed: .*\(400, 401, 403, 404, 422, 500\)/,
    )
  })

  it('a changed x-invalid-parameter-status: constraint and format statuses move', async () => {
    const { model } = editedSpec(
      'kaiten-sh',
      addResponse(SH, '409', { description: 'Conflicting filters.' }),
      setOperationExtension(SH, 'x-invalid-parameter-status', { default: 409, 'date-time': 422 }),
    )
    const { respond } = sh(model)
    expect((await respond(shRequest(SLUG, '?limit=0'))).status).toBe(409)
    expect((await respond(shRequest(SLUG, '?after=yesterday'))).status).toBe(422)
  })

  it('an x-invalid-parameter-status naming an undocumented status is refused when the responder is made', () => {
    const { model } = editedSpec(
      'kaiten-sh',
      setOperationExtension(SH, 'x-invalid-parameter-status', { default: 418 }),
    )
    expect(() => sh(model)).toThrow(/documents no 418 in the API model/)
  })
})

describe('kaiten.ru mocks follow an edited spec', () => {
  it('a new enum value: accepted as a filter, and items carrying it are found by it', async () => {
    const { model } = editedSpec('kaiten-ru', addEnumValue(RU, 'categories', 'billing'))
    const { store, respond } = ru(model)
    const billed = store.append({ category: 'billing' as never, action: 'start' })
    const found = await items(await respond(ruRequest('?categories=billing,auth&limit=500')))
    expect(found[0]?.id).toBe(billed.id)
    expect(found.every((event) => event.category === 'billing' || event.category === 'auth')).toBe(true)
    expect((await ru().respond(ruRequest('?categories=billing'))).status).toBe(400)
  })

  it('a changed maximum: the new bound is served, one above is refused with the documented status', async () => {
    const { model } = editedSpec('kaiten-ru', patchParameterSchema(RU, 'offset', { maximum: 1000 }))
    const { respond } = ru(model)
    expect((await respond(ruRequest('?offset=1000'))).status).toBe(200)
    const refused = await respond(ruRequest('?offset=1001'))
    expect(refused.status).toBe(400)
    expect(refused.headers.get('x-mock-reason')).toBe(
      'offset: "1001" is not allowed; allowed: an integer from 0 to 1000',
    )
  })

  it('a new optional query parameter: accepted, and its invalid values refused', async () => {
    const space = { name: 'space_id', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 99 } }
    const { model } = editedSpec('kaiten-ru', addParameter(RU, space))
    const { respond } = ru(model)
    expect(await items(await respond(ruRequest('?space_id=5&limit=4')))).toHaveLength(4)
    expect((await respond(ruRequest('?space_id=100'))).status).toBe(400)
    // Unknown to the generated model: ignored there, as the API ignores parameters it does not define.
    expect((await ru().respond(ruRequest('?space_id=100'))).status).toBe(200)
  })

  it('a new documented error status: the documented-error scenario serves it with its documented headers', async () => {
    const { model } = editedSpec(
      'kaiten-ru',
      addResponse(RU, '503', {
        description: 'Maintenance.',
        headers: { 'X-RateLimit-Remaining': { schema: { type: 'integer', minimum: 0 } } },
      }),
    )
    const scenario = scenarios.documentedError({ status: 503 })
    const answer = await scenario.wrap(ru(model).respond)(ruRequest())
    expect(answer.status).toBe(503)
    expect(answer.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/)
    expect(answer.headers.get('x-ratelimit-reset')).toBeNull()
    expect(() => scenario.wrap(ru().respond)).toThrow(/503 is not allowed/)
  })

  it('a changed x-invalid-parameter-status', async () => {
    const { model } = editedSpec(
      'kaiten-ru',
      addResponse(RU, '422', { description: 'Invalid parameter.' }),
      setOperationExtension(RU, 'x-invalid-parameter-status', { default: 422 }),
    )
    expect((await ru(model).respond(ruRequest('?from=x'))).status).toBe(422)
    expect((await ru().respond(ruRequest('?from=x'))).status).toBe(400)
  })

  it('a changed x-rate-limit', async () => {
    const { model } = editedSpec(
      'kaiten-ru',
      setOperationExtension(RU, 'x-rate-limit', { requests: 2, windowSeconds: 3 }),
    )
    const now = () => 9_000_500
    const respond = createKaitenRuResponder({ store: createKaitenRuStore({ events: 10 }), model, now })
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await respond(ruRequest('?limit=1'))).status)
    expect(statuses).toEqual([200, 200, 429])
    // Windows of 3 s aligned to the epoch: the one holding 9000.5 s ends at 9003 s.
    expect((await respond(ruRequest())).headers.get('x-ratelimit-reset')).toBe('9003')
  })
})

describe('routing follows the model', () => {
  /** The operation under a new path and server, as a spec that moves it would say. */
  function moved(document: Record<string, unknown>) {
    const paths = document.paths as Record<string, unknown>
    paths['/v2/company/audit-events'] = paths['/audit-logs']
    delete paths['/audit-logs']
    document.servers = [
      { url: 'https://{domain}.kaiten.example/api/next', variables: { domain: { default: 'demo' } } },
    ]
  }

  it('MSW handlers answer the moved route only', async () => {
    const { model } = editedSpec('kaiten-ru', moved)
    const [handler] = kaitenRuHandlers({
      baseUrl: 'https://demo.kaiten.example/api/next',
      model,
      rateLimit: false,
    })
    expect(handler?.info.header).toContain('https://demo.kaiten.example/api/next/v2/company/audit-events')
    const respond = createKaitenRuResponder({
      store: createKaitenRuStore({ events: 10 }),
      model,
      rateLimit: false,
    })
    const headers = { authorization: `Bearer ${MOCK_TOKENS.kaitenRu.valid}` }
    expect(
      (
        await respond(
          new Request('https://demo.kaiten.example/api/next/v2/company/audit-events', { headers }),
        )
      ).status,
    ).toBe(200)
    expect(
      (await respond(new Request('https://demo.kaiten.example/api/next/audit-logs', { headers }))).status,
    ).toBe(404)
  })

  it('startMockServers serves the moved route under the moved server path', { timeout: 60_000 }, async () => {
    const { model } = editedSpec('kaiten-ru', moved)
    const servers = await startMockServers({
      models: { kaitenRu: model },
      rateLimit: false,
      sizes: { kaitenRuEvents: 5 },
    })
    try {
      expect(servers.kaitenRu.baseUrl).toMatch(/\/api\/next$/)
      const response = await fetch(`${servers.kaitenRu.baseUrl}/v2/company/audit-events?limit=2`, {
        headers: { authorization: `Bearer ${servers.kaitenRu.token}` },
      })
      expect(await items(response)).toHaveLength(2)
    } finally {
      await servers.close()
    }
  })
})
