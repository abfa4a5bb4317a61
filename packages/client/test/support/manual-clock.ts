import type { Clock } from '../../src/index.js'

interface Timer {
  due: number
  order: number
  callback: () => void
}

/** Macrotask turns that let promise chains and in-memory fetches run to their next wait. */
const SETTLE_TURNS = 20

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * A clock that only moves when the test moves it. Timers fire in due order, each at its own instant, so a schedule
 * comes out the same on any machine; `runUntil` plays a whole exchange on logical time.
 */
export class ManualClock implements Clock {
  #now: number
  #order = 0
  readonly #timers = new Set<Timer>()
  readonly #onTimer: (() => void)[] = []

  constructor(start = Date.UTC(2026, 3, 1, 12, 0, 0, 250)) {
    this.#now = start
  }

  now(): number {
    return this.#now
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer = { due: this.#now + Math.max(0, ms), order: this.#order++, callback }
    this.#timers.add(timer)
    for (const notify of this.#onTimer.splice(0)) notify()
    return () => {
      this.#timers.delete(timer)
    }
  }

  /** Milliseconds from now to each pending timer, soonest first. */
  pending(): number[] {
    return [...this.#timers].map((timer) => timer.due - this.#now).sort((a, b) => a - b)
  }

  /** Resolves once at least `count` timers are pending: the code under test has reached its wait. */
  async whenPending(count = 1): Promise<void> {
    while (this.#timers.size < count) await new Promise<void>((resolve) => this.#onTimer.push(resolve))
  }

  /** Fires the soonest pending timer, moving time to it; returns how far time moved. */
  async next(): Promise<number> {
    await this.settle()
    const soonest = this.#soonest()
    if (soonest === undefined) throw new Error('next: no timer is pending on the clock')
    const from = this.#now
    this.#fire(soonest)
    await this.settle()
    return this.#now - from
  }

  /** Lets everything that does not wait on this clock run. */
  async settle(): Promise<void> {
    for (let turn = 0; turn < SETTLE_TURNS; turn++) await nextTurn()
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way at its own instant. */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms
    for (;;) {
      await this.settle()
      const next = this.#soonest()
      if (next === undefined || next.due > until) break
      this.#fire(next)
    }
    this.#now = until
    await this.settle()
  }

  /**
   * Plays `work` to its end on logical time: whenever nothing else can run, jumps to the next timer. Fails when the
   * work is stuck with no timer pending, or needs more than `maxSteps` timers (a loop that never ends).
   */
  async runUntil<T>(work: Promise<T>, maxSteps = 100_000): Promise<T> {
    let settled = false
    const watched = work.finally(() => {
      settled = true
    })
    watched.catch(() => {})
    for (let step = 0; ; step++) {
      await this.settle()
      if (settled) return watched
      const next = this.#soonest()
      if (next === undefined)
        throw new Error('runUntil: the work waits, but no timer is pending on the clock')
      if (step >= maxSteps) throw new Error(`runUntil: still running after ${maxSteps} timers`)
      this.#fire(next)
    }
  }

  #soonest(): Timer | undefined {
    let soonest: Timer | undefined
    for (const timer of this.#timers) {
      if (!soonest || timer.due < soonest.due || (timer.due === soonest.due && timer.order < soonest.order))
        soonest = timer
    }
    return soonest
  }

  #fire(timer: Timer): void {
    this.#timers.delete(timer)
    if (timer.due > this.#now) this.#now = timer.due
    timer.callback()
  }
}
