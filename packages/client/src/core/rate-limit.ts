import { sleep } from './sleep.js'

/** The longest `observe` holds callers, whatever `X-RateLimit-Reset` says. */
export const MAX_HOLD_MS = 60_000

export interface RateLimiterOptions {
  /** Requests allowed in any window of `windowMs`. */
  requests: number
  windowMs: number
  /** Wall clock in epoch milliseconds; `X-RateLimit-Reset` is compared against it. Defaults to `Date.now`. */
  now?: () => number
  /**
   * Waits that many milliseconds of `now`'s time. Defaults to a timer; a caller that injects a virtual `now` injects
   * the sleep that advances it, so waits and clock never disagree.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/**
 * Paces requests to at most `requests` in any sliding window of `windowMs`, shared by every caller of one instance,
 * and holds all callers when the server reports an exhausted window.
 *
 * kaiten.ru allows 5 requests per second and reports `X-RateLimit-Remaining` and `X-RateLimit-Reset` (UTC epoch
 * seconds) on its responses (developers.kaiten.ru, API root page).
 */
export class RateLimiter {
  readonly requests: number
  readonly windowMs: number
  readonly #now: () => number
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Start times of the most recent `requests` acquisitions, oldest first. */
  readonly #recent: number[] = []
  /** Epoch ms before which no slot is handed out, set by `observe`. */
  #heldUntil = 0

  constructor(options: RateLimiterOptions) {
    const { requests, windowMs, now = Date.now, sleep: wait = sleep } = options
    if (!Number.isSafeInteger(requests) || requests < 1) {
      throw new RangeError(
        `RateLimiter requests: ${String(requests)} is not allowed; allowed: an integer ≥ 1`,
      )
    }
    if (!Number.isFinite(windowMs) || windowMs <= 0) {
      throw new RangeError(`RateLimiter windowMs: ${String(windowMs)} is not allowed; allowed: a number > 0`)
    }
    this.requests = requests
    this.windowMs = windowMs
    this.#now = now
    this.#sleep = wait
  }

  /** Resolves when a request may be sent; rejects with `RequestAbortedError` if `signal` aborts first. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.#waitMs()
      if (wait <= 0) {
        this.#recent.push(this.#now())
        if (this.#recent.length > this.requests) this.#recent.shift()
        return
      }
      // Several callers may wake together; each re-checks, and only those that find a free slot proceed.
      await this.#sleep(wait, signal)
    }
  }

  /** Reads the server's view of the window: `X-RateLimit-Remaining: 0` holds every caller until `X-RateLimit-Reset`. */
  observe(headers: Headers): void {
    const remaining = headers.get('x-ratelimit-remaining')
    const reset = headers.get('x-ratelimit-reset')
    if (remaining === null || reset === null || remaining.trim() !== '0') return
    const resetMs = Number(reset) * 1000
    if (!Number.isFinite(resetMs)) return
    // A reset far ahead means clock skew or a bad header, not a one-second window; never hold longer than the bound.
    const until = Math.min(resetMs, this.#now() + MAX_HOLD_MS)
    if (until > this.#heldUntil) this.#heldUntil = until
  }

  #waitMs(): number {
    const now = this.#now()
    const held = this.#heldUntil - now
    const oldest = this.#recent.length < this.requests ? undefined : this.#recent[0]
    const slot = oldest === undefined ? 0 : oldest + this.windowMs - now
    return Math.max(held, slot, 0)
  }
}
