// Shared time helpers for generated data. Data never depends on the clock: the timeline ends at a fixed instant.

import { parseDateTime } from '@kaiten-audit/query'

/** The newest generated item is at most this instant; everything else lies up to `SPAN_DAYS` before it. */
export const TIMELINE_END_MS = Date.UTC(2026, 3, 1, 12, 0, 0)
export const SPAN_DAYS = 180
const DAY_MS = 86_400_000

/**
 * `count` instants in ascending order spread over `SPAN_DAYS`, rounded to `resolutionMs`, with about
 * `tieRate` of them equal to their predecessor so tie-breaking is exercised.
 */
export function ascendingInstants(
  random: { next(): number; chance(p: number): boolean },
  count: number,
  resolutionMs: number,
  tieRate: number,
): number[] {
  const start = TIMELINE_END_MS - SPAN_DAYS * DAY_MS
  const meanGap = (SPAN_DAYS * DAY_MS) / Math.max(count, 1)
  const instants: number[] = []
  let at = start
  for (let i = 0; i < count; i++) {
    if (i > 0 && !random.chance(tieRate)) {
      // Exponential gaps: bursts of activity and quiet stretches, like a real audit log.
      const gap = -Math.log(1 - random.next()) * meanGap
      at += Math.max(resolutionMs, Math.round(gap / resolutionMs) * resolutionMs)
    }
    instants.push(Math.min(at, TIMELINE_END_MS))
  }
  return instants
}

/** `2026-04-02T09:30:00Z` (kaiten.sh style: seconds). */
export function toSecondsText(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** `2026-04-02T09:30:00.000Z` (kaiten.ru style: milliseconds). */
export function toMillisecondsText(epochMs: number): string {
  return new Date(epochMs).toISOString()
}

/** Epoch microseconds of a stored timestamp; throws on text that is not a date-time, naming the field. */
export function instantOf(field: string, text: unknown): number {
  const instant = typeof text === 'string' ? parseDateTime(text) : null
  if (instant === null) {
    throw new Error(
      `${field}: ${JSON.stringify(text)} is not allowed; allowed: an RFC 3339 date-time with a zone, e.g. 2026-04-01T00:00:00Z`,
    )
  }
  return instant
}
