// Names what was passed as a store, for the error when it is the wrong one.

export function describeStore(store: unknown): string {
  const api = (store as { api?: unknown } | null | undefined)?.api
  if (typeof api === 'string') return `a ${api} store`
  return store === undefined
    ? 'undefined'
    : typeof store === 'object'
      ? 'an object that is not a store'
      : String(store)
}
