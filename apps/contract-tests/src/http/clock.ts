// The run's time: the pacer, the waits for X-RateLimit-Reset and the rate-limit checks read it. Injected, so a test
// can share one virtual clock with the mocks' rate limiter and no verdict depends on the machine's speed.
import { setTimeout as delay } from 'node:timers/promises'

export interface Clock {
  /** Epoch milliseconds. */
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (ms > 0) await delay(ms, undefined, signal ? { signal } : {})
  },
}
