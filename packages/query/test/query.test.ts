import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkInstanceSlug,
  effectiveKaitenRuLimit,
  formatIssue,
  parseDateTime,
  parseKaitenRuQuery,
  parseKaitenShQuery,
  toKaitenRuSearchParams,
  toKaitenShSearchParams,
} from '../src/index.js'

describe('parseDateTime', () => {
  it('agrees with Date for every ISO string Date produces', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0100-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(parseDateTime(date.toISOString())).toBe(date.getTime() * 1000)
        },
      ),
    )
  })

  it('applies zone offsets and keeps microseconds', () => {
    expect(parseDateTime('2026-04-01T03:00:00+03:00')).toBe(Date.parse('2026-04-01T00:00:00Z') * 1000)
    expect(parseDateTime('2026-04-01T00:00:00.123456789Z')).toBe(
      Date.parse('2026-04-01T00:00:00.123Z') * 1000 + 456,
    )
  })

  it.each([
    'yesterday',
    '2026-04-01',
    '2026-04-01T00:00:00',
    '2026-02-30T00:00:00Z',
    '2026-04-01T24:00:00Z',
    '2026-13-01T00:00:00Z',
    ' 2026-04-01T00:00:00Z',
    '',
  ])('rejects %j', (text) => {
    expect(parseDateTime(text)).toBeNull()
  })
})

describe('kaiten.ru query', () => {
  it('clamps the limit the way the API does', () => {
    expect([undefined, 0, 1, 500, 501, 1000].map((n) => effectiveKaitenRuLimit(n))).toEqual([
      100, 100, 1, 500, 500, 500,
    ])
    const parsed = parseKaitenRuQuery(new URLSearchParams('limit=1000&offset=20'))
    expect(parsed).toEqual({ ok: true, value: { limit: 500, requestedLimit: '1000', offset: 20 } })
  })

  it('parses CSV lists of known values and rejects unknown ones with the offending value', () => {
    const ok = parseKaitenRuQuery(new URLSearchParams('categories=auth,user_management&actions=sign_in_fail'))
    expect(ok.ok && ok.value.categories).toEqual(['auth', 'user_management'])
    const bad = parseKaitenRuQuery(new URLSearchParams('categories=auth,nope'))
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.issues).toHaveLength(1)
      expect(formatIssue(bad.issues[0]!)).toMatch(
        /^categories: "nope" is not allowed; allowed: a comma-separated list of: app, auth/,
      )
    }
  })

  it('reports every invalid parameter, each by name', () => {
    const bad = parseKaitenRuQuery(
      new URLSearchParams('from=x&limit=-1&offset=a&author_id=1.5&id=not-a-uuid&limit=2'),
    )
    expect(bad.ok ? [] : bad.issues.map((i) => i.parameter).sort()).toEqual([
      'author_id',
      'from',
      'id',
      'limit',
      'limit',
      'offset',
    ])
  })

  it('renders caller parameters: Dates as ISO text, arrays as CSV', () => {
    const result = toKaitenRuSearchParams({
      from: new Date('2026-04-01T00:00:00Z'),
      categories: ['auth', 'app'],
      limit: 1000,
    })
    expect(result.ok && result.value.toString()).toBe(
      'from=2026-04-01T00%3A00%3A00.000Z&categories=auth%2Capp&limit=1000',
    )
  })

  it('rejects caller mistakes before anything is sent, naming parameter, value and what is allowed', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ categories: ['nope'] }, 'categories: "nope" is not allowed; allowed: a comma-separated list of:'],
      [{ categories: [] }, 'categories: [] is not allowed; allowed: a non-empty array'],
      [{ limit: -5 }, 'limit: -5 is not allowed; allowed: an integer ≥ 0'],
      [{ limit: 2.5 }, 'limit: 2.5 is not allowed; allowed: an integer'],
      [{ offset: -1 }, 'offset: -1 is not allowed; allowed: an integer ≥ 0'],
      [{ from: new Date('nope') }, 'from: Invalid Date is not allowed; allowed: an RFC 3339 date-time'],
      [{ to: '2026-04-31T00:00:00Z' }, 'to: "2026-04-31T00:00:00Z" is not allowed'],
      [
        { categroies: ['auth'] },
        'categroies: ["auth"] is not allowed; allowed: one of the parameters from, to,',
      ],
    ]
    for (const [params, message] of cases) {
      const result = toKaitenRuSearchParams(params as never)
      expect(result.ok, JSON.stringify(params)).toBe(false)
      if (!result.ok) expect(formatIssue(result.issues[0]!)).toContain(message)
    }
  })
})

