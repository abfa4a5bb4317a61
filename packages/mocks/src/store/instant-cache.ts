// Parsed timestamps, cached per stored item. Stored items are frozen, so the cache can never go stale.

import { instantOf } from './timeline.js'

const instants = new WeakMap<object, number>()

/** Epoch microseconds of an entry's `timestamp` (kaiten.sh) or an event's `created` (kaiten.ru). */
export function cachedInstant(item: { timestamp: string } | { created: string }): number {
  let at = instants.get(item)
  if (at === undefined) {
    at = 'timestamp' in item ? instantOf('timestamp', item.timestamp) : instantOf('created', item.created)
    if (Object.isFrozen(item)) instants.set(item, at)
  }
  return at
}
