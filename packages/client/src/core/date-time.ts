import { parseDateTime } from '@kaiten-audit/query'

// Consecutive items very often share a timestamp text (events in the same second or millisecond), and every item is
// parsed twice (shape check, then paging), so one remembered entry saves most of the work.
let lastText = ''
let lastMicros: number | null = null

/** `parseDateTime`: epoch microseconds, or null when not an RFC 3339 date-time; the last answer is remembered. */
export function epochMicrosOf(text: string): number | null {
  if (text !== lastText) {
    lastMicros = parseDateTime(text)
    lastText = text
  }
  return lastMicros
}
