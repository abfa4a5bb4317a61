import { describe, expect, it } from 'vitest'
import { InvalidParameterError, NotFoundError } from '../src/index.js'
import { ruClient, shClient } from './support/clients.js'
import { useSmallMockApis } from './support/msw.js'

const { recorded, slug } = useSmallMockApis()

async function rejection(promise: Promise<unknown>): Promise<InvalidParameterError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(InvalidParameterError)
  return error as InvalidParameterError
}

type Bad = [name: string, params: Record<string, unknown>, parameter: string, value: string, allowed: RegExp]

const badKaitenRu: Bad[] = [
  ['an unknown category', { categories: ['auth', 'payroll'] }, 'categories', '"payroll"', /auth/],
  ['an unknown action', { actions: ['sign_in_fail', 'teleport'] }, 'actions', '"teleport"', /sign_in_fail/],
  ['a negative limit', { limit: -1 }, 'limit', '-1', /integer ≥ 0/],
  ['a fractional limit', { limit: 2.5 }, 'limit', '2.5', /integer/],
  ['a negative offset', { offset: -5 }, 'offset', '-5', /integer ≥ 0/],
  ['a date that is not a date-time', { from: '2026-13-01' }, 'from', '"2026-13-01"', /RFC 3339/],
  ['a date-time without a zone', { to: '2026-04-01T00:00:00' }, 'to', '"2026-04-01T00:00:00"', /zone/],
  ['an invalid Date', { from: new Date('nope') }, 'from', 'Invalid Date', /valid Date/],
  ['an empty category list', { categories: [] }, 'categories', '[]', /non-empty array/],
  ['an id that is not a UUID', { id: '42' }, 'id', '"42"', /UUID/],
  ['an unknown parameter', { category: 'auth' }, 'category', '"auth"', /categories/],
]

const badKaitenSh: Bad[] = [
  ['a limit of 0', { limit: 0 }, 'limit', '0', /from 1 to 200/],
  ['a limit above 200', { limit: 500 }, 'limit', '500', /from 1 to 200/],
  ['a negative offset', { offset: -1 }, 'offset', '-1', /from 0 to/],
  ['an after that is not a date-time', { after: 'yesterday' }, 'after', '"yesterday"', /RFC 3339/],
  ['an invalid Date before', { before: new Date(Number.NaN) }, 'before', 'Invalid Date', /valid Date/],
]

describe('kaiten.ru inputs are checked before any request', () => {
  it.each(badKaitenRu)('%s', async (_name, params, parameter, value, allowed) => {
    const error = await rejection(ruClient().listAuditLogs(params))
    const issue = error.issues.find((candidate) => candidate.parameter === parameter)
    expect(issue?.allowed).toMatch(allowed)
    expect(error.message).toContain(`${parameter}: `)
    expect(error.message).toContain(value)
    expect(error.message).toMatch(allowed)
    expect(() => ruClient().iterateAuditLogs(params)).toThrow(InvalidParameterError)
    expect(recorded.requests).toHaveLength(0)
  })

  it('accepts a limit above 500, which the API clamps, and Date objects', async () => {
    await expect(
      ruClient().listAuditLogs({ limit: 1000, from: new Date('2020-01-01T00:00:00Z'), categories: ['auth'] }),
    ).resolves.toBeInstanceOf(Array)
    const url = recorded.urls()[0]
    expect(url?.searchParams.get('limit')).toBe('1000')
    expect(url?.searchParams.get('from')).toBe('2020-01-01T00:00:00.000Z')
  })

  it('refuses an offset for iteration, which manages offsets itself', () => {
    expect(() => ruClient().iterateAuditLogs({ offset: 10 } as never)).toThrow(/offset: 10 is not allowed/)
    expect(recorded.requests).toHaveLength(0)
  })

  it('reports every issue of an iteration at once, the offset only once', () => {
    const issuesOf = (start: () => unknown): string[] => {
      try {
        start()
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidParameterError)
        return (error as InvalidParameterError).issues.map((issue) => issue.parameter).sort()
      }
      throw new Error('expected the iteration to be refused')
    }
    const ru = () => ruClient().iterateAuditLogs({ offset: -1, categories: ['nope'] } as never)
    const sh = () => shClient().iterateAuditTrails('', { offset: -1, limit: 0 } as never)
    expect(issuesOf(ru)).toEqual(['categories', 'offset'])
    expect(issuesOf(sh)).toEqual(['instanceSlug', 'limit', 'offset'])
    expect(recorded.requests).toHaveLength(0)
  })

  it('refuses per-call options it cannot honour', async () => {
    await expect(ruClient().listAuditLogs({}, { maxRetries: -1 })).rejects.toThrow(/maxRetries: -1/)
    await expect(ruClient().listAuditLogs({}, { timeoutMs: 0 })).rejects.toThrow(/timeoutMs: 0/)
    expect(recorded.requests).toHaveLength(0)
  })
})

