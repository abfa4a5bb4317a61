// What a check sees while it runs: its target, a recording HTTP layer, and ways to report what it found.
import { RequestBudgetExhaustedError } from '../http/budget.js'
import { type Clock, systemClock } from '../http/clock.js'
import { describeExchange, type Exchange } from '../http/exchange.js'
import { judgeReset, RATE_LIMIT_RESET } from '../http/rate-limit-reset.js'
import type { Recorder, RequestSpec } from '../http/recorder.js'
import type { CheckGroup, Finding } from '../model.js'
import type { RuleId } from '../rules/index.js'
import { OperationSpec } from '../spec/operation.js'
import type { Target } from './targets.js'

export interface CheckOptions {
  /** Whether the rate-limit checks may burst past kaiten.ru's limit (off when the server under test does not limit). */
  rateLimitChecks: boolean
  /** Draws the cases a run rotates through (the negative cases of a paced API); printed, so a run replays. */
  seed: number
  /** Send every negative case, also where requests are paced. */
  allNegativeCases: boolean
}

/**
 * One check, declared once: `--list`, the README's check and rule tables, the JUnit names and the teeth tests all
 * read this declaration.
 */
export interface CheckDefinition<T extends Target = Target> {
  /** Stable id, `<api>.<group>.<name>`, e.g. `kaiten-ru.pagination.limit-clamp`; tests and `--only` refer to it. */
  id: string
  api: T['api']
  group: CheckGroup
  /** The expectation, in words. */
  title: string
  /** The documented rules (`src/rules/`) a server breaks when this check fails. */
  rules: readonly RuleId[]
  /**
   * Sends nothing and judges every response the run recorded; runs after the checks that send, and always runs, also
   * when `--only` selects other checks.
   */
  passive?: boolean
  run(context: CheckContext<T>): Promise<void>
}

/** Ends a check as skipped: it does not apply to this target (no forbidden token, too little data). */
export class CheckSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'CheckSkipped'
  }
}

/** Ends a check because what it found makes the rest of it meaningless. */
export class CheckStopped extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message)
    this.name = 'CheckStopped'
  }
}

/** Shared, per-API state: lets several checks reuse one sample page instead of each fetching it. */
export class SharedState {
  readonly #values = new Map<string, Promise<unknown>>()

  memo<V>(key: string, compute: () => Promise<V>): Promise<V> {
    let value = this.#values.get(key) as Promise<V> | undefined
    if (!value) {
      value = compute()
      this.#values.set(key, value)
    }
    return value
  }
}

export class CheckContext<T extends Target = Target> {
  readonly findings: Finding[] = []
  readonly notes: string[] = []
  requests = 0

  constructor(
    readonly checkId: string,
    readonly target: T,
    readonly options: CheckOptions,
    readonly shared: SharedState,
    private readonly recorder: Recorder,
    readonly clock: Clock = systemClock,
    /** The spec facts of this check's API, from the run's model. */
    readonly spec: OperationSpec = OperationSpec.of(target.api),
  ) {}

  /**
   * Sends one request to this check's API; every response is recorded and validated against the spec.
   * A paced request that still meets 429 (another client shares the token's window) waits for the reset and is
   * sent once more, with a note, so a busy live API does not fail an unrelated check. A reset that cannot be the end
   * of the current window is reported at once and never waited on.
   */
  async send(spec: RequestSpec): Promise<Exchange> {
    const first = await this.#sendOnce(spec)
    const limit = this.spec.rateLimit
    if (first.status !== 429 || spec.paced === false || !limit) return first
    const reset = first.headers[RATE_LIMIT_RESET]
    const nowMs = this.clock.now()
    const judged = judgeReset({
      reset,
      date: first.headers.date,
      nowMs,
      windowSeconds: limit.windowMs / 1000,
    })
    if (!judged.ok) {
      this.fail(`X-RateLimit-Reset cannot be when the window ends: ${judged.reason}; not waited on`, {
        request: describeExchange(first),
        path: `$.headers["${RATE_LIMIT_RESET}"]`,
        expected: judged.expected,
        actual: reset ?? 'absent',
      })
      return first
    }
    // Our clock may disagree with the server's; never wait longer than its own Date says the window has left.
    const serverDate = Date.parse(first.headers.date ?? '')
    const horizon = Number.isFinite(serverDate) ? judged.resetMs - serverDate : limit.windowMs
    const waitMs = Math.min(Math.max(judged.resetMs - nowMs, 0), Math.max(horizon, 0))
    this.note(`${describeExchange(first)}: waited ${waitMs} ms for X-RateLimit-Reset and sent it again`)
    await this.clock.sleep(waitMs)
    return this.#sendOnce(spec)
  }

  async #sendOnce(spec: RequestSpec): Promise<Exchange> {
    let exchange: Exchange
    try {
      exchange = await this.recorder.send(this.target, this.checkId, {
        accept: this.spec.mediaTypes().join(', '),
        ...spec,
      })
    } catch (error) {
      // A request the budget refused was never sent; one that timed out or lost its connection was.
      if (!(error instanceof RequestBudgetExhaustedError)) this.requests++
      throw error
    }
    this.requests++
    return exchange
  }

  /** Every exchange with this check's API so far, from every check. */
  exchanges(): Exchange[] {
    return this.recorder.exchanges.filter((exchange) => exchange.api === this.target.api)
  }

  fail(message: string, detail: Omit<Finding, 'message'> = {}): void {
    this.findings.push({ message, ...detail })
  }

  note(text: string): void {
    this.notes.push(text)
  }

  skip(reason: string): never {
    throw new CheckSkipped(reason)
  }

  stop(message: string, detail: Omit<Finding, 'message'> = {}): never {
    throw new CheckStopped({ message, ...detail })
  }
}
