import { propertySeed } from '@kaiten-audit/types/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseKaitenRuQuery, parseKaitenShQuery } from '../src/index.js'

// Integers in query text are judged by their digits: a value beyond 2^53 keeps its meaning. The expectations come
// from the vendors' documentation, computed with BigInt as an independent oracle.
const seed = propertySeed('integers')

const HUGE = [
  '9007199254740993',
  '99999999999999999999',
  '1'.padEnd(400, '0'),
  '0000000000000000000000000501',
]

/** Decimal integer text of any length, with leading zeros and either sign now and then. */
const integerText = fc
  .tuple(
    fc.constantFrom('', '', '', '-'),
    fc.constantFrom('', '', '0', '000'),
    fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map(String),
      fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
      fc.constantFrom('9007199254740991', '9007199254740992', '9007199254740993', '2147483647', '2147483648'),
    ),
  )
  .map(([sign, zeros, digits]) => `${sign}${zeros}${digits}`)

describe('kaiten.ru: the API applies 500 to any limit above 500, however many digits it has', () => {
  it.each(HUGE)('limit=%s is a page of 500', (text) => {
    expect(parseKaitenRuQuery(new URLSearchParams({ limit: text }))).toMatchObject({
      ok: true,
      value: { limit: 500 },
    })
  })

  it.each(['-9007199254740993', '-99999999999999999999'])('limit=%s is still refused as negative', (text) => {
    expect(parseKaitenRuQuery(new URLSearchParams({ limit: text }))).toMatchObject({
      ok: false,
      issues: [{ parameter: 'limit', value: text }],
    })
  })

  it('an offset beyond 2^53 is valid and skips past every event', () => {
    const parsed = parseKaitenRuQuery(new URLSearchParams({ offset: '99999999999999999999' }))
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(parsed.value.offset).toBeGreaterThanOrEqual(Number.MAX_SAFE_INTEGER)
  })

  it('an author_id beyond 2^53 is a valid integer that keeps its digits', () => {
    const parsed = parseKaitenRuQuery(new URLSearchParams({ author_id: '9007199254740993' }))
    expect(parsed).toMatchObject({ ok: true, value: { authorId: '9007199254740993' } })
  })

  it('agrees with the documented rules for any integer text', () => {
    fc.assert(
      fc.property(integerText, (text) => {
        const n = BigInt(text)
        const limit = parseKaitenRuQuery(new URLSearchParams({ limit: text }))
        expect(limit.ok).toBe(n >= 0n)
        if (limit.ok) expect(limit.value.limit).toBe(n === 0n ? 100 : n > 500n ? 500 : Number(n))
        const offset = parseKaitenRuQuery(new URLSearchParams({ offset: text }))
        expect(offset.ok).toBe(n >= 0n)
        if (offset.ok && n <= BigInt(Number.MAX_SAFE_INTEGER)) expect(offset.value.offset).toBe(Number(n))
      }),
      { seed },
    )
  })
})

describe('kaiten.sh: an integer outside int32 bounds is a constraint violation naming the value as sent', () => {
  it.each([
    ['limit', '9007199254740993'],
    ['limit', '99999999999999999999'],
    ['limit', '9'.repeat(400)],
    ['offset', '99999999999999999999'],
    ['offset', '-99999999999999999999'],
    ['offset', '2147483648'],
  ])('%s=%s', (parameter, text) => {
    expect(parseKaitenShQuery(new URLSearchParams({ [parameter]: text }))).toEqual({
      ok: false,
      issues: [expect.objectContaining({ parameter, value: text, kind: 'constraint' })],
    })
  })

  it('agrees with the documented bounds for any integer text', () => {
    fc.assert(
      fc.property(integerText, (text) => {
        const n = BigInt(text)
        const limit = parseKaitenShQuery(new URLSearchParams({ limit: text }))
        expect(limit.ok).toBe(n >= 1n && n <= 200n)
        if (limit.ok) expect(limit.value.limit).toBe(Number(n))
        const offset = parseKaitenShQuery(new URLSearchParams({ offset: text }))
        expect(offset.ok).toBe(n >= 0n && n <= 2n ** 31n - 1n)
        if (offset.ok) expect(offset.value.offset).toBe(Number(n))
      }),
      { seed },
    )
  })
})
