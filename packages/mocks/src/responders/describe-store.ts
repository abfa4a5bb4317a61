// Names what was passed as a store, for the error when it is the wrong one.

function describeStore(store: unknown): string {
  const api = (store as { api?: unknown } | null | undefined)?.api
  if (typeof api === 'string') return `a ${api} store`
  return store === undefined
    ? 'undefined'
    : typeof store === 'object'
      ? 'an object that is not a store'
      : String(store)
}

/** Throws unless `store` is a store of `api`; plain JavaScript callers can pass anything. */
export function requireStore(store: unknown, api: 'kaiten-ru' | 'kaiten-sh', factory: string): void {
  if ((store as { api?: unknown } | null | undefined)?.api !== api) {
    throw new Error(
      `store: ${describeStore(store)} is not allowed; allowed: a ${api} store from ${factory}()`,
    )
  }
}
