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
  now: number
  random: () => number
}

/** How long to wait before the next attempt, or null when the server asks for longer than the policy allows. */
export function retryDelayMs(context: RetryContext): number | null {
  const serverDelay = serverRequestedDelayMs(context)
  if (serverDelay !== undefined) return serverDelay > context.policy.maxServerDelayMs ? null : serverDelay
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
    const resetMs = reset === null || reset.trim() === '' ? Number.NaN : Number(reset) * 1000
    if (Number.isFinite(resetMs)) return Math.max(0, resetMs - context.now)
  }
  return undefined
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. Unparseable values are ignored. */
export function parseRetryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
