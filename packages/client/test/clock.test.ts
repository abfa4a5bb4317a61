import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { systemClock } from '../src/core/clock.js'
import { createKaitenShClient } from '../src/index.js'

describe('systemClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 3, 1) })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits the whole time for a delay beyond setTimeout’s 31-bit limit, which would otherwise fire at once', async () => {
    const longest = 2 ** 31 - 1
    const fired: number[] = []
    const start = Date.now()
    systemClock.setTimer(longest + 5000, () => fired.push(Date.now() - start))
    await vi.advanceTimersByTimeAsync(longest)
    expect(fired).toEqual([])
    await vi.advanceTimersByTimeAsync(5000)
    expect(fired).toEqual([longest + 5000])
  })

  it('cancels a long wait', async () => {
    const fired: number[] = []
    const cancel = systemClock.setTimer(2 ** 32, () => fired.push(Date.now()))
    await vi.advanceTimersByTimeAsync(2 ** 31)
    cancel()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(2 ** 32)
    expect(fired).toEqual([])
  })
})

describe('the clock option', () => {
  it.each([{}, { now: () => 0 }, null, 'system'])(
    'refuses %j, naming the option and what it needs',
    (clock) => {
      expect(() =>
        createKaitenShClient({ baseUrl: 'https://demo.kaiten.sh', token: 'ksh_x', clock: clock as never }),
      ).toThrow(/clock: expected \{ now: \(\) => number, setTimer: /)
    },
  )
})
