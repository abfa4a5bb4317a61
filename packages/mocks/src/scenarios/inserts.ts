// Events that arrive while a client pages: the trap offset pagination falls into (a page boundary shifts, so the
// next page repeats items unless the client de-duplicates).

import { type HttpHandler, http } from 'msw'
import { parseBaseUrl } from '../base-url.js'
import { defaultStores } from '../store/defaults.js'
import type { KaitenRuStore } from '../store/kaiten-ru.js'
import type { KaitenShStore } from '../store/kaiten-sh.js'
import { type AnyStore, apiOf, budget, type FaultOptions } from './shared.js'

/** Options of `scenarios.insertDuringPaging`. */
export interface InsertOptions extends FaultOptions {
  /** The store the faithful handlers serve from. Default: the default store of the API requested. */
  store?: AnyStore
  /** New items per request. Default 1. */
  count?: number
}

/**
 * Before every request except the first, appends `count` new items (newest first, so they land on page one and
 * push every later item one page further). `times` bounds how many requests insert.
 */
export function insertDuringPaging(baseUrl: string, options: InsertOptions = {}): HttpHandler {
  const { url } = parseBaseUrl(baseUrl)
  const count = options.count ?? 1
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count: ${JSON.stringify(count)} is not allowed; allowed: an integer ≥ 1`)
  const take = budget(options.times)
  let seen = 0
  return http.all(`${url}/*`, ({ request }) => {
    seen++
    if (seen === 1 || !take()) return undefined
    const target = new URL(request.url)
    const api = apiOf(target)
    const store = options.store ?? (api === 'kaiten-sh' ? defaultStores.kaitenSh : defaultStores.kaitenRu)
    if (store.api !== api)
      throw new Error(
        `store: a ${store.api} store is not allowed for a ${api} request; allowed: a ${api} store`,
      )
    for (let i = 0; i < count; i++) {
      if (api === 'kaiten-sh') {
        const slug = decodeURIComponent(target.pathname.split('/').at(-2) ?? '')
        const shStore = store as KaitenShStore
        // An unknown instance has nothing to insert into; the faithful handler answers 404 for it.
        if (shStore.instances().some((instance) => instance.slug === slug)) shStore.append(slug)
      } else (store as KaitenRuStore).append()
    }
    return undefined
  })
}
