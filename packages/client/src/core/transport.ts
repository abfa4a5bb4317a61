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
import type { RateLimiter } from './rate-limit.js'
import { type Redact, type Redactor, safeUrl } from './redact.js'
import { isRetryableStatus, type RetryPolicy, retryDelayMs } from './retry.js'
import { sleep } from './sleep.js'

/** The `fetch` a client sends through; inject one to record, replay or proxy requests. Default `globalThis.fetch`. */
export type FetchFunction = (request: Request) => Promise<Response>

/** What the helpers' requests carry: a GET needs no more. */
export interface RequestLine {
  readonly url: string
  readonly method: string
  readonly headers: Headers
}

/**
 * The request openapi-fetch builds for the helpers (its `Request` option). A platform `Request` is costly to build
 * and undici copies it again inside `fetch`; the helpers only need the URL, method and headers it computed.
 */
export class HelperRequest implements RequestLine {
  readonly url: string
  readonly method: string
  readonly headers: Headers
  constructor(url: string | URL, init: RequestInit = {}) {
    this.url = String(url)
    this.method = init.method ?? 'GET'
    // openapi-fetch hands over the Headers it merged; copying them again would only cost time.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers)
  }
}

/** Sends a request under an attempt's signal. */
export type SignalledFetch = (request: Request | RequestLine, signal: AbortSignal) => Promise<Response>

/**
 * The platform's fetch takes the signal as an init option, so the request is built once without one and the signal
 * is attached when it is sent: every request that follows a signal costs undici measurably (about 4 % of a local
 * round trip in the benchmark). An injected fetch receives one `Request` that carries the signal.
 */
export function signalledFetch(injected: FetchFunction | undefined): SignalledFetch {
  if (injected) {
    return (request, signal) =>
      injected(
        request instanceof Request
          ? new Request(request, { signal })
          : new Request(request.url, { method: request.method, headers: request.headers, signal }),
      )
  }
  return (request, signal) =>
    request instanceof Request
      ? globalThis.fetch(request, { signal })
      : globalThis.fetch(request.url, { method: request.method, headers: request.headers, signal })
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
  fetch: SignalledFetch
  token: TokenSource
  retry: RetryPolicy
  timeoutMs: number
  rateLimiter: RateLimiter | undefined
  /** kaiten.ru reports when a rate-limit window reopens; kaiten.sh does not. */
  useRateLimitReset: boolean
  random: () => number
  /** Every wait and timeout of the transport runs on it. */
  clock: Clock
  /** Every token this client has used, so an error that echoes one (even a rotated one) is redacted. */
  redactor: Redactor
}

export interface Exchange {
  response: Response
  request: RequestDescription
  /** The body, read within the attempt's timeout. */
  bodyText: string
  /** Removes the client's tokens from anything taken from this exchange into an error. */
  redact?: Redact
}

/** What one attempt gets: the signal to send with (caller's abort or the timeout) and the header value to send. */
export interface Attempt {
  signal: AbortSignal
  authorization: string
  /**
   * To be called with the response as soon as its headers are in, before the body is read: the server has counted
   * the request by then, so its rate-limit slot starts its last window. Returns the response.
   */
  responded: (response: Response) => Response
}

export interface AttemptResult {
  response: Response
  bodyText: string
}

/**
 * Runs `perform` until it succeeds or may not be retried: bearer auth, pacing, a timeout per attempt (covering the
 * body), the caller's abort signal and retries. Every failure leaves as a `KaitenError` subclass; none carries a
 * token, whatever the server, the fetch or the token function put into it. `description` names the request in
 * errors (method and URL without credentials).
 */
export async function sendWithRetries(
  config: TransportConfig,
  call: CallOptions,
  description: RequestDescription,
  perform: (attempt: Attempt) => Promise<AttemptResult>,
  mode: { throwOnHttpError: boolean },
  extraSignal?: AbortSignal,
): Promise<Exchange> {
  try {
    return await sendUntilDone(config, call, description, perform, mode, extraSignal)
  } catch (error) {
    throw redactError(error, config.redactor.redact)
  }
}

