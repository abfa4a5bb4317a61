// What a person watching sees: a line redrawn on a terminal while the export runs, and one summary line either way.

export interface Counters {
  events: number
  /** Requests sent, every attempt counted. */
  requests: number
  /** Attempts that failed and were retried (or gave up): retryable statuses and connection errors. */
  retries: number
  /** 429 responses among them. */
  rateLimited: number
}

const REDRAW_MS = 200
const number = new Intl.NumberFormat('en-US')

export class Progress {
  readonly #write: (text: string) => void
  readonly #tty: boolean
  readonly #now: () => number
  readonly #started: number
  #lastDraw = Number.NEGATIVE_INFINITY
  #drawn = false
  #windowFrom: string | undefined
  #windowTo: string | undefined

  constructor(write: (text: string) => void, tty: boolean, now: () => number = Date.now) {
    this.#write = write
    this.#tty = tty
    this.#now = now
    this.#started = now()
  }

  /** The time window covered so far: from the first instant exported in this run to the latest checkpoint. */
  covered(instant: string | null, firstInstant: string | undefined): void {
    if (firstInstant !== undefined) this.#windowFrom ??= firstInstant
    if (instant !== null) this.#windowTo = instant
  }

  update(counters: Counters): void {
    if (!this.#tty) return
    const now = this.#now()
    if (now - this.#lastDraw < REDRAW_MS) return
    this.#lastDraw = now
    this.#drawn = true
    this.#write(`\r\x1b[K${this.#line(counters)}`)
  }

  /** The summary line, replacing the progress line on a terminal. */
  finish(counters: Counters, outcome: string): void {
    if (this.#drawn) this.#write('\r\x1b[K')
    this.#write(`kaiten-export: ${outcome}; ${this.#line(counters)}\n`)
  }

  #line(counters: Counters): string {
    const seconds = Math.max(0.001, (this.#now() - this.#started) / 1000)
    const rate = Math.round(counters.events / seconds)
    const window =
      this.#windowTo === undefined ? 'no events' : `${this.#windowFrom ?? this.#windowTo} → ${this.#windowTo}`
    return [
      `${number.format(counters.events)} events`,
      `${number.format(counters.requests)} requests`,
      `${number.format(rate)} events/s`,
      `${number.format(counters.retries)} retries`,
      `${number.format(counters.rateLimited)} × 429`,
      `${seconds.toFixed(1)} s`,
      window,
    ].join(' · ')
  }
}
