// kaiten.ru `GET /audit-logs`, answered the way the service documents: errors without a body, a rate limit.

import { formatIssue, KAITEN_RU_RATE_LIMIT, parseKaitenRuQuery } from '@kaiten-audit/query'
import type { KaitenRuStore } from '../store/kaiten-ru.js'
import { bearerToken, MOCK_TOKENS } from '../tokens.js'
import { requireStore } from './describe-store.js'
import { createRateLimiter, createUnlimited, type RateLimitOptions } from './rate-limit.js'
import { itemsResponse, normaliseBasePath, pathBelow, type Responder } from './responder.js'
import { selectKaitenRuPage } from './select.js'

export interface KaitenRuResponderOptions {
  store: KaitenRuStore
  /** Path prefix of the API. Default `/api/latest`. */
  basePath?: string
  /** Default: 5 requests per 1000 ms per token. `false` never answers 429 (headers still sent). */
  rateLimit?: false | RateLimitOptions
  /** Clock for the rate limiter, in epoch milliseconds. Default `Date.now`. */
  now?: () => number
}

/**
 * The vendor's errors carry no body, which makes a failing test hard to read; the mock adds the reason in a header
 * the spec does not describe (header values must be printable ASCII).
 */
export const REASON_HEADER = 'x-mock-reason'
function headerText(text: string): string {
  return text.replaceAll('≥', '>=').replace(/[^\x20-\x7e]/g, '?')
}

/** Requests without a usable token share one bucket, as an anonymous caller would. */
const ANONYMOUS = '\u0000anonymous'

function isAuditLogsPath(url: URL, basePath: string): boolean {
  return pathBelow(url, basePath) === '/audit-logs'
}

export function createKaitenRuResponder(options: KaitenRuResponderOptions): Responder {
  const { store } = options
  requireStore(store, 'kaiten-ru', 'createKaitenRuStore')
  const basePath = normaliseBasePath(options.basePath ?? '/api/latest')
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
      new Response(null, { status, headers: { ...headers, [REASON_HEADER]: headerText(reason), ...extra } })

    if (!isAuditLogsPath(url, basePath)) return bodiless(404, `no route for ${url.pathname}`)
    if (request.method !== 'GET')
      return bodiless(405, `method ${request.method} not allowed`, { allow: 'GET' })
    if (!decision.allowed) return bodiless(429, 'rate limit exceeded; wait until X-RateLimit-Reset')
    if (token === MOCK_TOKENS.kaitenRu.withoutAccess)
      return bodiless(403, 'the user has no access to the "Audit log" section')
    if (token !== MOCK_TOKENS.kaitenRu.valid) return bodiless(401, 'missing or invalid bearer token')

    const parsed = parseKaitenRuQuery(url.searchParams)
    if (!parsed.ok) return bodiless(400, parsed.issues.map(formatIssue).join('; '))
    return itemsResponse(selectKaitenRuPage(store.timeline(), parsed.value), 200, headers)
  }
}
