// Progress on stderr while a run is going: a live line on a terminal, lines with a heartbeat when asked for in a
// log, and nothing after it ends. Fake timers: no verdict depends on how fast the machine is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RunProgress } from '../src/progress.js'

const CLEAR = '\r\u001b[2K'

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})
afterEach(() => {
  vi.useRealTimers()
})

function recorder() {
  const written: string[] = []
  return { written, write: (text: string) => written.push(text) }
}

describe('RunProgress on a terminal', () => {
  it('redraws one line with the running checks, requests used of the budget and the time so far', () => {
    const out = recorder()
    const progress = new RunProgress({
      mode: 'live',
      write: out.write,
      now: Date.now,
      columns: 200,
      maxRequests: 300,
    })
    progress.checkStarted({ id: 'kaiten-sh.pagination.order', api: 'kaiten-sh' })
    expect(out.written.at(-1)).toBe(`${CLEAR}0 s · 0 of 300 requests · kaiten-sh.pagination.order`)
    progress.requestSent(1)
    progress.checkStarted({ id: 'kaiten-ru.filters.id', api: 'kaiten-ru' })
    expect(out.written.at(-1)).toBe(
      `${CLEAR}0 s · 1 of 300 requests · kaiten-sh.pagination.order, kaiten-ru.filters.id`,
    )
    // A server that hangs: nothing happens, yet the clock on the line moves.
    vi.advanceTimersByTime(12_000)
    expect(out.written.at(-1)).toBe(
      `${CLEAR}12 s · 1 of 300 requests · kaiten-sh.pagination.order, kaiten-ru.filters.id`,
    )
    progress.checkFinished({ id: 'kaiten-sh.pagination.order', api: 'kaiten-sh' })
    expect(out.written.at(-1)).toBe(`${CLEAR}12 s · 1 of 300 requests · kaiten-ru.filters.id`)
  })

  it('fits the line to the terminal width', () => {
    const out = recorder()
    const progress = new RunProgress({
      mode: 'live',
      write: out.write,
      now: Date.now,
      columns: 30,
      maxRequests: 300,
    })
    progress.checkStarted({ id: 'kaiten-ru.pagination.no-gaps-no-overlaps', api: 'kaiten-ru' })
    const line = out.written.at(-1)?.slice(CLEAR.length) ?? ''
    expect(line.length).toBeLessThan(30)
    expect(line.endsWith('…')).toBe(true)
  })

  it('clears its line when the run ends and writes nothing after', () => {
    const out = recorder()
    const progress = new RunProgress({
      mode: 'live',
      write: out.write,
      now: Date.now,
      columns: 200,
      maxRequests: 300,
    })
    progress.checkStarted({ id: 'kaiten-sh.pagination.order', api: 'kaiten-sh' })
    progress.stop()
    expect(out.written.at(-1)).toBe(CLEAR)
    const count = out.written.length
    vi.advanceTimersByTime(60_000)
    progress.requestSent(2)
    expect(out.written).toHaveLength(count)
  })
})

describe('RunProgress in a log (--progress without a terminal)', () => {
  it('writes a line as each check starts, and a heartbeat while nothing does', () => {
    const out = recorder()
    const progress = new RunProgress({ mode: 'lines', write: out.write, now: Date.now, maxRequests: 300 })
    progress.checkStarted({ id: 'kaiten-ru.pagination.order', api: 'kaiten-ru' })
    progress.requestSent(1)
    expect(out.written).toEqual(['progress: 0 s · 0 of 300 requests · kaiten-ru.pagination.order\n'])
    vi.advanceTimersByTime(9_999)
    expect(out.written).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(out.written.at(-1)).toBe(
      'progress: 10 s · 1 of 300 requests · still running kaiten-ru.pagination.order\n',
    )
    progress.stop()
    vi.advanceTimersByTime(60_000)
    expect(out.written).toHaveLength(2)
  })
})