describe('kaiten.sh query', () => {
  it('applies defaults and accepts the bounds', () => {
    expect(parseKaitenShQuery(new URLSearchParams(''))).toEqual({ ok: true, value: { limit: 50, offset: 0 } })
    expect(parseKaitenShQuery(new URLSearchParams('limit=200&offset=0')).ok).toBe(true)
    expect(parseKaitenShQuery(new URLSearchParams('limit=1')).ok).toBe(true)
  })

  it.each(['limit=0', 'limit=201', 'limit=abc', 'offset=-1', 'offset=2147483648'])(
    '%s is a constraint violation',
    (qs) => {
      const parsed = parseKaitenShQuery(new URLSearchParams(qs))
      expect(parsed.ok).toBe(false)
      if (!parsed.ok)
        expect(parsed.issues).toEqual([
          expect.objectContaining({ parameter: qs.split('=')[0], kind: 'constraint' }),
        ])
    },
  )

  it('a malformed timestamp is malformed, not a constraint violation', () => {
    const parsed = parseKaitenShQuery(new URLSearchParams('after=2026-04-01'))
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      expect.objectContaining({ parameter: 'after', kind: 'malformed' }),
    ])
  })

  it('rejects caller values outside 1–200 before sending', () => {
    const result = toKaitenShSearchParams({ limit: 201 })
    expect(result.ok ? '' : formatIssue(result.issues[0]!)).toBe(
      'limit: 201 is not allowed; allowed: an integer from 1 to 200',
    )
    expect(toKaitenShSearchParams({ event_name: '' }).ok).toBe(false)
  })
})

describe('parseDateTime calendar', () => {
  it('knows leap years', () => {
    expect(parseDateTime('2024-02-29T00:00:00Z')).not.toBeNull()
    expect(parseDateTime('2000-02-29T00:00:00Z')).not.toBeNull()
    expect(parseDateTime('2100-02-29T00:00:00Z')).toBeNull()
    expect(parseDateTime('2026-02-29T00:00:00Z')).toBeNull()
    expect(parseDateTime('2026-04-31T00:00:00Z')).toBeNull()
    expect(parseDateTime('2026-12-31T23:59:59Z')).not.toBeNull()
  })

  it('moves a year below 100 by its zone offset like any other year, also across the new year', () => {
    expect(parseDateTime('0007-12-31T11:12:27-16:31')).toBe(Date.parse('0008-01-01T03:43:27Z') * 1000)
    expect(parseDateTime('0050-01-01T00:30:00+01:00')).toBe(Date.parse('0049-12-31T23:30:00Z') * 1000)
  })

  it('reads February 29 of year 0, a leap year, as that day (1900, which Date.UTC takes it for, is not one)', () => {
    expect(parseDateTime('0000-02-29T05:27:13Z')).toBe(Date.parse('0000-02-29T05:27:13Z') * 1000)
  })

  it('accepts exactly the calendar days Date knows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00Z`
          const date = new Date(0)
          date.setUTCFullYear(y, m - 1, d)
          const real = date.getUTCMonth() === m - 1 && date.getUTCDate() === d
          expect(parseDateTime(text) !== null).toBe(real)
        },
      ),
    )
  })
})

describe('checkInstanceSlug', () => {
  it.each(['', '.', '..', undefined, 42])('refuses %j, naming the parameter and what is allowed', (slug) => {
    expect(checkInstanceSlug(slug)).toMatchObject({ parameter: 'instanceSlug', value: slug })
    expect(formatIssue(checkInstanceSlug(slug)!)).toContain(
      'allowed: a non-empty instance slug other than "." or ".."',
    )
  })

  it.each(['acme-production', '...', '../x', 'a/b?c#d'])(
    'accepts %j (the client encodes it into one segment)',
    (slug) => {
      expect(checkInstanceSlug(slug)).toBeNull()
    },
  )
})
