// Shared time helpers for generated data. Data never depends on the clock: the timeline ends at a fixed instant.

import { parseDateTime } from '@kaiten-audit/query'

/** The newest generated item is at this instant; the oldest `SPAN_DAYS` before it. */
export const TIMELINE_END_MS = Date.UTC(2026, 3, 1, 12, 0, 0)
const SPAN_DAYS = 180
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
  const span = SPAN_DAYS * DAY_MS
  const start = TIMELINE_END_MS - span
  // Gaps of 4·u³ (mean 1, skewed towards small values) give bursts of activity and quiet stretches, like a real
  // audit log; a gap of 0 is a tie. Only + − × ÷, so the result is bit-identical on every machine (no Math.log).
  const offsets: number[] = []
  let total = 0
  for (let i = 0; i < count; i++) {
    if (i > 0 && !random.chance(tieRate)) {
      const u = random.next()
      total += 4 * u * u * u + 1e-3
    }
    offsets.push(total)
  }
  // Scaled to the span rather than clamped, so no pile of items shares the final instant.
  const scale = total > 0 ? span / total : 0
  return offsets.map((offset) => start + Math.round((offset * scale) / resolutionMs) * resolutionMs)
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
export function storedEpochMicros(field: string, text: unknown): number {
  const instant = typeof text === 'string' ? parseDateTime(text) : null
  if (instant === null) {
    throw new Error(
      `${field}: ${JSON.stringify(text)} is not allowed; allowed: an RFC 3339 date-time with a zone, e.g. 2026-04-01T00:00:00Z`,
    )
  }
  return instant
}