describe('kaiten.sh inputs are checked before any request', () => {
  it.each(badKaitenSh)('%s', async (_name, params, parameter, value, allowed) => {
    const error = await rejection(shClient().listAuditTrails(slug, params))
    expect(error.message).toContain(`${parameter}: ${value}`)
    expect(error.message).toMatch(allowed)
    expect(() => shClient().iterateAuditTrails(slug, params)).toThrow(InvalidParameterError)
    expect(recorded.requests).toHaveLength(0)
  })

  it.each([
    ['empty', ''],
    ['not a string', 42],
    ['a dot segment', '.'],
    ['a double-dot segment', '..'],
  ])('refuses an instance slug that is %s', async (_name, bad) => {
    const error = await rejection(shClient().listAuditTrails(bad as string))
    expect(error.issues[0]?.parameter).toBe('instanceSlug')
    expect(error.message).toMatch(/instanceSlug: .* is not allowed; allowed: a non-empty instance slug/)
    expect(recorded.requests).toHaveLength(0)
  })

  it('reports every issue at once', async () => {
    const error = await rejection(shClient().listAuditTrails('', { limit: 0, offset: -1 }))
    expect(error.issues.map((issue) => issue.parameter).sort()).toEqual(['instanceSlug', 'limit', 'offset'])
  })

  it.each([
    ['../x', '/instances/..%2Fx/audit-trails'],
    ['a/b?c#d', '/instances/a%2Fb%3Fc%23d/audit-trails'],
    ['%2e%2e', '/instances/%252e%252e/audit-trails'],
    ['acme prod', '/instances/acme%20prod/audit-trails'],
  ])('percent-encodes the slug %j into one path segment', async (bad, path) => {
    const error = await shClient()
      .listAuditTrails(bad, { limit: 5 })
      .catch((reason: unknown) => reason)
    // The mock knows no such instance; what matters is where the request went.
    expect(error).toBeInstanceOf(NotFoundError)
    const [url] = recorded.urls()
    expect(url?.pathname).toBe(path)
    expect(url?.search).toBe('?limit=5')
    expect(url?.hash).toBe('')
  })
})

describe('text with a lone surrogate is refused, not sent with U+FFFD in its place', () => {
  const wellFormed = /allowed: well-formed Unicode text/

  it.each([
    ['the instance slug', () => shClient().listAuditTrails('a\uD800'), 'instanceSlug', '"a\\ud800"'],
    [
      'event_name',
      () => shClient().listAuditTrails(slug, { event_name: 'x\uDC00y' }),
      'event_name',
      '"x\\udc00y"',
    ],
    ['after', () => shClient().listAuditTrails(slug, { after: '2026\uD800' }), 'after', '"2026\\ud800"'],
    ['author_uid', () => ruClient().listAuditLogs({ author_uid: '\uDBFFa' }), 'author_uid', '"\\udbffa"'],
    ['id', () => ruClient().listAuditLogs({ id: '\uD800' }), 'id', '"\\ud800"'],
    [
      'an item of categories',
      () => ruClient().listAuditLogs({ categories: ['auth', 'a\uDFFF'] as never }),
      'categories',
      '"a\\udfff"',
    ],
    ['from', () => ruClient().listAuditLogs({ from: '\uD83D' }), 'from', '"\\ud83d"'],
  ])('%s', async (_name, call, parameter, shown) => {
    const error = await rejection(call())
    expect(error.issues.map((issue) => issue.parameter)).toEqual([parameter])
    expect(error.message).toContain(`${parameter}: ${shown} is not allowed`)
    expect(error.message).toMatch(wellFormed)
    expect(recorded.requests).toHaveLength(0)
  })

  it('refuses it when iterating too, before the first page is asked for', () => {
    expect(() => shClient().iterateAuditTrails('a\uD800')).toThrow(InvalidParameterError)
    expect(() => shClient().iterateAuditTrails(slug, { event_name: '\uD800' })).toThrow(wellFormed)
    expect(() => ruClient().iterateAuditLogs({ author_uid: '\uDC00' })).toThrow(wellFormed)
    expect(recorded.requests).toHaveLength(0)
  })

  it('accepts text whose surrogates are paired', async () => {
    await expect(shClient().listAuditTrails(slug, { event_name: 'smile \u{1F600}' })).resolves.toEqual([])
    expect(recorded.urls()[0]?.searchParams.get('event_name')).toBe('smile \u{1F600}')
  })
})

