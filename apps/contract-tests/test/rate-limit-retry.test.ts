// A paced request that still meets 429 waits for X-RateLimit-Reset once; an impossible reset is reported at once and
// never waited on. Time is a virtual clock shared with the mocks, so nothing here depends on the machine's speed.
import type { Responder } from '@kaiten-audit/mocks/server'
import { describe, expect, it } from 'vitest'
import { judgeReset } from '../src/http/rate-limit-reset.js'
import { startMockTarget } from '../src/mock-target.js'
import { runContract } from '../src/runner.js'
import { VirtualClock } from './support/virtual-clock.js'

describe('judgeReset', () => {
  const dateOf = (ms: number) => new Date(ms).toUTCString()
  const now = Date.UTC(2026, 3, 1, 12, 0, 0, 300)
  const second = Date.UTC(2026, 3, 1, 12, 0, 0) / 1000

  it('accepts the epoch second that ends the current window, judged by the response`s own Date', () => {
    expect(
      judgeReset({ reset: String(second + 1), date: dateOf(now), nowMs: now, windowSeconds: 1 }),
    ).toEqual({
      ok: true,
      resetMs: (second + 1) * 1000,
    })
    // The server's clock, not ours: a skewed local clock changes nothing.
    expect(
      judgeReset({ reset: String(second + 1), date: dateOf(now), nowMs: now + 3_600_000, windowSeconds: 1 })
        .ok,
    ).toBe(true)
  })

  it.each([
    ['milliseconds', String((second + 1) * 1000), /epoch milliseconds/],
    ['a countdown', '1', /seconds until the reset/],
    ['the past', String(second - 5), /in the past/],
    ['far in the future', String(second + 30), /30 s after the response's Date/],
    ['not a number', 'soon', /not an integer/],
  ])('calls a reset in %s impossible, saying why', (_name, reset, why) => {
    const judged = judgeReset({ reset, date: dateOf(now), nowMs: now, windowSeconds: 1 })
    expect(judged.ok).toBe(false)
    expect(judged.ok ? '' : judged.reason).toMatch(why)
  })

  it('without a Date header, judges by the local clock with room for skew', () => {
    expect(judgeReset({ reset: String(second + 1), nowMs: now, windowSeconds: 1 }).ok).toBe(true)
    expect(judgeReset({ reset: String(second + 600), nowMs: now, windowSeconds: 1 }).ok).toBe(false)
  })
})

/** Refuses the third request once with 429 and the headers `headers` computes from the clock. */
function busyOnce(clock: VirtualClock, headers: (nowMs: number) => Record<string, string>) {
  const state = { calls: 0 }
  const wrap =
    (faithful: Responder): Responder =>
    async (request) => {
      state.calls++
      if (state.calls !== 3) return faithful(request)
      return new Response(null, { status: 429, headers: headers(clock.now()) })
    }
  return { state, wrap }
}

const WALK = 'kaiten-ru.pagination.no-gaps-no-overlaps'

describe('a paced request that meets 429', () => {
  it('waits until X-RateLimit-Reset on the run`s clock, is sent again with a note, and the check passes', async () => {
    const clock = new VirtualClock()
    const { state, wrap } = busyOnce(clock, (nowMs) => ({
      date: new Date(nowMs).toUTCString(),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.floor(nowMs / 1000) + 1),
    }))
    const mocks = await startMockTarget({ rateLimit: false, now: clock.now, wrap: { kaitenRu: wrap } })
    try {
      const report = await runContract({
        target: 'mocks',
        kaitenRu: mocks.kaitenRu,
        pacing: false,
        clock,
        only: (id) => id === WALK,
      })
      const walk = report.checks.find((check) => check.id === WALK)
      expect(walk?.outcome, JSON.stringify(walk)).toBe('passed')
      expect(
        walk?.notes.filter((note) =>
          /→ 429: waited 750 ms for X-RateLimit-Reset and sent it again/.test(note),
        ),
      ).toHaveLength(1)
      expect(clock.waits).toEqual([750])
      // The refused request and its repeat both count against the budget.
      expect(walk?.requests).toBe(report.requestsUsed)
      expect(report.requestsUsed).toBe(state.calls)
    } finally {
      await mocks.close()
    }
  })

  it('reports an impossible X-RateLimit-Reset at once, as drift, and never waits on it', async () => {
    const clock = new VirtualClock()
    const { wrap } = busyOnce(clock, (nowMs) => ({
      date: new Date(nowMs).toUTCString(),
      'x-ratelimit-remaining': '0',
      // Milliseconds: read as seconds, a wait of some 55 000 years.
      'x-ratelimit-reset': String((Math.floor(nowMs / 1000) + 1) * 1000),
    }))
    const mocks = await startMockTarget({ rateLimit: false, now: clock.now, wrap: { kaitenRu: wrap } })
    try {
      const report = await runContract({
        target: 'mocks',
        kaitenRu: mocks.kaitenRu,
        pacing: false,
        clock,
        only: (id) => id === WALK,
      })
      const walk = report.checks.find((check) => check.id === WALK)
      expect(walk?.outcome).toBe('failed')
      expect(walk?.findings[0]?.message).toMatch(
        /^X-RateLimit-Reset cannot be when the window ends: .*epoch milliseconds; not waited on$/,
      )
      expect(clock.waits).toEqual([])
    } finally {
      await mocks.close()
    }
  })
})
