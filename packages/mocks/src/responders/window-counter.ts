// kaiten.ru's rate limit as the server enforces it: 5 requests per second per token (API root page), counted per
// fixed window and reported on every response. The client's `RequestPacer` is the other side: it waits so as not to
// be refused.

/** A rate limit of `requests` per fixed window of `windowMs`, per token. */
export interface RateLimitOptions {
  requests: number
  windowMs: number
}

export interface RateLimitDecision {
  allowed: boolean
  /** Requests left in the current window (never negative). */
  remaining: number
  /** UTC epoch seconds at which the current window ends. */
  resetSeconds: number
}

export interface WindowCounter {
  take(key: string): RateLimitDecision
}

function checkRateLimitOptions(options: RateLimitOptions): RateLimitOptions {
  const { requests, windowMs } = options
  if (!Number.isInteger(requests) || requests < 1)
    throw new Error(`rateLimit.requests: ${JSON.stringify(requests)} is not allowed; allowed: an integer ≥ 1`)
  if (!Number.isInteger(windowMs) || windowMs < 1)
    throw new Error(`rateLimit.windowMs: ${JSON.stringify(windowMs)} is not allowed; allowed: an integer ≥ 1`)
  return options
}

/**
 * Fixed windows aligned to multiples of `windowMs` since the epoch, so with the default 1000 ms the reset instant
 * is a whole second, as `X-RateLimit-Reset` (epoch seconds) expects.
 */
export function createWindowCounter(options: RateLimitOptions, now: () => number): WindowCounter {
  const { requests, windowMs } = checkRateLimitOptions(options)
  let window = Number.NaN
  const used = new Map<string, number>()
  return {
    take(key) {
      const current = Math.floor(now() / windowMs)
      if (current !== window) {
        // Counts from an older window never matter again; dropping them bounds memory by one window's keys.
        window = current
        used.clear()
      }
      const count = (used.get(key) ?? 0) + 1
      used.set(key, count)
      return {
        allowed: count <= requests,
        remaining: Math.max(0, requests - count),
        resetSeconds: Math.ceil(((current + 1) * windowMs) / 1000),
      }
    },
  }
}

/**
 * With the limit switched off nothing is refused, but the headers still mean what they say: what is left of the
 * current window (0 once spent) and when it ends, so a client that reads them is never told something false.
 */
export function createCountingOnly(options: RateLimitOptions, now: () => number): WindowCounter {
  const counting = createWindowCounter(options, now)
  return { take: (key) => ({ ...counting.take(key), allowed: true }) }
}
