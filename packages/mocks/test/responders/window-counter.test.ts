import { describe, expect, it } from 'vitest'
import { createWindowCounter } from '../../src/responders/window-counter.js'

describe('createWindowCounter', () => {
  it('counts per key within a window aligned to the window length, and starts afresh in the next one', () => {
    let now = 10_999
    const limiter = createWindowCounter({ requests: 2, windowMs: 1000 }, () => now)
    expect(limiter.take('a')).toEqual({ allowed: true, remaining: 1, resetSeconds: 11 })
    expect(limiter.take('a')).toEqual({ allowed: true, remaining: 0, resetSeconds: 11 })
    expect(limiter.take('a')).toEqual({ allowed: false, remaining: 0, resetSeconds: 11 })
    expect(limiter.take('b')).toEqual({ allowed: true, remaining: 1, resetSeconds: 11 })
    now = 11_000
    expect(limiter.take('a')).toEqual({ allowed: true, remaining: 1, resetSeconds: 12 })
  })

  it('rounds the reset of a window that ends mid-second up to the next whole second', () => {
    const limiter = createWindowCounter({ requests: 1, windowMs: 1500 }, () => 1600)
    expect(limiter.take('a').resetSeconds).toBe(3)
  })
})
