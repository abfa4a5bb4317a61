// Raw fetch through one place: counts every request against the budget, paces, records and validates the reply.
import { validateResponse } from '@kaiten-audit/types/validation'
import type { ApiName } from '../model.js'
import { createRedactor, type Redact, redactDeep } from '../redact.js'
import type { RequestBudget } from './budget.js'
import { type Clock, systemClock } from './clock.js'
import type { AuthMode, Exchange } from './exchange.js'
import { describeFailure, isTimeout } from './failure.js'
import type { Pacer } from './pacer.js'
import { type NoAnswer, PreflightGuard, type UnusableApiError } from './preflight.js'

/** Where one API lives and which tokens the run may use on it. */
export interface HttpTarget {
  api: ApiName
  /** Base URL the spec's paths are appended to, e.g. `https://example.kaiten.ru/api/latest`. */
  baseUrl: string
  validToken: string
  /** A valid token without access; the 403 checks are skipped without it. */
  forbiddenToken?: string
  /** A well-formed token the service cannot know. */
  invalidToken: string
}

export interface RequestSpec {
  /** Concrete path relative to the base URL, e.g. `/instances/acme/audit-trails`. */
  path: string
  /** The spec's path template, e.g. `/instances/{instanceSlug}/audit-trails`. */
  specPath: string
  query?: URLSearchParams
  auth?: AuthMode
  /** `false` sends without waiting for the pacer (the rate-limit check bursts on purpose). */
  paced?: boolean
  /** The word before the token, `Bearer` unless a check probes how the server reads the scheme. */
  authScheme?: string
  /** Another base URL of the same API (kaiten.ru's `/api/v1` beside `/api/latest`); the target's by default. */
  baseUrl?: string
  /** The `Accept` header: the media types the spec documents for the operation. Default `application/json`. */
  accept?: string
}

/** One request got no answer; the message names the request and the cause (`connect ECONNREFUSED …`). */
export class RequestFailedError extends Error {
  constructor(target: string, failure: NoAnswer, cause: unknown, redact: Redact) {
    // fetch quotes a header value it refuses, and a token can be one.
    super(
      failure.kind === 'timeout'
        ? `${failure.request} got no answer within ${failure.timeoutMs} ms (--timeout)`
        : redact(`GET ${target} failed: ${failure.cause}`),
      { cause: redactDeep(cause, redact) },
    )
    this.name = 'RequestFailedError'
  }
}

export interface RecorderOptions {
  budget: RequestBudget
  /** Dates each exchange; default the system clock. */
  clock?: Clock
  /** Per-API pacers; an API without one is not paced. */
  pacers?: Partial<Record<ApiName, Pacer>>
  /** Per-request timeout. */
  timeoutMs?: number
  signal?: AbortSignal
  fetch?: typeof fetch
  /** Called as each request is sent, with the budget spent so far. */
  onRequest?: (used: number, max: number) => void
  /** Called with each recorded exchange. */
  onExchange?: (exchange: Exchange) => void
}

export const DEFAULT_TIMEOUT_MS = 15_000

export class Recorder {
  readonly exchanges: Exchange[] = []
  readonly #options: RecorderOptions
  readonly #guard = new PreflightGuard()
  readonly #redactors = new WeakMap<HttpTarget, Redact>()
  #order = 0

  constructor(options: RecorderOptions) {
    this.#options = options
  }

  /** Why the API cannot be verified at all, once a request has shown it. */
  unusable(api: ApiName): UnusableApiError | undefined {
    return this.#guard.unusable(api)
  }

