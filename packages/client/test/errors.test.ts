import {
  createKaitenRuStore,
  createKaitenShStore,
  kaitenRuHandlers,
  kaitenShHandlers,
  MOCK_TOKENS,
  scenarios,
} from '@kaiten-audit/mocks'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  KaitenError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseShapeError,
  UnprocessableEntityError,
} from '../src/index.js'
import { ruClient, shClient } from './support/clients.js'
import { RU_BASE_URL, SH_BASE_URL, useMswServer } from './support/msw.js'

const shStore = createKaitenShStore({ entries: 60 })
const ruStore = createKaitenRuStore({ events: 60 })
const server = useMswServer(
  ...kaitenShHandlers({ baseUrl: SH_BASE_URL, store: shStore }),
  ...kaitenRuHandlers({ baseUrl: RU_BASE_URL, store: ruStore, rateLimit: false }),
)
const slug = shStore.instances()[0]?.slug ?? ''
const SH_TRAILS = `${SH_BASE_URL}/instances/:slug/audit-trails`
const RU_LOGS = `${RU_BASE_URL}/audit-logs`

async function caught(promise: Promise<unknown>): Promise<KaitenError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KaitenError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

describe('kaiten.sh problem details', () => {
  it('maps a 403 problem+json from the mock to PermissionDeniedError with every problem field', async () => {
    const error = await caught(
      shClient({ token: MOCK_TOKENS.kaitenSh.withoutScope, maxRetries: 0 }).listAuditTrails(slug),
    )
    expect(error).toBeInstanceOf(PermissionDeniedError)
    const apiError = error as PermissionDeniedError
    expect(apiError.status).toBe(403)
    expect(apiError.title).toBe(apiError.problem?.title)
    expect(typeof apiError.title).toBe('string')
    expect(apiError.method).toBe('GET')
    expect(apiError.url).toBe(`${SH_BASE_URL}/instances/${slug}/audit-trails`)
  })

  it('maps an unknown instance to NotFoundError', async () => {
    const error = await caught(shClient().listAuditTrails('no-such-instance'))
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.status).toBe(404)
  })

  it('carries status, title, detail, type, instance and errors[] of a 422', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'validation failed',
      instance: '/instances/acme/audit-trails',
      errors: [{ location: 'query.limit', message: 'expected number <= 200', value: 500 }],
    }
    server.use(
      http.get(SH_TRAILS, () =>
        HttpResponse.json(problem, {
          status: 422,
          headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-422' },
        }),
      ),
    )
    const error = (await caught(shClient().listAuditTrails(slug))) as UnprocessableEntityError
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    expect({
      status: error.status,
      title: error.title,
      detail: error.detail,
      type: error.type,
      instance: error.instance,
      errors: error.errors,
    }).toEqual(problem)
    expect(error.requestId).toBe('req-422')
    expect(error.message).toContain('validation failed')
    expect(error.message).toContain('query.limit')
  })
})

describe('kaiten.ru errors without a problem body', () => {
  it('maps the bodyless 403 of a user without audit access to PermissionDeniedError', async () => {
    const error = await caught(ruClient({ token: MOCK_TOKENS.kaitenRu.withoutAccess }).listAuditLogs())
    expect(error).toBeInstanceOf(PermissionDeniedError)
    expect((error as ApiError).body).toBeUndefined()
    expect((error as ApiError).problem).toBeUndefined()
  })

  it.each([
    ['no body', () => new HttpResponse(null, { status: 401 }), undefined],
    ['a text body', () => HttpResponse.text('Invalid token', { status: 401 }), 'Invalid token'],
    [
      'unexpected JSON',
      () => HttpResponse.json({ message: 'nope', code: 7 }, { status: 401 }),
      { message: 'nope', code: 7 },
    ],
    [
      'text that claims to be JSON',
      () => new HttpResponse('oops{', { status: 401, headers: { 'content-type': 'application/json' } }),
      'oops{',
    ],
  ])('keeps the status and whatever body there was: %s', async (_name, respond, body) => {
    server.use(http.get(RU_LOGS, respond))
    const error = (await caught(ruClient().listAuditLogs())) as ApiError
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error.status).toBe(401)
    expect(error.body).toEqual(body)
  })
})

describe('one class per status', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [504, InternalServerError],
    [409, ApiError],
  ])('%i → %o', async (status, Class) => {
    server.use(
      http.get(
        RU_LOGS,
        () => new HttpResponse(null, { status, headers: { 'x-request-id': `req-${status}` } }),
      ),
    )
    const error = (await caught(ruClient({ maxRetries: 0 }).listAuditLogs({ limit: 5 }))) as ApiError
    expect(error.constructor).toBe(Class)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(status)
    expect(error.requestId).toBe(`req-${status}`)
    expect(error.method).toBe('GET')
    expect(error.url).toBe(`${RU_BASE_URL}/audit-logs?limit=5`)
    expect(error.name).toBe(Class.name)
  })
})

describe('response shape', () => {
  it('rejects the cursor envelope drift with ResponseShapeError, not a TypeError', async () => {
    server.use(scenarios.cursorEnvelope(SH_BASE_URL, { store: shStore }))
    const error = (await caught(shClient().listAuditTrails(slug))) as ResponseShapeError
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect(error.path).toBe('$')
    expect(error.expected).toBe('a JSON array of items')
    expect(error.actual).toMatch(/an object with keys .*items/)
    expect(error.status).toBe(200)
  })

  it('rejects a body that is not JSON', async () => {
    server.use(scenarios.malformedJson(RU_BASE_URL))
    const error = await caught(ruClient().listAuditLogs())
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect(error.message).toMatch(/not JSON/)
  })

  it.each([
    ['a missing field', { message: undefined }, '$[1].message'],
    ['a wrong type', { author_id: '12' }, '$[1].author_id'],
    ['an invalid date-time', { created: 'yesterday' }, '$[1].created'],
  ])('names the first item field with %s', async (_name, change, path) => {
    const events = ruStore.events().slice(0, 3)
    const broken = events.map((event, index) => (index === 1 ? { ...event, ...change } : event))
    server.use(http.get(RU_LOGS, () => HttpResponse.json(broken)))
    const error = (await caught(ruClient().listAuditLogs())) as ResponseShapeError
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect(error.path).toBe(path)
  })

  it('accepts every item of the faithful mocks', async () => {
    await expect(shClient().listAuditTrails(slug, { limit: 200 })).resolves.toHaveLength(
      shStore.entries(slug).length,
    )
    await expect(ruClient().listAuditLogs({ limit: 500 })).resolves.toHaveLength(60)
  })
})
