import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RateLimiter, RequestAbortedError } from '../src/index.js'

describe('RateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 3, 1) })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /** Starts `count` concurrent acquisitions and records when each one was granted. */
  function grantTimes(limiter: RateLimiter, count: number): number[] {
    const start = Date.now()
    const times: number[] = []
    for (let i = 0; i < count; i++) void limiter.acquire().then(() => times.push(Date.now() - start))
    return times
  }

  it('grants at most `requests` slots in any window, shared by concurrent callers', async () => {
    const limiter = new RateLimiter({ requests: 5, windowMs: 1000 })
    const times = grantTimes(limiter, 12)
    await vi.advanceTimersByTimeAsync(3000)
    expect(times).toHaveLength(12)
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0])
    expect(times.slice(5, 10)).toEqual([1000, 1000, 1000, 1000, 1000])
    expect(times.slice(10)).toEqual([2000, 2000])
    // Sliding-window property: no 1000 ms interval holds more than 5 grants.
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(5)
  })

  it('holds every caller until X-RateLimit-Reset once X-RateLimit-Remaining reaches 0', async () => {
    const limiter = new RateLimiter({ requests: 5, windowMs: 1000 })
    const resetSeconds = Math.floor(Date.now() / 1000) + 3
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetSeconds) }))
    const times = grantTimes(limiter, 2)
    await vi.advanceTimersByTimeAsync(2999)
    expect(times).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(times).toEqual([3000, 3000])
  })

  it('ignores headers that do not report an exhausted window', async () => {
    const limiter = new RateLimiter({ requests: 5, windowMs: 1000 })
    const resetSeconds = String(Math.floor(Date.now() / 1000) + 30)
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': resetSeconds }))
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': 'soon', 'X-RateLimit-Reset': resetSeconds }))
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '0' }))
    const times = grantTimes(limiter, 1)
    await vi.advanceTimersByTimeAsync(0)
    expect(times).toEqual([0])
  })

  it('never holds longer than a minute, whatever the reset header claims', async () => {
    const limiter = new RateLimiter({ requests: 5, windowMs: 1000 })
    const farAhead = String(Math.floor(Date.now() / 1000) + 3600)
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': farAhead }))
    const times = grantTimes(limiter, 1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(times).toEqual([60_000])
  })

  it('rejects a waiting caller with RequestAbortedError when its signal aborts, leaving no timer behind', async () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 1000 })
    await limiter.acquire()
    const controller = new AbortController()
    const waiting = limiter.acquire(controller.signal)
    expect(vi.getTimerCount()).toBe(1)
    controller.abort()
    await expect(waiting).rejects.toBeInstanceOf(RequestAbortedError)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('uses the injected clock', async () => {
    let now = 10_000
    const limiter = new RateLimiter({ requests: 1, windowMs: 1000, now: () => now })
    await limiter.acquire()
    now += 1000
    await limiter.acquire() // the window has passed on the injected clock: no wait, no timer
    expect(vi.getTimerCount()).toBe(0)
  })

  it('waits through the injected sleep, so a virtual clock can stand in for time', async () => {
    let now = 10_000
    const slept: number[] = []
    const limiter = new RateLimiter({
      requests: 2,
      windowMs: 1000,
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms)
        now += ms
      },
    })
    for (let i = 0; i < 5; i++) await limiter.acquire()
    expect(slept).toEqual([1000, 1000])
    expect(now).toBe(12_000)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('rejects options it cannot honour, naming the option and what is allowed', () => {
    expect(() => new RateLimiter({ requests: 0, windowMs: 1000 })).toThrow(/requests: 0 .*integer ≥ 1/)
    expect(() => new RateLimiter({ requests: 5, windowMs: -1 })).toThrow(/windowMs: -1 .*> 0/)
  })
})
