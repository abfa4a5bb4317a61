// The one path every request of a client takes, helpers and `raw` alike: openapi-fetch builds the request and calls
// this transport as its `fetch`; the transport adds the credential, waits for the pacer, runs each attempt under its
// timeout (covering the body), retries, and hands back the response with its body already read. Nothing calls back
// into openapi-fetch, and no body is read or parsed twice.
import { resolveToken, type TokenSource } from './auth.js'
import type { Clock } from './clock.js'
import {
  ApiError,
  ConnectionError,
  KaitenError,
  RequestAbortedError,
  type RequestDescription,
  redactError,
  TimeoutError,
} from './errors.js'
import type { RequestPacer } from './pacing.js'
import { ReadResponse, type RequestHead } from './read-response.js'
import { type Redact, type Redactor, safeUrl } from './redact.js'
import { isRetryableStatus, type RetryPolicy, retryDelayMs } from './retry.js'
import { sleep } from './sleep.js'

/** The `fetch` a client sends through; inject one to record, replay or proxy requests. Default `globalThis.fetch`. */
export type FetchFunction = (request: Request) => Promise<Response>

/**
 * The request openapi-fetch builds for the helpers (its `Request` option): the URL, method and headers it
 * computed. A platform `Request` is costly to build and undici copies it again inside `fetch`; the transport makes
 * the one the network needs, with the attempt's signal, when it sends.
 */
export class RequestLine implements RequestHead {
  readonly url: string
  readonly method: string
  readonly headers: Headers
  constructor(url: string | URL, init: RequestInit = {}) {
    this.url = String(url)
    this.method = init.method ?? 'GET'
    // openapi-fetch hands over the Headers it merged for this call alone; copying them again would only cost time.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers)
  }
}

/** Options any single call may override. */
export interface CallOptions {
  /** Aborts the call (and an iteration: it ends with `RequestAbortedError`). */
  signal?: AbortSignal
  /** Per attempt, in milliseconds. */
  timeoutMs?: number
  /** Retries after the first attempt. */
  maxRetries?: number
}

export interface TransportConfig {
  /** The injected fetch; undefined for the platform's. */
  fetch: FetchFunction | undefined
  token: TokenSource
  retry: RetryPolicy
  timeoutMs: number
  pacer: RequestPacer | undefined
  /** kaiten.ru reports when a rate-limit window reopens; kaiten.sh does not. */
  useRateLimitReset: boolean
  random: () => number
  /** Every wait and timeout of the transport runs on it. */
  clock: Clock
  /** Every token this client has used, so an error that echoes one (even a rotated one) is redacted. */
  redactor: Redactor
}

/** Which statuses the operation's model documents. */
export interface DocumentedStatuses {
  documentsStatus(status: number): boolean
}

/** openapi-fetch's `fetch` option as the transport fills it: every response comes back with its body read. */
export type TransportFetch = (request: Request | RequestLine) => Promise<ReadResponse>

export interface Transport {
  /**
   * For `raw`: the client's options, and a non-success status returned as a response, the way openapi-fetch
   * reports it (`{ error, response }`). Connection failures, timeouts and aborts throw their typed errors.
   */
  readonly fetch: TransportFetch
  /**
   * For a helper call: its own options, and a non-success status thrown as its typed `ApiError`, which says whether
   * the operation's model documents that status.
   */
  forCall(call: CallOptions, statuses: DocumentedStatuses): TransportFetch
  /** Removes every token this client has used; what the transport's own errors pass through. */
  readonly redact: Redact
  /** The pacing shared by every call of this client; undefined when it has none. */
  readonly pacer: RequestPacer | undefined
}

export function createTransport(config: TransportConfig): Transport {
  const send = sender(config.fetch)
  const fetchWith =
    (call: CallOptions, throwOnHttpError: DocumentedStatuses | undefined): TransportFetch =>
    async (request) => {
      try {
        return await sendWithRetries(config, send, request, call, throwOnHttpError)
      } catch (error) {
        throw redactError(error, config.redactor.redact)
      }
    }
  return {
    fetch: fetchWith({}, undefined),
    forCall: (call, statuses) => fetchWith(call, statuses),
    redact: config.redactor.redact,
    pacer: config.pacer,
  }
}

/** Sends one attempt's request with its credential, under its signal. */
type Send = (request: Request | RequestLine, authorization: string, signal: AbortSignal) => Promise<Response>

/**
 * The platform's fetch takes the signal as an init option, so the signal is attached as the request is sent: a
 * request that follows a signal costs undici measurably (about 4 % of a local round trip in the benchmark). An
 * injected fetch receives one `Request` that carries the signal.
 */
function sender(injected: FetchFunction | undefined): Send {
  return (request, authorization, signal) => {
    let headers = request.headers
    if (request instanceof Request) {
      // A caller's Request (through `raw`, or a middleware's) is left as it was: a retry sends it again.
      headers = new Headers(headers)
      headers.set('Authorization', authorization)
      return injected
        ? injected(new Request(request, { headers, signal }))
        : globalThis.fetch(request, { headers, signal })
    }
    headers.set('Authorization', authorization)
    const init = { method: request.method, headers, signal }
    return injected ? injected(new Request(request.url, init)) : globalThis.fetch(request.url, init)
  }
}

/**
 * Runs attempts until one succeeds or may not be retried: bearer auth, pacing, a timeout per attempt (covering the
 * body), the caller's abort signal and retries. Every failure leaves as a `KaitenError` subclass.
 */
