import { parseRateLimitHeaders, plausibleResetDelayMs, retryAfterMs } from './response-headers.js'

/** Statuses worth another attempt: the server may answer differently a moment later. 400/401/403/404/422 never are. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status)
}

/** When and how long the client waits before another attempt (`maxRetries` and `retryDelay` of the client options). */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number
  /** First backoff; doubled per retry. */
  initialDelayMs: number
  /** Backoff cap. */
  maxDelayMs: number
  /**
   * The longest wait a server may ask for (`Retry-After`, `X-RateLimit-Reset`). Asked for more, the client gives up
   * with the typed error instead of sleeping for an unbounded time.
   */
  maxServerDelayMs: number
}

/** Backoff 0.5 s · 2ⁿ capped at 8 s, two retries: the policy of widely used HTTP SDKs. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  maxServerDelayMs: 60_000,
}

export interface RetryContext {
  /** 0 for the first retry. */
  retry: number
  policy: RetryPolicy
  /** The failed response's headers; absent after a connection error. */
  headers?: Headers | undefined
  status?: number | undefined
  /** kaiten.ru: on 429, `X-RateLimit-Reset` (UTC epoch seconds) says when the window reopens. */
  useRateLimitReset: boolean
  /** The rate-limit window, which bounds how far ahead a believable `X-RateLimit-Reset` lies. Default 1000. */
  rateLimitWindowMs?: number | undefined
  now: number
  random: () => number
}

/**
 * How long to wait before the next attempt, or null when the server asks for longer than the policy allows.
 *
 * A server's wait is taken when it is positive: `Retry-After: 0`, a date already past, a value that is neither
 * delay-seconds nor an HTTP date, or an `X-RateLimit-Reset` that cannot be right all leave the backoff in charge, so
 * a hostile server can neither make the client spin nor stall it beyond `maxServerDelayMs`.
 */
export function retryDelayMs(context: RetryContext): number | null {
  const serverDelay = serverRequestedDelayMs(context)
  if (serverDelay !== undefined && serverDelay > 0)
    return serverDelay > context.policy.maxServerDelayMs ? null : serverDelay
  const { initialDelayMs, maxDelayMs } = context.policy
  const base = Math.min(initialDelayMs * 2 ** context.retry, maxDelayMs)
  // Up to 25 % less, so clients that failed together do not retry together.
  return base * (1 - context.random() * 0.25)
}

function serverRequestedDelayMs(context: RetryContext): number | undefined {
  const { headers } = context
  if (!headers) return undefined
  const retryAfter = retryAfterMs(headers, context.now)
  if (retryAfter !== undefined) return retryAfter
  if (context.useRateLimitReset && context.status === 429) {
    const { resetEpochSeconds } = parseRateLimitHeaders(headers)
    return plausibleResetDelayMs(resetEpochSeconds, context.now, context.rateLimitWindowMs ?? 1000)
  }
  return undefined
}
