// What the checks read from the spec documents: page sizes, the kaiten.ru clamp, the rate limit, the status for an
// invalid parameter, and how each parameter is written in a query.
import { describe, expect, it } from 'vitest'
import {
  invalidParameterStatus,
  largestOffset,
  pageLimits,
  queryParameters,
  rateLimit,
} from '../src/spec/operation.js'
import { renderQuery } from '../src/spec/query-text.js'

describe('the spec model', () => {
  it('reads each API page size from the limit parameter, and the kaiten.ru clamp from x-kaiten-limit-clamp', () => {
    expect(pageLimits('kaiten-sh')).toEqual({ minimum: 1, default: 50, max: 200 })
    expect(pageLimits('kaiten-ru')).toEqual({
      minimum: 0,
      default: 100,
      max: 500,
      clamp: { above: 500, applies: 500, zeroMeans: 'default' },
    })
  })

  it('knows the largest offset each schema allows: int32 for kaiten.sh, none for kaiten.ru', () => {
    expect(largestOffset('kaiten-sh')).toBe(2_147_483_647)
    expect(largestOffset('kaiten-ru')).toBeUndefined()
  })

  it('reads the kaiten.ru rate limit from x-rate-limit', () => {
    expect(rateLimit('kaiten-ru')).toEqual({ requests: 5, windowMs: 1000 })
    expect(rateLimit('kaiten-sh')).toBeUndefined()
  })

  it('reads the status of an invalid parameter from x-invalid-parameter-status', () => {
    expect(invalidParameterStatus('kaiten-sh', 'date-time')).toBe(400)
    expect(invalidParameterStatus('kaiten-sh', 'int32')).toBe(422)
    expect(invalidParameterStatus('kaiten-ru', 'date-time')).toBe(400)
    expect(invalidParameterStatus('kaiten-ru', 'enum')).toBe(400)
  })

  it('lists the query parameters with their resolved schemas', () => {
    const names = queryParameters('kaiten-ru').map((parameter) => parameter.name)
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
    const categories = queryParameters('kaiten-ru').find((parameter) => parameter.name === 'categories')
    expect(categories).toMatchObject({ style: 'form', explode: false, schema: { type: 'array' } })
    expect(categories?.schema.items?.enum).toHaveLength(9)
  })

  it('writes a list the way its style says (form, not exploded: comma-separated), numbers and instants as text', () => {
    const query = renderQuery('kaiten-ru', {
      categories: ['auth', 'app'],
      limit: 3,
      from: new Date(Date.UTC(2026, 3, 1)),
      author_uid: undefined,
    })
    expect(query.toString()).toBe('from=2026-04-01T00%3A00%3A00.000Z&categories=auth%2Capp&limit=3')
  })

  it('refuses a parameter the spec does not document, naming it and the allowed ones', () => {
    expect(() => renderQuery('kaiten-sh', { cursor: 'abc' })).toThrow(
      'cursor: not a query parameter of kaiten-sh; allowed: event_name, after, before, limit, offset',
    )
  })
})
