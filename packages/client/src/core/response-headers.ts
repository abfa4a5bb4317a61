// Every response header the client acts on is read here, and only here: `X-RateLimit-Remaining`,
// `X-RateLimit-Reset` (kaiten.ru, API root page), `Retry-After` (RFC 9110 §10.2.3) and the request id. A server is
// hostile until proven otherwise, so each reader returns undefined for a value that cannot be right rather than
// guessing at it.

/** Response headers as a `Headers` object, or as a plain record with lower-case names (a recorded response). */
export type HeaderSource = { get(name: string): string | null } | Readonly<Record<string, string | undefined>>

function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as Headers).get(name) ?? undefined
  const value = (headers as Readonly<Record<string, string | undefined>>)[name]
  return typeof value === 'string' ? value : undefined
}

/** kaiten.ru's rate-limit headers, as numbers; a field is undefined when its header is absent or malformed. */
export interface RateLimitHeaders {
  /** `X-RateLimit-Remaining`: requests left in the current window, a non-negative integer. */
  remaining: number | undefined
  /** `X-RateLimit-Reset`: when the window reopens, in UTC epoch seconds as sent (a fraction is kept). */
  resetEpochSeconds: number | undefined
}

/** Reads `X-RateLimit-Remaining` and `X-RateLimit-Reset`; text that is not a plain number counts as absent. */
export function parseRateLimitHeaders(headers: HeaderSource): RateLimitHeaders {
  const remaining = headerOf(headers, 'x-ratelimit-remaining')?.trim()
  const reset = headerOf(headers, 'x-ratelimit-reset')?.trim()
  return {
    remaining: remaining !== undefined && /^\d{1,15}$/.test(remaining) ? Number(remaining) : undefined,
    resetEpochSeconds: reset !== undefined && /^\d{1,15}(\.\d+)?$/.test(reset) ? Number(reset) : undefined,
  }
}

/**
 * How far ahead a correct `X-RateLimit-Reset` can lie: the end of a window that started at most `windowMs` ago is
 * at most one window away, and the header's whole seconds round it up by less than a second more. One extra window
 * absorbs clock skew and latency between the server's clock and this one.
 */
export function resetHorizonMs(windowMs: number): number {
  return 2 * windowMs + 1000
}

/**
 * Milliseconds until `X-RateLimit-Reset` (UTC epoch seconds), or undefined when the value cannot be right: not a
 * number of seconds, already past (the window has reopened, there is nothing to wait for), or beyond
 * {@link resetHorizonMs} — epoch milliseconds sent as seconds, a relative count, a skewed clock. A caller then falls
 * back to its own window rather than stalling on a value that cannot be honoured.
 */
export function plausibleResetDelayMs(
  resetEpochSeconds: number | undefined,
  now: number,
  windowMs: number,
): number | undefined {
  if (resetEpochSeconds === undefined) return undefined
  const delay = resetEpochSeconds * 1000 - now
  return delay > 0 && delay <= resetHorizonMs(windowMs) ? delay : undefined
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
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, in milliseconds from `now` (0 for a date already
 * past). Anything else is ignored: `Date.parse` alone would take `-5` or `2026` for dates.
 */
export function parseRetryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined
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

/** `Retry-After` of a response, in milliseconds from `now`; see {@link parseRetryAfterMs}. */
export function retryAfterMs(headers: HeaderSource, now: number): number | undefined {
  return parseRetryAfterMs(headerOf(headers, 'retry-after'), now)
}

/** Response headers that carry a request id, in the order they are looked up. */
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id'] as const

/** The request id a server put on a response, if any. */
export function requestIdOf(headers: HeaderSource): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headerOf(headers, name)
    if (value) return value
  }
  return undefined
}
