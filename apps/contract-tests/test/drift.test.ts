import { addEnumValue, addParameter, addResponse, editedSpec } from '@kaiten-audit/types/testing'
import { describe, expect, it } from 'vitest'
import { detectKaitenRuDrift } from '../src/checks/drift/kaiten-ru.js'
import { detectKaitenShDrift } from '../src/checks/drift/kaiten-sh.js'
import type { Exchange } from '../src/http/exchange.js'
import { OperationSpec } from '../src/spec/operation.js'

function exchange(overrides: Partial<Exchange>): Exchange {
  return {
    api: 'kaiten-sh',
    checkId: 'test',
    method: 'GET',
    target: '/instances/acme/audit-trails',
    url: 'https://demo.kaiten.sh/instances/acme/audit-trails',
    specPath: '/instances/{instanceSlug}/audit-trails',
    auth: 'valid',
    requestHeaders: {},
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '[]',
    violations: [],
    durationMs: 1,
    sentAt: 0,
    receivedAt: 1,
    sentOrder: 1,
    receivedOrder: 2,
    ...overrides,
  }
}

const entry = {
  id: 1042,
  instanceId: 'i',
  instanceSlug: 'acme',
  eventName: 'kaiten.v1.feature_flag.evaluate',
  payload: null,
  status: 'ACCEPTED',
  timestamp: '2026-04-02T09:30:00Z',
}

const summaries = (exchanges: Exchange[], detect: typeof detectKaitenShDrift) =>
  detect(exchanges).drifts.map((drift) => drift.summary)

describe('kaiten.sh drift', () => {
  it('finds nothing in a documented answer, and notes a new event name without failing', () => {
    const found = detectKaitenShDrift([
      exchange({ body: JSON.stringify([entry, { ...entry, eventName: 'kaiten.v2.new' }]) }),
    ])
    expect(found.drifts).toEqual([])
    expect(found.notes).toEqual([
      "event name kaiten.v2.new is not in the guide's list (allowed: the set is open)",
    ])
  })

  it('names the cursor envelope and UUID ids of the newer service', () => {
    const body = {
      items: [{ ...entry, id: '0b4d3c1e-8f6a-4e2b-9c7d-5a1f2e3d4c5b' }],
      hasMore: true,
      nextCursor: 'x',
    }
    expect(summaries([exchange({ body: JSON.stringify(body) })], detectKaitenShDrift)).toEqual([
      'kaiten.sh answered an object envelope {items, hasMore, nextCursor} where the spec documents a bare array: the service appears to have moved to cursor pagination',
      'kaiten.sh entry ids are UUID strings where the spec documents increasing integers, as in the newer cursor-paginated service',
    ])
  })

  it('names problems served as application/json and constraint violations answered 400', () => {
    const problem = { title: 'Bad Request', status: 400, errors: [{ location: 'query.limit' }] }
    expect(
      summaries([exchange({ status: 400, body: JSON.stringify(problem) })], detectKaitenShDrift),
    ).toEqual([
      'kaiten.sh serves its problem details as application/json instead of application/problem+json',
      'kaiten.sh answers a broken parameter constraint with 400 where the spec documents 422 (Huma): its validation has changed',
    ])
  })

  it("judges by the run's model: a status and an entry status an edited spec adds are not drift", () => {
    const statusFilter = {
      name: 'status',
      in: 'query',
      schema: { $ref: '#/components/schemas/AuditTrailStatus' },
    }
    const { model } = editedSpec(
      'kaiten-sh',
      addResponse('getAuditTrails', '409', { description: 'Conflicting filters.' }),
      addParameter('getAuditTrails', statusFilter),
      addEnumValue('getAuditTrails', 'status', 'PENDING'),
    )
    const exchanges = [
      exchange({ status: 409, headers: {}, body: '' }),
      exchange({ body: JSON.stringify([{ ...entry, status: 'PENDING' }]) }),
    ]
    expect(detectKaitenShDrift(exchanges, OperationSpec.of('kaiten-sh', model)).drifts).toEqual([])
    expect(summaries(exchanges, detectKaitenShDrift)).toEqual([
      'kaiten.sh answered 409, a status the spec does not document for this operation',
      'kaiten.sh reports an entry status "PENDING" the spec does not list: the service has a new outcome',
    ])
  })

  it('names an undocumented 429 as newly added rate limiting', () => {
    expect(summaries([exchange({ status: 429, headers: {}, body: '' })], detectKaitenShDrift)).toEqual([
      'kaiten.sh answered 429, a status the spec does not document for this operation: the service appears to have added rate limiting',
    ])
  })
})

describe('kaiten.ru drift', () => {
  const limitHeaders = { 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': '1775122201' }
  const ru = (overrides: Partial<Exchange>) =>
    exchange({
      api: 'kaiten-ru',
      target: '/audit-logs',
      specPath: '/audit-logs',
      headers: limitHeaders,
      ...overrides,
    })

  it('finds nothing in documented answers, and notes an undocumented category', () => {
    const found = detectKaitenRuDrift([
      ru({ body: JSON.stringify([{ category: 'billing', action: 'sign_in' }]) }),
      ru({ status: 401, body: '', auth: 'none' }),
    ])
    expect(found.drifts).toEqual([])
    expect(found.notes).toEqual([
      'category billing is not in the documented list (the `categories` filter cannot select it)',
    ])
  })

  it('names a plain-text 401 body and a JSON 400 body', () => {
    expect(
      summaries(
        [
          ru({ status: 401, headers: { 'content-type': 'text/plain' }, body: 'Invalid token' }),
          ru({ status: 400, body: '{"error":"bad"}' }),
        ],
        detectKaitenRuDrift,
      ),
    ).toEqual([
      'kaiten.ru sends a text/plain body with its 401 responses (like the plain-text "Invalid token" other endpoints document); this endpoint documents none',
      'kaiten.ru now sends a JSON body with its 400 responses; the spec documents none',
    ])
  })

  it('names lost rate-limit headers, a reset in milliseconds or as a countdown, and an object envelope', () => {
    expect(
      summaries(
        [
          ru({ headers: {} }),
          ru({ headers: { ...limitHeaders, 'x-ratelimit-reset': '1775122201000' } }),
          ru({ headers: { ...limitHeaders, 'x-ratelimit-reset': '1' } }),
          ru({ body: '{"data":[]}' }),
        ],
        detectKaitenRuDrift,
      ),
    ).toEqual([
      'kaiten.ru 200 responses no longer carry x-ratelimit-remaining and x-ratelimit-reset',
      'kaiten.ru X-RateLimit-Reset looks like epoch milliseconds; the spec documents UTC epoch seconds',
      'kaiten.ru X-RateLimit-Reset looks like seconds until the reset; the spec documents UTC epoch seconds',
      'kaiten.ru answered an object {data} where the spec documents a bare array of events: the response envelope has changed',
    ])
  })
})