describe('every problem is reported at once', () => {
  const parametersOf = async (promise: Promise<unknown>) =>
    (await rejection(promise)).issues.map((issue) => issue.parameter).sort()
  const thrownParametersOf = (start: () => unknown): string[] => {
    try {
      start()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidParameterError)
      return (error as InvalidParameterError).issues.map((issue) => issue.parameter).sort()
    }
    throw new Error('expected the call to be refused')
  }

  it('a value of the wrong type does not hide a value out of range', async () => {
    expect(await parametersOf(ruClient().listAuditLogs({ limit: '50', offset: -1 } as never))).toEqual([
      'limit',
      'offset',
    ])
    expect(
      await parametersOf(shClient().listAuditTrails(slug, { limit: '50', offset: -1 } as never)),
    ).toEqual(['limit', 'offset'])
  })

  it('an unknown parameter or a bad date does not hide a value out of range', async () => {
    const params = { after: 'x', limit: 500, foo: 1 } as never
    expect(await parametersOf(shClient().listAuditTrails(slug, params))).toEqual(['after', 'foo', 'limit'])
    expect(thrownParametersOf(() => shClient().iterateAuditTrails(slug, params))).toEqual([
      'after',
      'foo',
      'limit',
    ])
    const ru = { from: new Date(Number.NaN), categories: ['nope'], bar: true } as never
    expect(await parametersOf(ruClient().listAuditLogs(ru))).toEqual(['bar', 'categories', 'from'])
    expect(thrownParametersOf(() => ruClient().iterateAuditLogs(ru))).toEqual(['bar', 'categories', 'from'])
    expect(recorded.requests).toHaveLength(0)
  })
})

describe('integers a JavaScript number cannot hold exactly', () => {
  it('names the range the API allows for a huge kaiten.sh limit or offset', async () => {
    const error = await rejection(shClient().listAuditTrails(slug, { limit: 1e21, offset: 2 ** 53 }))
    expect(error.message).toContain('limit: 1e+21 is not allowed; allowed: an integer from 1 to 200')
    expect(error.message).toContain('offset: 9007199254740992 is not allowed; allowed: an integer from 0 to')
  })

  it('refuses an integer beyond 2^53 even where the API would accept it, since its digits are already lost', async () => {
    const error = await rejection(ruClient().listAuditLogs({ limit: 1e21, author_id: 2 ** 53 + 2 }))
    expect(error.issues.map((issue) => issue.parameter).sort()).toEqual(['author_id', 'limit'])
    expect(error.message).toContain(
      'limit: 1e+21 is not allowed; allowed: an integer a JavaScript number holds exactly (at most 9007199254740991',
    )
    expect(error.message).toContain(
      'author_id: 9007199254740994 is not allowed; allowed: an integer a JavaScript',
    )
    expect(recorded.requests).toHaveLength(0)
  })

  it('tells a number written as text from a number', async () => {
    const error = await rejection(ruClient().listAuditLogs({ offset: '99999999999999999999' } as never))
    expect(error.message).toContain(
      'offset: "99999999999999999999" is not allowed; allowed: an integer given as a number, not as text',
    )
  })
})
