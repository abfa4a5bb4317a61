import { parseDateTime } from '@kaiten-audit/query'

// Consecutive items very often share a timestamp text (events in the same second or millisecond), and every item is
// parsed twice (shape check, then paging), so one remembered entry saves most of the work.
let lastText = ''
let lastInstant: number | null = null

/** `parseDateTime` (epoch microseconds, or null when not an RFC 3339 date-time), remembering the last answer. */
export function instantOf(text: string): number | null {
  if (text !== lastText) {
    lastInstant = parseDateTime(text)
    lastText = text
  }
  return lastInstant
}
