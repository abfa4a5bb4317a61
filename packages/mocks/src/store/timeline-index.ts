// A store's items newest first with their instants beside them, so a time bound is found by binary search instead of
// a scan, and a page without other filters is a slice. Read-only: the store rebuilds it when its items change.

export interface Timeline<T> {
  /** Newest first (ties: higher id first), as the store keeps them. */
  readonly items: readonly T[]
  /** Epoch microseconds of each item, in the same order: non-increasing. */
  readonly instants: readonly number[]
}

/** The first index whose instant is below `bound` (every index when none is), by binary search. */
function firstBelow(instants: readonly number[], bound: number): number {
  let low = 0
  let high = instants.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((instants[middle] as number) < bound) high = middle
    else low = middle + 1
  }
  return low
}

/** `[start, end)`: the indices of the items with `from ≤ instant ≤ to` (either bound may be absent). */
export function indexRange(
  instants: readonly number[],
  from: number | undefined,
  to: number | undefined,
): { start: number; end: number } {
  // Newest first: the items at or before `to` start after the last one above it.
  const start = to === undefined ? 0 : firstBelow(instants, to + 1)
  const end = from === undefined ? instants.length : firstBelow(instants, from)
  return { start, end: Math.max(start, end) }
}
