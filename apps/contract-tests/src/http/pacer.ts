// kaiten.ru allows 5 requests per second; the client's limiter paces us and learns from X-RateLimit-* headers.
import { RateLimiter, type RateLimitSlot } from '@kaiten-audit/client'
import { KAITEN_RU_RATE_LIMIT } from '@kaiten-audit/query'

/**
 * Waits before a request and learns from each response's rate-limit headers. A reserved slot counts until a window
 * after its release, which follows the response headers: the server counted the request at some instant in between.
 */
export interface Pacer {
  reserve(signal?: AbortSignal): Promise<RateLimitSlot>
  observe(headers: Headers): void
}

export function createKaitenRuPacer(): Pacer {
  return new RateLimiter({ requests: KAITEN_RU_RATE_LIMIT.requests, windowMs: KAITEN_RU_RATE_LIMIT.windowMs })
}
