// Newest-first ordering shared by both stores: by instant descending, ties broken by id descending, so equal
// timestamps always come back in the same order (both services sort by time only; the tie-break is our assumption).

export interface Ordered {
  /** Epoch microseconds. */
  at: number
  /** Tie-breaker: larger comes first. */
  tie: number | string
}

/** True when `a` belongs before `b` in newest-first order. */
function isNewerThan(a: Ordered, b: Ordered): boolean {
  return a.at !== b.at ? a.at > b.at : a.tie > b.tie
}

function compareNewestFirst(a: Ordered, b: Ordered): number {
  if (a.at !== b.at) return b.at - a.at
  return a.tie > b.tie ? -1 : a.tie < b.tie ? 1 : 0
}

/** Sorts a whole list newest first at once: building a large store by repeated insertion would be quadratic. */
export function sortNewestFirst<T extends Ordered>(list: T[]): T[] {
  return list.sort(compareNewestFirst)
}

/** Inserts `item` into the newest-first list `list` in place (binary search), keeping the order stable. */
export function insertNewestFirst<T extends Ordered>(list: T[], item: T): void {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (isNewerThan(list[middle] as T, item)) low = middle + 1
    else high = middle
  }
  list.splice(low, 0, item)
}