async function sendWithRetries(
  config: TransportConfig,
  send: Send,
  request: Request | RequestLine,
  call: CallOptions,
  /** Set for a helper call, whose non-success status is thrown. */
  throwOnHttpError: DocumentedStatuses | undefined,
): Promise<ReadResponse> {
  const maxRetries = call.maxRetries ?? config.retry.maxRetries
  const timeoutMs = call.timeoutMs ?? config.timeoutMs
  // A `raw` call's signal travels on its Request; a helper's in its call options.
  const requestSignal = request instanceof Request ? request.signal : undefined
  const callerSignal =
    call.signal && requestSignal
      ? AbortSignal.any([call.signal, requestSignal])
      : (call.signal ?? requestSignal)
  // Named in errors only, so built only for one.
  let description: RequestDescription | undefined
  const describe = (): RequestDescription => {
    description ??= { method: request.method, url: safeUrl(request.url) }
    return description
  }

  for (let retry = 0; ; retry++) {
    if (callerSignal?.aborted) throw RequestAbortedError.fromSignal(callerSignal, describe())
    // A token that cannot be a header value is refused here, before sending, and is not retried. A string token was
    // checked, and given to the redactor, when the client was made.
    const token =
      typeof config.token === 'string' ? config.token : await resolveToken(config.token, config.redactor)
    // Reserved after the token, so a token source that fails spends no slot; released once the attempt has ended.
    const slot = await config.pacer?.reserve(callerSignal)
    const attempt = new Attempt(callerSignal, timeoutMs, config.clock)
    let response: ReadResponse
    try {
      response = await attempt.run(async (signal) => {
        const received = await send(request, `Bearer ${token}`, signal)
        // A network error in response form (`Response.error()`) is a failed connection, not a status.
        if (received.type === 'error') throw new TypeError('the fetch returned a network error')
        // The server has counted the request once its headers are in, so its pacing slot starts its last window.
        slot?.release(received.headers)
        return new ReadResponse(await received.text(), received, request, config.redactor.redact)
      })
    } catch (error) {
      slot?.release()
      if (callerSignal?.aborted) throw RequestAbortedError.fromSignal(callerSignal, describe())
      const failure = attempt.timedOut
        ? new TimeoutError(timeoutMs, describe())
        : error instanceof KaitenError
          ? error
          : new ConnectionError(`${describe().method} ${describe().url} failed: ${describeCause(error)}`, {
              request: describe(),
              cause: error,
            })
      if (!(failure instanceof ConnectionError) || retry >= maxRetries) throw failure
      await sleep(
        delayFor(config, retry, undefined, undefined) ?? config.retry.initialDelayMs,
        callerSignal,
        config.clock,
      )
      continue
    }

    if (isRetryableStatus(response.status) && retry < maxRetries) {
      const delay = delayFor(config, retry, response.headers, response.status)
      if (delay !== null) {
        await sleep(delay, callerSignal, config.clock)
        continue
      }
    }
    if (throwOnHttpError !== undefined && !response.ok) {
      throw ApiError.from({
        documented: throwOnHttpError.documentsStatus(response.status),
        request: describe(),
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        bodyText: response.bodyText,
        redact: config.redactor.redact,
      })
    }
    return response
  }
}

function delayFor(
  config: TransportConfig,
  retry: number,
  headers: Headers | undefined,
  status: number | undefined,
): number | null {
  return retryDelayMs({
    retry,
    policy: config.retry,
    headers,
    status,
    useRateLimitReset: config.useRateLimitReset,
    rateLimitWindowMs: config.pacer?.windowMs,
    now: config.clock.now(),
    random: config.random,
  })
}

/**
 * One attempt: its work runs under a signal that aborts on the caller's abort or the timeout, whichever comes first,
 * and the attempt ends at that moment even if the work does not: an injected fetch (or a mock) may not tie the body
 * stream to the signal, and a stalled body must still end at the timeout. The timer and the caller's abort end it
 * directly rather than through a listener on the attempt's signal: an abort listener costs a request more than
 * everything else the transport does.
 */
class Attempt {
  readonly #controller = new AbortController()
  readonly #callerSignal: AbortSignal | undefined
  readonly #timeoutMs: number
  readonly #clock: Clock
  #timedOut = false

  constructor(callerSignal: AbortSignal | undefined, timeoutMs: number, clock: Clock) {
    this.#callerSignal = callerSignal
    this.#timeoutMs = timeoutMs
    this.#clock = clock
  }

  get timedOut(): boolean {
    return this.#timedOut
  }

  /** Settles like `work`, or rejects as soon as the caller aborts or the timeout fires; clears its timer either way. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = this.#controller
    const callerSignal = this.#callerSignal
    if (callerSignal?.aborted) return Promise.reject(callerSignal.reason)
    return new Promise<T>((resolve, reject) => {
      // Whichever ends the attempt first clears the other: no timer or listener outlives it.
      let cancelTimer: (() => void) | undefined
      const done = (): void => {
        cancelTimer?.()
        callerSignal?.removeEventListener('abort', onAbort)
      }
      const end = (reason: unknown): void => {
        done()
        controller.abort(reason)
        reject(reason)
      }
      const onAbort = (): void => end(callerSignal?.reason)
      callerSignal?.addEventListener('abort', onAbort, { once: true })
      const timeoutMs = this.#timeoutMs
      if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
        cancelTimer = this.#clock.setTimer(timeoutMs, () => {
          this.#timedOut = true
          end(new DOMException('The attempt timed out', 'TimeoutError'))
        })
      }
      let started: Promise<T>
      try {
        started = work(controller.signal)
      } catch (error) {
        started = Promise.reject(error)
      }
      started.then(
        (value) => {
          done()
          resolve(value)
        },
        (error: unknown) => {
          done()
          reject(error)
        },
      )
    })
  }
}

/** fetch errors wrap the system error (`ECONNREFUSED`, …) in `cause`; name both without any request data. */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : ''
  return detail ? `${error.message} (${detail})` : error.message
}
