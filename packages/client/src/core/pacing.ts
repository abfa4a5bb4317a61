import { type Clock, systemClock } from './clock.js'
import { RequestAbortedError } from './errors.js'
import { parseRateLimitHeaders, plausibleResetDelayMs } from './response-headers.js'
import { sleep } from './sleep.js'

/** The longest `observe` holds callers, whatever `X-RateLimit-Reset` says. */
export const MAX_HOLD_MS = 60_000

/** How a {@link RequestPacer} paces: at most `requests` in any window of `windowMs`. */
export interface RequestPacerOptions {
  /** Requests allowed in any window of `windowMs`. */
  requests: number
  windowMs: number
  /** Wall clock in epoch milliseconds; `X-RateLimit-Reset` is compared against it. Defaults to `clock.now`. */
  now?: () => number
  /** The clock the limiter reads and waits on. Defaults to the system clock. */
  clock?: Clock
}

/** A slot held for one request, from `reserve` until `release`. */
export interface PacerSlot {
  /**
   * Ends the request: its slot keeps counting until `windowMs` from now. `headers`, the response's, are read as
   * {@link RequestPacer.observe} reads them. Only the first call counts.
   */
  release(headers?: Headers): void
}

interface Held {
  /** The most slots in use at any moment while this request was under way. */
  peak: number
}

/**
 * Paces requests to at most `requests` in any sliding window of `windowMs`, shared by every caller of one instance,
 * and holds all callers when the server reports an exhausted window that this limiter's own requests do not explain.
 *
 * A request counts from the moment it is let through until `windowMs` after its answer arrived. The server counted
 * it at some unknown instant in between, so a server that counts arrivals in a strict sliding window never sees a
 * request more than `requests` allow, whatever the network's latency or jitter; a fixed-window server, whose windows
 * lie inside some sliding window, never does either. The price is a window lengthened by one round trip.
 *
 * kaiten.ru allows 5 requests per second and reports `X-RateLimit-Remaining` and `X-RateLimit-Reset` (UTC epoch
 * seconds) on its responses (developers.kaiten.ru, API root page).
 */
export class RequestPacer {
  readonly requests: number
  readonly windowMs: number
  readonly #clock: Clock
  readonly #underWay = new Set<Held>()
  /** When each recently released slot was released; it counts until `windowMs` later. */
  #released: number[] = []
  /** Epoch ms before which no slot is handed out, set by `observe`. */
  #heldUntil = 0
  /** Callers waiting while every slot is under way: only a release tells them how long to wait. */
  readonly #onRelease = new Set<() => void>()

  constructor(options: RequestPacerOptions) {
    const { requests, windowMs, now, clock = systemClock } = options
    if (!Number.isSafeInteger(requests) || requests < 1) {
      throw new RangeError(
        `RequestPacer requests: ${String(requests)} is not allowed; allowed: an integer ≥ 1`,
      )
    }
    if (!Number.isFinite(windowMs) || windowMs <= 0) {
      throw new RangeError(`RequestPacer windowMs: ${String(windowMs)} is not allowed; allowed: a number > 0`)
    }
    this.requests = requests
    this.windowMs = windowMs
    this.#clock = now === undefined ? clock : { now, setTimer: clock.setTimer }
  }

  /**
   * Resolves when a request may be sent, counting it from now; rejects with `RequestAbortedError` if `signal`
   * aborts first.
   */
  async acquire(signal?: AbortSignal): Promise<void> {
    ;(await this.reserve(signal)).release()
  }

  /**
   * Resolves with a slot once a request may be sent; the slot counts until `windowMs` after its `release`, which
   * must follow once the answer arrived or the attempt failed. Rejects with `RequestAbortedError` if `signal` aborts
   * first.
   */
  async reserve(signal?: AbortSignal): Promise<PacerSlot> {
    for (;;) {
      if (signal?.aborted) throw RequestAbortedError.fromSignal(signal)
      const wait = this.#waitMs()
      if (wait <= 0) return this.#take()
      // Several callers may wake together; each re-checks, and only those that find a free slot proceed.
      if (wait === Number.POSITIVE_INFINITY) await this.#nextRelease(signal)
      else await sleep(wait, signal, this.#clock)
    }
  }

  /**
   * Reads the server's view of the window. `X-RateLimit-Remaining: 0` while this limiter's own slots are not all in
   * use means someone else spends the same budget, so every caller is held until `X-RateLimit-Reset`; a Reset that
   * cannot be right is ignored (see `plausibleResetDelayMs`), and no hold exceeds `MAX_HOLD_MS` (60 s).
   */
  observe(headers: Headers): void {
    this.#observe(headers, this.#inUse())
  }

  #observe(headers: Headers, inUse: number): void {
    const { remaining, resetEpochSeconds } = parseRateLimitHeaders(headers)
    if (remaining !== 0) return
    // The server counted no more than this limiter's own requests: the local window already keeps the next one back
    // until a slot frees, and the Reset (whole seconds, and for a sliding window later than the slot that frees)
    // would only add a wait.
    if (inUse >= this.requests) return
    const now = this.#clock.now()
    const delay = plausibleResetDelayMs(resetEpochSeconds, now, this.windowMs)
    if (delay === undefined) return
    const until = now + Math.min(delay, MAX_HOLD_MS)
    if (until > this.#heldUntil) this.#heldUntil = until
  }

  #take(): PacerSlot {
    const held: Held = { peak: 0 }
    this.#underWay.add(held)
    const inUse = this.#inUse()
    for (const other of this.#underWay) other.peak = Math.max(other.peak, inUse)
    let released = false
    return {
      release: (headers) => {
        if (released) return
        released = true
        this.#underWay.delete(held)
        this.#released.push(this.#clock.now())
        for (const wake of this.#onRelease) wake()
        if (headers) this.#observe(headers, held.peak)
      },
    }
  }

  #inUse(): number {
    const since = this.#clock.now() - this.windowMs
    if (this.#released.some((at) => at <= since)) this.#released = this.#released.filter((at) => at > since)
    return this.#underWay.size + this.#released.length
  }

  #waitMs(): number {
    const now = this.#clock.now()
    const held = this.#heldUntil - now
    if (this.#inUse() < this.requests) return held
    // Every slot is in use; the first to leave the window is the earliest released one, or, while all are still
    // under way, the next release.
    if (this.#released.length === 0) return Number.POSITIVE_INFINITY
    return Math.max(held, Math.min(...this.#released) + this.windowMs - now)
  }

  #nextRelease(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        this.#onRelease.delete(done)
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      const onAbort = (): void => {
        this.#onRelease.delete(done)
        reject(RequestAbortedError.fromSignal(signal))
      }
      this.#onRelease.add(done)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}

/** @deprecated Renamed {@link RequestPacer}: the mock servers' rate limiter is another thing. */
export const RateLimiter = RequestPacer
/** @deprecated Renamed {@link RequestPacer}: the mock servers' rate limiter is another thing. */
export type RateLimiter = RequestPacer
/** @deprecated Renamed {@link RequestPacerOptions}. */
export type RateLimiterOptions = RequestPacerOptions
/** @deprecated Renamed {@link PacerSlot}. */
export type RateLimitSlot = PacerSlot