async function sendUntilDone(
  config: TransportConfig,
  call: CallOptions,
  description: RequestDescription,
  perform: (attempt: Attempt) => Promise<AttemptResult>,
  mode: { throwOnHttpError: boolean },
  extraSignal?: AbortSignal,
): Promise<Exchange> {
  const maxRetries = call.maxRetries ?? config.retry.maxRetries
  const timeoutMs = call.timeoutMs ?? config.timeoutMs
  const callerSignal =
    call.signal && extraSignal ? AbortSignal.any([call.signal, extraSignal]) : (call.signal ?? extraSignal)

  for (let retry = 0; ; retry++) {
    if (callerSignal?.aborted) throw RequestAbortedError.fromSignal(callerSignal, description)
    // A token that cannot be a header value is refused here, before sending, and is not retried.
    const token = await resolveToken(config.token, config.redactor)
    // Reserved after the token, so a token source that fails spends no slot; released once the attempt has ended.
    const slot = await config.rateLimiter?.reserve(callerSignal)
    const attempt = attemptSignal(callerSignal, timeoutMs, config.clock)
    let result: AttemptResult
    try {
      // Raced against the attempt's signal as well: an injected fetch (or a mock) may not tie the body stream to the
      // signal, and a stalled body must still end at the timeout.
      result = await untilAborted(
        perform({
          signal: attempt.signal,
          authorization: `Bearer ${token}`,
          responded: (response) => {
            slot?.release(response.headers)
            return response
          },
        }),
        attempt.signal,
      )
    } catch (error) {
      slot?.release()
      if (callerSignal?.aborted) throw RequestAbortedError.fromSignal(callerSignal, description)
      const failure = attempt.timedOut()
        ? new TimeoutError(timeoutMs, description)
        : error instanceof KaitenError
          ? error
          : new ConnectionError(`${description.method} ${description.url} failed: ${describeCause(error)}`, {
              request: description,
              cause: error,
            })
      if (!(failure instanceof ConnectionError) || retry >= maxRetries) throw failure
      await sleep(
        delayFor(config, retry, undefined, undefined) ?? config.retry.initialDelayMs,
        callerSignal,
        config.clock,
      )
      continue
    } finally {
      attempt.dispose()
    }

    const { response, bodyText } = result
    slot?.release(response.headers)
    if (isRetryableStatus(response.status) && retry < maxRetries) {
      const delay = delayFor(config, retry, response.headers, response.status)
      if (delay !== null) {
        await sleep(delay, callerSignal, config.clock)
        continue
      }
    }
    if (mode.throwOnHttpError && !response.ok) {
      throw ApiError.from({
        request: description,
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        bodyText,
        redact: config.redactor.redact,
      })
    }
    return { response, request: description, bodyText, redact: config.redactor.redact }
  }
}

/**
 * The fetch the raw openapi-fetch client uses: the same auth, pacing, timeout and retries as the helpers, with the
 * body read inside the attempt and handed back as a fresh response. HTTP errors come back as responses, the way
 * openapi-fetch reports them (`{ error, response }`); connection failures, timeouts and aborts throw.
 */
export function rawClientFetch(config: TransportConfig): FetchFunction {
  return async (request) => {
    const description = { method: request.method, url: safeUrl(request.url) }
    const exchange = await sendWithRetries(
      config,
      {},
      description,
      async ({ signal, authorization, responded }) => {
        const headers = new Headers(request.headers)
        headers.set('Authorization', authorization)
        const response = responded(await config.fetch(new Request(request, { headers }), signal))
        return { response, bodyText: await response.text() }
      },
      { throwOnHttpError: false },
      request.signal,
    )
    return bufferedResponse(exchange)
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
    rateLimitWindowMs: config.rateLimiter?.windowMs,
    now: config.clock.now(),
    random: config.random,
  })
}

/** One attempt's signal: the caller's abort or the timeout, whichever comes first; `dispose` clears both. */
function attemptSignal(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
  clock: Clock,
): { signal: AbortSignal; timedOut: () => boolean; dispose: () => void } {
  const controller = new AbortController()
  let timedOut = false
  const onAbort = (): void => controller.abort(callerSignal?.reason)
  callerSignal?.addEventListener('abort', onAbort, { once: true })
  const cancelTimer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? clock.setTimer(timeoutMs, () => {
          timedOut = true
          controller.abort()
        })
      : undefined
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      cancelTimer?.()
      callerSignal?.removeEventListener('abort', onAbort)
    },
  }
}

/** Settles like `promise`, or rejects as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** fetch errors wrap the system error (`ECONNREFUSED`, …) in `cause`; name both without any request data. */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : ''
  return detail ? `${error.message} (${detail})` : error.message
}

/** Statuses whose responses cannot have a body (Fetch standard, "null body status"). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304])

/** A response whose body was already read, rebuilt so openapi-fetch can read it again. */
export function bufferedResponse(exchange: Exchange): Response {
  const { response, bodyText } = exchange
  const body = NULL_BODY_STATUSES.has(response.status) ? null : (bodyText ?? '')
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
}
