// A clock that only moves when someone waits on it: shared by the mocks' rate limiter and the run's pacer, it makes a
// paced run against the limiter exact, whatever the machine's speed (no request can drift into another window).
import type { Clock } from '../../src/http/clock.js'

export class VirtualClock implements Clock {
  #now: number
  /** Every wait asked for, in milliseconds. */
  readonly waits: number[] = []

  constructor(startMs = Date.UTC(2026, 3, 1, 12, 0, 0, 250)) {
    this.#now = startMs
  }

  readonly now = (): number => this.#now

  readonly sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted()
    this.waits.push(ms)
    this.#now += Math.max(0, ms)
    // Let other tasks run, as a real wait would.
    await new Promise((resolve) => setImmediate(resolve))
  }

  advance(ms: number): void {
    this.#now += ms
  }
}
