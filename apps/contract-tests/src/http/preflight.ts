// The first answers of an API decide whether its checks can say anything at all. An API that cannot be reached,
// does not answer, or rejects the configured token is stopped after the request that shows it, with one line that
// says why, instead of every check failing the same way.
import { type ApiName, apiLabels } from '../model.js'
import { describeExchange, type Exchange, jsonBody, show } from './exchange.js'

/** The API cannot be verified; the message is the one line the report shows. */
export class UnusableApiError extends Error {
  constructor(
    readonly api: ApiName,
    message: string,
  ) {
    super(message)
    this.name = 'UnusableApiError'
  }
}

/** Why one request got no answer. */
export type NoAnswer =
  | { kind: 'timeout'; request: string; timeoutMs: number }
  | { kind: 'network'; cause: string }

interface ApiState {
  answered: boolean
  tokenJudged: boolean
  failuresInRow: number
  unusable?: UnusableApiError
}

export class PreflightGuard {
  readonly #states = new Map<ApiName, ApiState>()

  #state(api: ApiName): ApiState {
    let state = this.#states.get(api)
    if (!state) {
      state = { answered: false, tokenJudged: false, failuresInRow: 0 }
      this.#states.set(api, state)
    }
    return state
  }

  unusable(api: ApiName): UnusableApiError | undefined {
    return this.#states.get(api)?.unusable
  }

  /**
   * A request got no answer. Before the API has ever answered, that is the whole story; once it has, one failure is
   * the check's own, and a second in a row means the server has gone.
   */
  noAnswer(api: ApiName, baseUrl: string, failure: NoAnswer): UnusableApiError | undefined {
    const state = this.#state(api)
    state.failuresInRow++
    if (state.unusable) return state.unusable
    if (state.answered && state.failuresInRow < 2) return undefined
    const label = apiLabels[api]
    const message = !state.answered
      ? failure.kind === 'timeout'
        ? `${label} did not answer ${failure.request} within ${failure.timeoutMs} ms (--timeout)`
        : `${label} cannot be reached at ${baseUrl}: ${failure.cause}`
      : `${label} stopped answering at ${baseUrl}: ${failure.kind === 'timeout' ? `no answer to ${failure.request} within ${failure.timeoutMs} ms (--timeout)` : failure.cause}`
    state.unusable = new UnusableApiError(api, message)
    return state.unusable
  }

  /** An answer arrived. The first one to a request with the configured token says whether the token works. */
  answered(exchange: Exchange): UnusableApiError | undefined {
    const state = this.#state(exchange.api)
    state.answered = true
    state.failuresInRow = 0
    // A 429 comes before the token is looked at: it says nothing about it.
    if (exchange.auth !== 'valid' || state.tokenJudged || exchange.status === 429) return undefined
    state.tokenJudged = true
    const label = apiLabels[exchange.api]
    if (exchange.status === 401) {
      state.unusable = new UnusableApiError(
        exchange.api,
        `${label} rejected the configured token: ${describeAnswer(exchange)}`,
      )
    } else if (exchange.status === 403) {
      state.unusable = new UnusableApiError(
        exchange.api,
        `${label} denied the configured token access to the audit log: ${describeAnswer(exchange)}`,
      )
    }
    return state.unusable
  }
}

/** The request and, when there is one, the server's own reason: it usually says why ("token expired"). */
function describeAnswer(exchange: Exchange): string {
  const request = describeExchange(exchange)
  // The recorder redacted the body before anything can quote it.
  const problem = jsonBody(exchange) as { detail?: unknown; title?: unknown } | undefined
  const reason =
    typeof problem?.detail === 'string'
      ? problem.detail
      : typeof problem?.title === 'string'
        ? problem.title
        : undefined
  const text = reason ?? (problem === undefined ? exchange.body.trim() : '')
  return text === '' ? request : `${request}: ${show(text)}`
}
