/**
 * Time as the client sees it: the wall clock that `X-RateLimit-Reset` and `Retry-After` dates are read against, and
 * the timers behind every wait (pacing, retry backoff, the per-attempt timeout). Injecting one makes a schedule
 * testable on logical time, so no verdict depends on how fast the machine is.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number
  /** Calls `callback` once, `ms` milliseconds from now; the returned function cancels it. */
  setTimer(ms: number, callback: () => void): () => void
}

/** Node and browsers clamp a longer `setTimeout` to 1 ms, which would turn a long wait into a busy loop. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, callback) {
    let timer: ReturnType<typeof setTimeout>
    const due = Date.now() + ms
    const arm = (remaining: number): void => {
      timer = setTimeout(
        remaining > LONGEST_TIMEOUT_MS ? () => arm(due - Date.now()) : callback,
        Math.min(Math.max(remaining, 0), LONGEST_TIMEOUT_MS),
      )
    }
    arm(ms)
    return () => clearTimeout(timer)
  },
}
