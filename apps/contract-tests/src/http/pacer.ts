// An API that documents a rate limit (kaiten.ru: `x-rate-limit`) is paced by the client's `RequestPacer`, which learns from
// the X-RateLimit-* headers.
import { type Clock as PacerClock, type PacerSlot, RequestPacer } from '@kaiten-audit/client'
import type { RateLimit } from '../spec/operation.js'
import { type Clock, systemClock } from './clock.js'

/**
 * Waits before a request and learns from each response's rate-limit headers. A reserved slot counts until a window
 * after its release, which follows the response headers: the server counted the request at some instant in between.
 */
export interface Pacer {
  reserve(signal?: AbortSignal): Promise<PacerSlot>
  observe(headers: Headers): void
}

/** A pacer for the documented `limit` (the model's `x-rate-limit`), on the run's clock. */
export function createPacer(limit: RateLimit, clock: Clock): Pacer {
  // On the system clock the pacer keeps its own timers, which it cancels when a wait is abandoned.
  return new RequestPacer(clock === systemClock ? limit : { ...limit, clock: pacerClock(clock) })
}

/** The pacer waits through timers; a virtual clock only moves through `sleep`. */
function pacerClock(clock: Clock): PacerClock {
  return {
    now: () => clock.now(),
    setTimer(ms, callback) {
      let cancelled = false
      void clock.sleep(ms).then(() => {
        if (!cancelled) callback()
      })
      return () => {
        cancelled = true
      }
    },
  }
}
