import type { ParameterIssue } from './issues.js'

// RFC 3339 `date-time`: both APIs document this format (kaiten.ru calls it ISO 8601 but shows RFC 3339 examples).
// A zone is required: a local time would mean different instants on different machines.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/

export const DATE_TIME_ALLOWED =
  'an RFC 3339 date-time with a zone, e.g. 2026-04-01T00:00:00Z, or a valid Date'

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

// Arithmetic rather than a Date round trip: clients check every item of every page with this.
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number)
}

/**
 * The wall-clock fields as epoch milliseconds. Date.UTC maps years 0–99 to 1900–1999, and 1900 has no February 29;
 * RFC 3339 years are literal, so those years are set whole before any offset moves the instant into another year.
 */
function wallClockMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second)
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, 0)
  return date.getTime()
}

/**
 * Parses an RFC 3339 date-time to epoch microseconds (exact up to microseconds, which both services' timestamps fit),
 * or null when the text is not one. Calendar-invalid dates (Feb 30, hour 24) are rejected, not rolled over.
 */
export function parseDateTime(text: string): number | null {
  const match = RFC3339.exec(text)
  if (!match) return null
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  let offsetMinutes = 0
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const zh = Number(zone.slice(1, 3))
    const zm = Number(zone.slice(4, 6))
    if (zh > 23 || zm > 59) return null
    offsetMinutes = sign * (zh * 60 + zm)
  }
  const epochMs = wallClockMs(year, month, day, hour, minute, second) - offsetMinutes * 60_000
  const micros = Number(fraction.slice(0, 6).padEnd(6, '0'))
  return epochMs * 1000 + micros
}

/** Normalises a caller's `Date | string` to wire text, or explains why it cannot be sent. */
export function toDateTimeText(
  parameter: string,
  value: unknown,
): { text: string } | { issue: ParameterIssue } {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      return { issue: { parameter, value, allowed: DATE_TIME_ALLOWED, kind: 'malformed' } }
    return { text: value.toISOString() }
  }
  if (typeof value === 'string' && parseDateTime(value) !== null) return { text: value }
  return { issue: { parameter, value, allowed: DATE_TIME_ALLOWED, kind: 'malformed' } }
}
