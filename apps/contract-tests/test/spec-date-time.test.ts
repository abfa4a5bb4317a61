// The checks compare instants with their own reading of RFC 3339, not with the parser the mocks filter with. Both
// must agree on every text, or one of them is wrong: a seeded comparison over generated texts (seed printed).
import { parseDateTime } from '@kaiten-audit/query'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../src/random.js'
import { dateTimeText, readEpochMicros } from '../src/spec/date-time.js'

const seed = Number(process.env.CONTRACT_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31))

function generatedText(next: () => number): string {
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1))
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  const year = next() < 0.1 ? int(0, 99) : int(1900, 2200)
  // Out-of-range fields on purpose, so both sides must refuse the same texts.
  const month = int(0, 13)
  const day = int(0, 32)
  const hour = int(0, 24)
  const minute = int(0, 60)
  const second = int(0, 60)
  const fraction = next() < 0.5 ? '' : `.${Array.from({ length: int(1, 9) }, () => int(0, 9)).join('')}`
  const zone =
    next() < 0.4
      ? next() < 0.5
        ? 'Z'
        : 'z'
      : `${next() < 0.5 ? '+' : '-'}${pad(int(0, 24))}:${pad(int(0, 60))}`
  const separator = next() < 0.9 ? 'T' : next() < 0.5 ? 't' : ' '
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}${separator}${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${zone}`
}

describe('readEpochMicros (the checks’ own RFC 3339 reading)', () => {
  it(`agrees with the mocks' parser on 20000 generated texts (seed ${seed}; replay with CONTRACT_TEST_SEED=${seed})`, () => {
    const next = seededRandom(seed)
    const disagreements: string[] = []
    for (let i = 0; i < 20_000; i++) {
      const text = generatedText(next)
      const ours = readEpochMicros(text)
      const theirs = parseDateTime(text)
      if (ours !== theirs) disagreements.push(`${text}: ours ${ours}, theirs ${theirs}`)
    }
    expect(disagreements.slice(0, 5)).toEqual([])
  })

  it('reads offsets and fractions, and refuses what is not RFC 3339', () => {
    expect(readEpochMicros('2026-04-01T12:00:00Z')).toBe(Date.UTC(2026, 3, 1, 12) * 1000)
    expect(readEpochMicros('2026-04-01T15:00:00+03:00')).toBe(Date.UTC(2026, 3, 1, 12) * 1000)
    expect(readEpochMicros('2026-04-01T06:30:00.5-05:30')).toBe(Date.UTC(2026, 3, 1, 12) * 1000 + 500_000)
    expect(readEpochMicros('2026-04-01T12:00:00.123456789Z')).toBe(Date.UTC(2026, 3, 1, 12) * 1000 + 123_456)
    for (const text of [
      'yesterday',
      '2026-04-01',
      '2026-04-01T12:00:00',
      '2026-02-30T00:00:00Z',
      '2026-04-01T24:00:00Z',
    ])
      expect(readEpochMicros(text), text).toBeNull()
  })

  it('writes an instant in any zone offset with the fraction digits asked for, and reads back the same instant', () => {
    const micros = Date.UTC(2026, 3, 1, 12, 0, 0, 7) * 1000 + 8
    expect(dateTimeText(micros, { fractionDigits: 6 })).toBe('2026-04-01T12:00:00.007008Z')
    expect(dateTimeText(micros, { offsetMinutes: 180, fractionDigits: 6 })).toBe(
      '2026-04-01T15:00:00.007008+03:00',
    )
    expect(dateTimeText(micros, { offsetMinutes: -330, fractionDigits: 6 })).toBe(
      '2026-04-01T06:30:00.007008-05:30',
    )
    for (const offsetMinutes of [0, 180, -330, 765])
      expect(readEpochMicros(dateTimeText(micros, { offsetMinutes, fractionDigits: 6 }))).toBe(micros)
    expect(() => dateTimeText(micros, { fractionDigits: 3 })).toThrow(
      'the instant has microseconds, which 3 fraction digits cannot write',
    )
  })
})
