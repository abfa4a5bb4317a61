import { describe, expect, it } from 'vitest'
import { MAX_HOLD_MS } from '../src/core/pacing.js'
import {
  parseRateLimitHeaders,
  plausibleResetDelayMs,
  RateLimiter,
  RequestAbortedError,
  RequestPacer,
  resetHorizonMs,
} from '../src/index.js'
import { ManualClock } from './support/manual-clock.js'

/** Starts `count` concurrent acquisitions and records the logical time at which each one was granted. */
function grantTimes(clock: ManualClock, limiter: RequestPacer, count: number): number[] {
  const start = clock.now()
  const times: number[] = []
  for (let i = 0; i < count; i++) void limiter.acquire().then(() => times.push(clock.now() - start))
  return times
}

const exhausted = (reset: string) => new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset })

describe('RequestPacer', () => {
  it('grants at most `requests` slots in any window, shared by concurrent callers', async () => {
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 5, windowMs: 1000, clock })
    const times = grantTimes(clock, limiter, 12)
    await clock.advance(3000)
    expect(times).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000])
  })

  it('counts a reserved slot until windowMs after its release, waiting for a release while all are under way', async () => {
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 2, windowMs: 1000, clock })
    const slots = [await limiter.reserve(), await limiter.reserve()]
    const times = grantTimes(clock, limiter, 2)
    // Both requests are still under way at 5 s: the server may not even have counted them yet.
    await clock.advance(5000)
    expect(times).toEqual([])
    expect(clock.pending()).toEqual([])
    slots[0]?.release()
    slots[0]?.release() // a second release changes nothing
    await clock.advance(999)
    expect(times).toEqual([])
    await clock.advance(1)
    expect(times).toEqual([6000])
    slots[1]?.release()
    await clock.advance(1000)
    expect(times).toEqual([6000, 7000])
  })

  it('holds every caller until X-RateLimit-Reset when the window is exhausted by requests it did not send', async () => {
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 5, windowMs: 1000, clock })
    await limiter.acquire()
    // 250 ms past a whole second; the server's window reopens at the next one.
    const reset = Math.ceil(clock.now() / 1000)
    limiter.observe(exhausted(String(reset)))
    const times = grantTimes(clock, limiter, 2)
    await clock.advance(749)
    expect(times).toEqual([])
    await clock.advance(1)
    expect(times).toEqual([750, 750])
  })

  it('does not wait for a rounded-up Reset when its own requests exhausted the window', async () => {
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 5, windowMs: 1000, clock })
    const slots = await Promise.all(Array.from({ length: 5 }, () => limiter.reserve()))
    // A strict sliding window frees its oldest slot at +1000 ms, but reports that rounded up: +1750 ms.
    for (const slot of slots) slot.release(exhausted(String(Math.ceil((clock.now() + 1000) / 1000))))
    const times = grantTimes(clock, limiter, 1)
    await clock.advance(2000)
    expect(times).toEqual([1000])
  })

  it.each([
    ['in the past', (now: number) => String(Math.floor(now / 1000) - 5)],
    ['now', (now: number) => String(now / 1000)],
    ['epoch milliseconds', (now: number) => String(now + 1000)],
    ['an hour ahead', (now: number) => String(Math.ceil(now / 1000) + 3600)],
    ['a relative count of seconds', () => '1'],
    ['negative', (now: number) => String(-Math.ceil(now / 1000) - 1)],
    ['not a number', () => 'soon'],
    ['empty', () => ''],
    ['hexadecimal', (now: number) => `0x${Math.ceil(now / 1000 + 1).toString(16)}`],
    ['exponent notation', (now: number) => (Math.ceil(now / 1000) + 1).toExponential()],
  ])('falls back to its own window when X-RateLimit-Reset is %s', async (_name, reset) => {
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 5, windowMs: 1000, clock })
    await limiter.acquire()
    limiter.observe(exhausted(reset(clock.now())))
    const times = grantTimes(clock, limiter, 5)
    await clock.advance(1000)
    expect(times).toEqual([0, 0, 0, 0, 1000])
  })

  it('takes a Reset up to two windows and a second ahead, and none further', () => {
    const now = Date.UTC(2026, 3, 1, 12, 0, 0)
    expect(resetHorizonMs(1000)).toBe(3000)
    const delay = (reset: string | undefined) =>
      plausibleResetDelayMs(
        parseRateLimitHeaders(reset === undefined ? {} : { 'x-ratelimit-reset': reset }).resetEpochSeconds,
        now,
        1000,
      )
    expect(delay(String(now / 1000 + 3))).toBe(3000)
    expect(delay(String(now / 1000 + 3.001))).toBeUndefined()
    expect(delay(String(now / 1000 + 0.001))).toBeCloseTo(1, 5)
    expect(delay(String(now / 1000))).toBeUndefined()
    expect(delay(undefined)).toBeUndefined()
    expect(delay(` ${now / 1000 + 1} `)).toBe(1000)
    for (const unreadable of ['-1', '1e3', 'soon', `${now / 1000 + 1}s`, ''])
      expect(delay(unreadable), unreadable).toBeUndefined()
  })

  it('keeps its former name, RateLimiter, as the same class', () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 1000, clock: new ManualClock() })
    expect(limiter).toBeInstanceOf(RequestPacer)
    expect(RateLimiter).toBe(RequestPacer)
  })

  it('never holds longer than a minute, even for a long window', async () => {
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 5, windowMs: 3_600_000, clock })
    await limiter.acquire()
    limiter.observe(exhausted(String(Math.ceil(clock.now() / 1000) + 3600)))
    const times = grantTimes(clock, limiter, 1)
    await clock.advance(MAX_HOLD_MS - 1)
    expect(times).toEqual([])
    await clock.advance(1)
    expect(times).toEqual([MAX_HOLD_MS])
  })

  it('ignores headers that do not report an exhausted window', async () => {
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 5, windowMs: 1000, clock })
    const reset = String(Math.ceil(clock.now() / 1000) + 1)
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': reset }))
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': 'soon', 'X-RateLimit-Reset': reset }))
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '0' }))
    const times = grantTimes(clock, limiter, 1)
    await clock.advance(0)
    expect(times).toEqual([0])
  })

  it('rejects a waiting caller with RequestAbortedError when its signal aborts, leaving no timer behind', async () => {
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 1, windowMs: 1000, clock })
    await limiter.acquire()
    const controller = new AbortController()
    const waiting = limiter.acquire(controller.signal)
    await clock.whenPending(1)
    controller.abort()
    await expect(waiting).rejects.toBeInstanceOf(RequestAbortedError)
    expect(clock.pending()).toEqual([])
  })

  it('rejects a caller waiting for a release when its signal aborts', async () => {
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 1, windowMs: 1000, clock })
    const slot = await limiter.reserve()
    const controller = new AbortController()
    const waiting = limiter.reserve(controller.signal)
    controller.abort()
    await expect(waiting).rejects.toBeInstanceOf(RequestAbortedError)
    slot.release()
    await expect(limiter.reserve(AbortSignal.abort())).rejects.toBeInstanceOf(RequestAbortedError)
  })

  it('reads the time from `now` when only that is given', async () => {
    let now = 10_000
    const clock = new ManualClock()
    const limiter = new RequestPacer({ requests: 1, windowMs: 1000, now: () => now, clock })
    await limiter.acquire()
    now += 1000
    await limiter.acquire() // the window has passed on the given time: no wait, no timer
    expect(clock.pending()).toEqual([])
  })

  it('rejects options it cannot honour, naming the option and what is allowed', () => {
    expect(() => new RequestPacer({ requests: 0, windowMs: 1000 })).toThrow(/requests: 0 .*integer ≥ 1/)
    expect(() => new RequestPacer({ requests: 5, windowMs: -1 })).toThrow(/windowMs: -1 .*> 0/)
  })
})
