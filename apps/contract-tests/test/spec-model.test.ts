// What the checks read from the API models: page sizes, the kaiten.ru clamp, the rate limit, the status for an
// invalid parameter, paths, and how each parameter is written in a query.

import { buildApiModel } from '@kaiten-audit/types/model-builder'
import { addParameter, editedSpec, patchParameterSchema, specDocument } from '@kaiten-audit/types/testing'
import { describe, expect, it } from 'vitest'
import { RATE_LIMIT_REMAINING, RATE_LIMIT_RESET } from '../src/http/rate-limit-reset.js'
import { MOCK_SIZES } from '../src/mock-target.js'
import { OperationSpec, SpecFactMissing } from '../src/spec/operation.js'
import { renderQuery } from '../src/spec/query-text.js'

const sh = OperationSpec.of('kaiten-sh')
const ru = OperationSpec.of('kaiten-ru')

describe('the spec model', () => {
  it('reads each API page size from the limit parameter, and the kaiten.ru clamp from x-kaiten-limit-clamp', () => {
    expect(sh.pageLimits).toEqual({ minimum: 1, default: 50, max: 200 })
    expect(ru.pageLimits).toEqual({
      minimum: 0,
      default: 100,
      max: 500,
      clamp: { above: 500, applies: 500, zeroMeans: 'default' },
    })
  })

  it('knows the largest offset each schema allows: int32 for kaiten.sh, none for kaiten.ru', () => {
    expect(sh.largestValue('offset')).toBe(2_147_483_647)
    expect(ru.largestValue('offset')).toBeUndefined()
  })

  it('reads the kaiten.ru rate limit from x-rate-limit', () => {
    expect(ru.rateLimit).toEqual({ requests: 5, windowMs: 1000 })
    expect(sh.rateLimit).toBeUndefined()
  })

  it('reads the status of an invalid parameter from x-invalid-parameter-status', () => {
    expect(sh.invalidParameterStatus('date-time')).toBe(400)
    expect(sh.invalidParameterStatus('int32')).toBe(422)
    expect(ru.invalidParameterStatus('date-time')).toBe(400)
    expect(ru.invalidParameterStatus('enum')).toBe(400)
  })

  it('lists the query parameters with their resolved schemas', () => {
    const names = ru.queryParameters.map((parameter) => parameter.name)
    expect(names).toEqual([
      'from',
      'to',
      'author_id',
      'author_uid',
      'categories',
      'actions',
      'id',
      'limit',
      'offset',
    ])
    const categories = ru.queryParameters.find((parameter) => parameter.name === 'categories')
    expect(categories).toMatchObject({ style: 'form', explode: false, schema: { types: ['array'] } })
    expect(categories?.schema.items?.enum).toHaveLength(9)
  })

  it('writes a list the way its style says (form, not exploded: comma-separated), numbers and instants as text', () => {
    const query = renderQuery(ru, {
      categories: ['auth', 'app'],
      limit: 3,
      from: new Date(Date.UTC(2026, 3, 1)),
      author_uid: undefined,
    })
    expect(query.toString()).toBe('from=2026-04-01T00%3A00%3A00.000Z&categories=auth%2Capp&limit=3')
  })

  it('refuses a parameter the spec does not document, naming it and the allowed ones', () => {
    expect(() => renderQuery(sh, { cursor: 'abc' })).toThrow(
      'cursor: not a query parameter of kaiten-sh; allowed: event_name, after, before, limit, offset',
    )
  })

  it('fills and reads the path template, and names the base paths of the servers', () => {
    expect(sh.path({ instanceSlug: 'acme prod' })).toBe('/instances/acme%20prod/audit-trails')
    expect(() => sh.path()).toThrow('{instanceSlug}')
    expect(sh.pathValues('/instances/acme%20prod/audit-trails?limit=1')).toEqual({
      instanceSlug: 'acme prod',
    })
    expect(sh.pathValues('/instances/acme/other')).toBeUndefined()
    expect(ru.path()).toBe('/audit-logs')
    expect(ru.serverPaths()).toEqual(['/api/latest', '/api/v1'])
  })

  it('knows the documented statuses, their media types and headers', () => {
    expect(sh.documentedStatuses()).toEqual(['200', '400', '401', '403', '404', '422', '500'])
    expect(sh.documents(404)).toBe(true)
    expect(sh.documents(429)).toBe(false)
    expect(sh.responseMediaTypes(422)).toEqual(['application/problem+json'])
    expect(ru.responseMediaTypes(401)).toEqual([])
    expect(ru.documents(429)).toBe(true)
    expect(ru.mediaTypes()).toEqual(['application/json'])
  })

  it('uses the rate-limit header names the model documents for 200 and 429', () => {
    for (const status of [200, 429]) {
      expect(ru.documentsHeader(status, RATE_LIMIT_REMAINING)).toBe(true)
      expect(ru.documentsHeader(status, RATE_LIMIT_RESET)).toBe(true)
    }
  })

  it('follows a model built from an edited spec, and names a fact the spec does not give', () => {
    const { model } = editedSpec(
      'kaiten-sh',
      patchParameterSchema('getAuditTrails', 'limit', { maximum: 120, default: 30 }),
      addParameter('getAuditTrails', { name: 'actor', in: 'query', schema: { type: 'string' } }),
    )
    const edited = OperationSpec.of('kaiten-sh', model)
    expect(edited.pageLimits).toEqual({ minimum: 1, default: 30, max: 120 })
    expect(edited.queryParameters.map((parameter) => parameter.name)).toContain('actor')
    expect(OperationSpec.of('kaiten-sh', model)).toBe(edited)
    expect(sh.pageLimits.max).toBe(200)

    const document = specDocument('kaiten-ru')
    const paths = document.paths as Record<string, Record<string, unknown>>
    paths['/audit-logs'] = { post: paths['/audit-logs']?.get }
    expect(() => OperationSpec.of('kaiten-ru', buildApiModel(document))).toThrow(SpecFactMissing)
    expect(() => OperationSpec.of('kaiten-ru', buildApiModel(document))).toThrow(
      'the kaiten-ru spec does not say retrieveAuditLogEvents as a GET operation',
    )
  })

  it('starts the embedded mocks with more than two of the largest pages of each API', () => {
    // kaiten.sh entries are spread over the mocks' three instances.
    expect(MOCK_SIZES.kaitenShEntries / 3).toBeGreaterThan(2 * sh.pageLimits.max)
    expect(MOCK_SIZES.kaitenRuEvents).toBeGreaterThan(2 * ru.pageLimits.max)
  })
})
