import { plausibleResetDelayMs } from './rate-limit-reset.js'

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
  const retryAfter = parseRetryAfterMs(headers.get('retry-after'), context.now)
  if (retryAfter !== undefined) return retryAfter
  if (context.useRateLimitReset && context.status === 429) {
    const reset = headers.get('x-ratelimit-reset')
    return plausibleResetDelayMs(reset, context.now, context.rateLimitWindowMs ?? 1000)
  }
  return undefined
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)'
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)'
const TIME = '\\d{2}:\\d{2}:\\d{2}'
/** RFC 9110 §5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept. */
const IMF_FIXDATE = new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`)
const RFC850_DATE = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`,
)
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`)

/**
 * RFC 9110 §10.2.3: delay-seconds or an HTTP-date, in milliseconds from `now` (0 for a date already past).
 * Anything else is ignored: `Date.parse` alone would take `-5` or `2026` for dates.
 */
export function parseRetryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000
  const date =
    IMF_FIXDATE.test(text) || RFC850_DATE.test(text)
      ? Date.parse(text)
      : ASCTIME_DATE.test(text)
        ? Date.parse(`${text} GMT`)
        : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
