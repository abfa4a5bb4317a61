// kaiten.ru `GET /audit-logs`, answered the way the service documents: errors without a body, a rate limit.

import { KAITEN_RU_RATE_LIMIT, parseKaitenRuQuery } from '@kaiten-audit/query'
import type { KaitenRuStore } from '../store/kaiten-ru.js'
import { bearerToken, MOCK_TOKENS } from '../tokens.js'
import { requireStore } from './describe-store.js'
import { createRateLimiter, createUnlimited, type RateLimitOptions } from './rate-limit.js'
import { bodilessResponse, describeIssues } from './reason-header.js'
import { itemsResponse, normaliseBasePath, pathBelow, type Responder } from './responder.js'
import { selectKaitenRuPage } from './select.js'

/** Options of {@link createKaitenRuResponder}. */
export interface KaitenRuResponderOptions {
  store: KaitenRuStore
  /** Path prefix of the API. Default `/api/latest`; `/api/latest` and `/api/v1` each serve the other too. */
  basePath?: string
  /** Default: 5 requests per 1000 ms per token. `false` never answers 429 (headers still sent). */
  rateLimit?: false | RateLimitOptions
  /** Clock for the rate limiter, in epoch milliseconds. Default `Date.now`. */
  now?: () => number
}

/** The vendor's errors carry no body, which makes a failing test hard to read; the mock adds the reason. */
export { REASON_HEADER } from './reason-header.js'

/** Requests without a usable token share one bucket, as an anonymous caller would. */
const ANONYMOUS = '\u0000anonymous'

/**
 * The API root page names `/api/latest` and, as its versioned name, `/api/v1`: a base path ending in either serves
 * the other as well.
 */
export function versionAliases(basePath: string): string[] {
  const version = /\/api\/(latest|v1)$/.exec(basePath)
  if (!version) return [basePath]
  const root = basePath.slice(0, version.index)
  return [`${root}/api/latest`, `${root}/api/v1`]
}

function isAuditLogsPath(url: URL, basePaths: readonly string[]): boolean {
  return basePaths.some((basePath) => pathBelow(url, basePath) === '/audit-logs')
}

/** The framework-free kaiten.ru fake: a `Request → Response` function over `store`, for any server or test double. */
export function createKaitenRuResponder(options: KaitenRuResponderOptions): Responder {
  const { store } = options
  requireStore(store, 'kaiten-ru', 'createKaitenRuStore')
  const basePaths = versionAliases(normaliseBasePath(options.basePath ?? '/api/latest'))
  const now = options.now ?? Date.now
  const limiter =
    options.rateLimit === false
      ? createUnlimited(KAITEN_RU_RATE_LIMIT, now)
      : createRateLimiter(options.rateLimit ?? KAITEN_RU_RATE_LIMIT, now)

  return async (request) => {
    const url = new URL(request.url)
    const token = bearerToken(request)
    const decision = limiter.take(token ?? ANONYMOUS)
    const headers = {
      // Dated by the limiter's clock, so a client comparing X-RateLimit-Reset with Date reads one time.
      date: new Date(now()).toUTCString(),
      'x-ratelimit-remaining': String(decision.remaining),
      'x-ratelimit-reset': String(decision.resetSeconds),
    }
    // The vendor documents 400, 401, 403 and 429 without a body.
    const bodiless = (status: number, reason: string, extra: Record<string, string> = {}) =>
      bodilessResponse(status, reason, { ...headers, ...extra })

    if (!isAuditLogsPath(url, basePaths)) return bodiless(404, `no route for ${url.pathname}`)
    if (request.method !== 'GET')
      return bodiless(405, `method ${request.method} not allowed`, { allow: 'GET' })
    if (!decision.allowed) return bodiless(429, 'rate limit exceeded; wait until X-RateLimit-Reset')
    if (token === MOCK_TOKENS.kaitenRu.withoutAccess)
      return bodiless(403, 'the user has no access to the "Audit log" section')
    if (token !== MOCK_TOKENS.kaitenRu.valid) return bodiless(401, 'missing or invalid bearer token')

    const parsed = parseKaitenRuQuery(url.searchParams)
    if (!parsed.ok) return bodiless(400, describeIssues(parsed.issues, url.searchParams))
    return itemsResponse(selectKaitenRuPage(store.timeline(), parsed.value), 200, headers)
  }
}
