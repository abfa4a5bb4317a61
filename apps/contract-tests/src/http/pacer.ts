// kaiten.ru allows 5 requests per second; the client's limiter paces us and learns from X-RateLimit-* headers.
import { RateLimiter } from '@kaiten-audit/client'
import { requiredRateLimit } from '../spec/operation.js'
import type { Clock } from './clock.js'

/** Waits before a request and learns from each response's rate-limit headers. */
export interface Pacer {
  acquire(signal?: AbortSignal): Promise<void>
  observe(headers: Headers): void
}

export function createKaitenRuPacer(clock: Clock): Pacer {
  return new RateLimiter({ ...requiredRateLimit('kaiten-ru'), now: clock.now, sleep: clock.sleep })
}
