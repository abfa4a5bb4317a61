// Live APIs are shared and read-only: a run sends at most a fixed number of requests, across both APIs.

export const DEFAULT_MAX_REQUESTS = 300

export class RequestBudgetExhaustedError extends Error {
  constructor(readonly max: number) {
    super(
      `request budget exhausted: this run may send at most ${max} requests (raise it with --max-requests)`,
    )
    this.name = 'RequestBudgetExhaustedError'
  }
}

export class RequestBudget {
  #used = 0

  constructor(readonly max: number) {
    if (!Number.isSafeInteger(max) || max < 1) {
      throw new RangeError(`max requests: ${String(max)} is not allowed; allowed: an integer ≥ 1`)
    }
  }

  get used(): number {
    return this.#used
  }

  get remaining(): number {
    return this.max - this.#used
  }

  /** Reserves one request, or throws when the budget is spent. */
  take(): void {
    if (this.#used >= this.max) throw new RequestBudgetExhaustedError(this.max)
    this.#used++
  }
}