  /**
   * Sends one GET and records it; a non-2xx status is an answer, not an error. Throws `UnusableApiError` when the
   * answer, or its absence, shows that the API cannot be verified at all (see PreflightGuard).
   */
  async send(target: HttpTarget, checkId: string, spec: RequestSpec): Promise<Exchange> {
    const redact = this.#redactorFor(target)
    const auth = spec.auth ?? 'valid'
    const query = spec.query?.toString() ?? ''
    const relative = `${spec.path}${query ? `?${query}` : ''}`
    const baseUrl = spec.baseUrl ?? target.baseUrl
    const url = `${baseUrl.replace(/\/+$/, '')}${relative}`
    const headers = new Headers({ accept: spec.accept ?? 'application/json' })
    const token = tokenFor(target, auth)
    if (token !== undefined) headers.set('authorization', `${spec.authScheme ?? 'Bearer'} ${token}`)

    this.#options.budget.take()
    this.#options.onRequest?.(this.#options.budget.used, this.#options.budget.max)
    const pacer = this.#options.pacers?.[target.api]
    const slot = pacer && spec.paced !== false ? await pacer.reserve(this.#options.signal) : undefined

    const clock = this.#options.clock ?? systemClock
    const sentAt = clock.now()
    const sentOrder = ++this.#order
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = this.#options.signal ? AbortSignal.any([this.#options.signal, timeout]) : timeout
    const started = performance.now()
    let response: Response
    let body: string
    try {
      response = await (this.#options.fetch ?? fetch)(url, { method: 'GET', headers, signal })
      if (slot) slot.release(response.headers)
      else pacer?.observe(response.headers)
      body = await response.text()
    } catch (cause) {
      slot?.release()
      const failure: NoAnswer = isTimeout(cause)
        ? { kind: 'timeout', request: `GET ${relative}`, timeoutMs }
        : { kind: 'network', cause: redact(describeFailure(cause, url)) }
      // A run aborted by its caller says nothing about the server.
      if (this.#options.signal?.aborted) throw new RequestFailedError(relative, failure, cause, redact)
      throw (
        this.#guard.noAnswer(target.api, target.baseUrl, failure) ??
        new RequestFailedError(relative, failure, cause, redact)
      )
    }

    // A server may echo the token anywhere. It is removed here, before checks quote or cut anything: a token cut in
    // half by an excerpt no longer matches, and its first half would be printed.
    body = redact(body)
    const recordedHeaders: Record<string, string> = {}
    redactDeep(response.headers, redact).forEach((value, name) => {
      recordedHeaders[name.toLowerCase()] = value
    })
    const exchange: Exchange = {
      api: target.api,
      checkId,
      method: 'GET',
      target: relative,
      url,
      specPath: spec.specPath,
      auth,
      ...(spec.authScheme !== undefined ? { authScheme: spec.authScheme } : {}),
      ...(spec.baseUrl !== undefined ? { basePath: new URL(spec.baseUrl).pathname.replace(/\/+$/, '') } : {}),
      requestHeaders: redactDeep(Object.fromEntries(headers.entries()), redact),
      status: response.status,
      headers: recordedHeaders,
      body,
      violations: validateResponse(target.api, {
        method: 'get',
        path: spec.specPath,
        status: response.status,
        headers: recordedHeaders,
        body,
      }),
      durationMs: performance.now() - started,
      sentAt,
      receivedAt: clock.now(),
      sentOrder,
      receivedOrder: ++this.#order,
    }
    this.exchanges.push(exchange)
    this.#options.onExchange?.(exchange)
    const unusable = this.#guard.answered(exchange)
    if (unusable) throw unusable
    return exchange
  }

  /** The run's secrets on this target: its tokens. The invalid token is public, and checks may quote it. */
  #redactorFor(target: HttpTarget): Redact {
    let redact = this.#redactors.get(target)
    if (!redact) {
      redact = createRedactor([target.validToken, target.forbiddenToken])
      this.#redactors.set(target, redact)
    }
    return redact
  }
}

function tokenFor(target: HttpTarget, auth: AuthMode): string | undefined {
  switch (auth) {
    case 'valid':
      return target.validToken
    case 'invalid':
      return target.invalidToken
    case 'forbidden':
      if (target.forbiddenToken === undefined) throw new Error('no forbidden token configured')
      return target.forbiddenToken
    case 'none':
      return undefined
  }
}
