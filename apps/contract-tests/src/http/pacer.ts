// kaiten.ru allows 5 requests per second; the client's limiter paces us and learns from X-RateLimit-* headers.
import { type Clock as LimiterClock, RateLimiter, type RateLimitSlot } from '@kaiten-audit/client'
import { requiredRateLimit } from '../spec/operation.js'
import { type Clock, systemClock } from './clock.js'

/**
 * Waits before a request and learns from each response's rate-limit headers. A reserved slot counts until a window
 * after its release, which follows the response headers: the server counted the request at some instant in between.
 */
export interface Pacer {
  reserve(signal?: AbortSignal): Promise<RateLimitSlot>
  observe(headers: Headers): void
}

/** kaiten.ru's documented limit, read from the spec, on the run's clock. */
export function createKaitenRuPacer(clock: Clock): Pacer {
  const limit = requiredRateLimit('kaiten-ru')
  // On the system clock the limiter keeps its own timers, which it cancels when a wait is abandoned.
  return new RateLimiter(clock === systemClock ? limit : { ...limit, clock: limiterClock(clock) })
}

/** The limiter waits through timers; a virtual clock only moves through `sleep`. */
function limiterClock(clock: Clock): LimiterClock {
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
