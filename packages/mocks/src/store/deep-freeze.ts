// Stored items are handed out as they are; freezing them all the way down keeps a caller from changing the store (and
// the cached JSON and instants keyed by the items) by accident.

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
