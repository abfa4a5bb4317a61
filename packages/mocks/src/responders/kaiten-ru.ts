// kaiten.ru's operation (by default `GET /audit-logs`), answered the way the service documents: errors without a
// body, a rate limit. The route, the parameter rules, the status of an invalid parameter, the rate limit and the
// rate-limit headers' names come from the API model.

import { invalidParameterStatus, parseKaitenRuQuery, rateLimitOf } from '@kaiten-audit/query'
import type { ApiModel } from '@kaiten-audit/types'
import { defaultBasePath, normaliseBasePath } from '../base-url.js'
import { DEFAULT_MODELS } from '../operations.js'
import { matchRoute, routeFor } from '../routes.js'
import type { KaitenRuStore } from '../store/kaiten-ru.js'
import { bearerToken, MOCK_TOKENS } from '../tokens.js'
import { filterTimelineByAddedParameters } from './added-filters.js'
import { requireStore } from './describe-store.js'
import { requireHeaders, requireInvalidParameterStatus, requireStatuses } from './documented.js'
import { bodilessResponse, describeIssues } from './reason-header.js'
import { apiResponder, itemsResponse, type KaitenRuResponder } from './responder.js'
import { selectKaitenRuPage } from './select.js'
import { createCountingOnly, createWindowCounter, type RateLimitOptions } from './window-counter.js'

/** Options of {@link createKaitenRuResponder}. */
export interface KaitenRuResponderOptions {
  store: KaitenRuStore
  /** Path prefix of the API. Default: the model's first server's (`/api/latest`, which serves `/api/v1` too). */
  basePath?: string
  /** Default: the model's `x-rate-limit` per token. `false` never answers 429 (headers still sent). */
  rateLimit?: false | RateLimitOptions
  /** Clock for the window counter, in epoch milliseconds. Default `Date.now`. */
  now?: () => number
  /** The API model to follow. Default: the one generated from `specs/kaiten-ru`; a test may pass one from an edited spec. */
  model?: ApiModel
}

/** The vendor's errors carry no body, which makes a failing test hard to read; the mock adds the reason. */
export { REASON_HEADER } from './reason-header.js'

/** Requests without a usable token share one bucket, as an anonymous caller would. */
const ANONYMOUS = '\u0000anonymous'

/** The headers the window counter's decision fills in, by what they mean; their spelling is checked against the model. */
const RATE_LIMIT_HEADERS = ['X-RateLimit-Remaining', 'X-RateLimit-Reset'] as const

/** The framework-free kaiten.ru fake: a `Request → Response` function over `store`, for any server or test double. */
export function createKaitenRuResponder(options: KaitenRuResponderOptions): KaitenRuResponder {
  const { store } = options
  requireStore(store, 'kaiten-ru', 'createKaitenRuStore')
  const model = options.model ?? DEFAULT_MODELS['kaiten-ru']
  const route = routeFor('kaiten-ru', model)
  const { operation } = route
  const basePath = normaliseBasePath(options.basePath ?? defaultBasePath(operation))
  requireStatuses(operation, {
    200: 'a page',
    401: 'a missing or invalid token',
    403: 'a token without access to the audit log',
    429: 'a spent rate limit',
  })
  requireInvalidParameterStatus(operation)
  const [remainingHeader, resetHeader] = requireHeaders(operation, 200, RATE_LIMIT_HEADERS) as [
    string,
    string,
  ]
  const now = options.now ?? Date.now
  const documentedLimit = rateLimitOf(operation)
  const windows =
    options.rateLimit === false
      ? createCountingOnly(documentedLimit, now)
      : createWindowCounter(options.rateLimit ?? documentedLimit, now)

  return apiResponder({ api: 'kaiten-ru', store, basePath, model }, async (request) => {
    const url = new URL(request.url)
    const token = bearerToken(request)
    const decision = windows.take(token ?? ANONYMOUS)
    const headers = {
      // Dated by the window counter's clock, so a client comparing X-RateLimit-Reset with Date reads one time.
      date: new Date(now()).toUTCString(),
      [remainingHeader]: String(decision.remaining),
      [resetHeader]: String(decision.resetSeconds),
    }
    // The vendor documents its errors without a body.
    const bodiless = (status: number, reason: string, extra: Record<string, string> = {}) =>
      bodilessResponse(status, reason, { ...headers, ...extra })

    // Not the operation's route or method: the web server's own 404 and 405, which the spec does not document.
    if (!matchRoute(route, url, basePath)) return bodiless(404, `no route for ${url.pathname}`)
    if (request.method !== route.method)
      return bodiless(405, `method ${request.method} not allowed`, { allow: route.method })
    if (!decision.allowed) return bodiless(429, `rate limit exceeded; wait until ${resetHeader}`)
    if (token === MOCK_TOKENS.kaitenRu.withoutAccess)
      return bodiless(403, 'the user has no access to the "Audit log" section')
    if (token !== MOCK_TOKENS.kaitenRu.valid) return bodiless(401, 'missing or invalid bearer token')

    const parsed = parseKaitenRuQuery(url.searchParams, model)
    if (!parsed.ok)
      return bodiless(
        invalidParameterStatus(operation, parsed.issues) as number,
        describeIssues(parsed.issues, url.searchParams),
      )
    const timeline = filterTimelineByAddedParameters(store.timeline(), parsed.value.others, operation)
    return itemsResponse(selectKaitenRuPage(timeline, parsed.value), 200, headers)
  })
}
