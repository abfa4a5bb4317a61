// What a run is doing while it waits: the running checks, requests used of the budget, and the time so far, on
// stderr. A server that hangs must not look like a CLI that hangs.
import type { ApiName } from './model.js'

/** `live`: one line redrawn in place (a terminal). `lines`: a line per check and a heartbeat (a log). */
export type ProgressMode = 'live' | 'lines'

export interface ProgressOptions {
  mode: ProgressMode
  write: (text: string) => void
  /** Milliseconds; injected so tests can drive the clock. */
  now: () => number
  /** The run's request budget. */
  maxRequests: number
  /** Width of the terminal; the live line is cut to fit so it never wraps (a wrapped line cannot be redrawn). */
  columns?: number
}

const CLEAR_LINE = '\r\u001b[2K'
/** The live line's clock moves once a second. */
const TICK_MS = 1_000
/** In a log, a line after this long without one, so a stuck request shows as stuck, not as a dead CI job. */
const HEARTBEAT_MS = 10_000

interface RunningCheck {
  id: string
  api: ApiName
}

export class RunProgress {
  readonly #options: ProgressOptions
  readonly #started: number
  readonly #running = new Map<ApiName, string>()
  readonly #timer: ReturnType<typeof setInterval>
  #used = 0
  #lastLineAt: number
  #stopped = false

  constructor(options: ProgressOptions) {
    this.#options = options
    this.#started = options.now()
    this.#lastLineAt = this.#started
    this.#timer = setInterval(() => this.#tick(), options.mode === 'live' ? TICK_MS : HEARTBEAT_MS)
    // Progress must never be what keeps the process alive.
    this.#timer.unref?.()
  }

  checkStarted(check: RunningCheck): void {
    this.#running.set(check.api, check.id)
    if (this.#options.mode === 'live') this.#draw()
    else this.#line(this.#running.size > 0 ? [...this.#running.values()].join(', ') : '')
  }

  checkFinished(check: RunningCheck): void {
    if (this.#running.get(check.api) === check.id) this.#running.delete(check.api)
    if (this.#options.mode === 'live') this.#draw()
  }

  requestSent(used: number): void {
    this.#used = used
    if (this.#options.mode === 'live') this.#draw()
  }

  /** Ends the progress; on a terminal, clears the line so the report starts on a clean one. */
  stop(): void {
    if (this.#stopped) return
    this.#stopped = true
    clearInterval(this.#timer)
    if (this.#options.mode === 'live') this.#options.write(CLEAR_LINE)
  }

  #tick(): void {
    if (this.#options.mode === 'live') this.#draw()
    else if (this.#options.now() - this.#lastLineAt >= HEARTBEAT_MS) {
      this.#line(`still running ${[...this.#running.values()].join(', ')}`)
    }
  }

  #status(): string {
    const seconds = Math.floor((this.#options.now() - this.#started) / 1000)
    return `${seconds} s · ${this.#used} of ${this.#options.maxRequests} requests`
  }

  #draw(): void {
    if (this.#stopped) return
    const checks = [...this.#running.values()].join(', ')
    const text = checks ? `${this.#status()} · ${checks}` : this.#status()
    const width = (this.#options.columns ?? 80) - 1
    this.#options.write(`${CLEAR_LINE}${text.length > width ? `${text.slice(0, width - 1)}…` : text}`)
  }

  #line(what: string): void {
    if (this.#stopped) return
    this.#lastLineAt = this.#options.now()
    this.#options.write(`progress: ${this.#status()}${what ? ` · ${what}` : ''}\n`)
  }
}
