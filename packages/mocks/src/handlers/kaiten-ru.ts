// MSW adapter for the kaiten.ru responder.

import { type HttpHandler, http } from 'msw'
import { parseBaseUrl } from '../base-url.js'
import {
  createKaitenRuResponder,
  type KaitenRuResponderOptions,
  versionAliases,
} from '../responders/kaiten-ru.js'
import { createKaitenRuStore, type KaitenRuStore } from '../store/kaiten-ru.js'

/** Options of {@link kaitenRuHandlers}. */
export interface KaitenRuHandlersOptions {
  /** E.g. `https://example.kaiten.ru/api/latest` (its `/api/v1` name is served too). */
  baseUrl: string
  /** Default: a new store with the default seed and size. */
  store?: KaitenRuStore
  /** Default: the vendor's 5 requests per second per token. `false` switches it off (headers are still sent). */
  rateLimit?: KaitenRuResponderOptions['rateLimit']
  /** Clock for the rate limiter, in epoch milliseconds. Default `Date.now`. */
  now?: () => number
}

/** MSW handlers for kaiten.ru at `baseUrl`, answering as the API does (filters, limits, bodyless errors, rate limit). */
export function kaitenRuHandlers(options: KaitenRuHandlersOptions): HttpHandler[] {
  const { url, basePath } = parseBaseUrl(options.baseUrl)
  const respond = createKaitenRuResponder({
    store: options.store ?? createKaitenRuStore(),
    basePath,
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.now ? { now: options.now } : {}),
  })
  const origin = url.slice(0, url.length - basePath.length)
  return versionAliases(basePath).map((served) =>
    http.all(`${origin}${served}/audit-logs`, ({ request }) => respond(request)),
  )
}
