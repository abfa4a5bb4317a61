// What the checks read from the API models: page sizes, the kaiten.ru clamp, the rate limit, the status for an
// invalid parameter, paths, and how each parameter is written in a query.
import { describe, expect, it } from 'vitest'
import { OperationSpec } from '../src/spec/operation.js'
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
})
