// MSW adapter for the kaiten.ru responder.

import type { ApiModel } from '@kaiten-audit/types'
import { type HttpHandler, http } from 'msw'
import { parseBaseUrl } from '../base-url.js'
import { createKaitenRuResponder, type KaitenRuResponderOptions } from '../responders/kaiten-ru.js'
import { mswPatterns, routeFor } from '../routes.js'
import { createKaitenRuStore, type KaitenRuStore } from '../store/kaiten-ru.js'

/** Options of {@link kaitenRuHandlers}. */
export interface KaitenRuHandlersOptions {
  /** E.g. `https://example.kaiten.ru/api/latest` (its `/api/v1` name is served too). */
  baseUrl: string
  /** Default: a new store with the default seed and size. */
  store?: KaitenRuStore
  /** Default: the model's `x-rate-limit` (the vendor's 5 requests per second) per token. `false` switches it off (headers are still sent). */
  rateLimit?: KaitenRuResponderOptions['rateLimit']
  /** Clock for the rate limiter, in epoch milliseconds. Default `Date.now`. */
  now?: () => number
  /** The API model to follow (routes, validation, statuses, rate limit). Default: the generated kaiten.ru model. */
  model?: ApiModel
}

/** MSW handlers for kaiten.ru at `baseUrl`, answering as the API does (filters, limits, bodyless errors, rate limit). */
export function kaitenRuHandlers(options: KaitenRuHandlersOptions): HttpHandler[] {
  const { origin, basePath } = parseBaseUrl(options.baseUrl)
  const respond = createKaitenRuResponder({
    store: options.store ?? createKaitenRuStore(),
    basePath,
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.model ? { model: options.model } : {}),
  })
  return mswPatterns(routeFor('kaiten-ru', respond.model), origin, basePath).map((pattern) =>
    http.all(pattern, ({ request }) => respond(request)),
  )
}
