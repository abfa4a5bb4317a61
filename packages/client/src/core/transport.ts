import { resolveToken, type TokenSource } from './auth.js'
import {
  ApiError,
  ConnectionError,
  KaitenError,
  RequestAbortedError,
  type RequestDescription,
  TimeoutError,
} from './errors.js'
import type { RateLimiter } from './rate-limit.js'
import { safeUrl } from './redact.js'
import { isRetryableStatus, type RetryPolicy, retryDelayMs } from './retry.js'
import { sleep } from './sleep.js'

export type FetchFunction = (request: Request) => Promise<Response>

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
  fetch: FetchFunction
  token: TokenSource
  retry: RetryPolicy
  timeoutMs: number
  rateLimiter: RateLimiter | undefined
  /** kaiten.ru reports when a rate-limit window reopens; kaiten.sh does not. */
  useRateLimitReset: boolean
  random: () => number
}

export interface Exchange {
  response: Response
  request: RequestDescription
  /** The body, read within the attempt's timeout; present when `readBody` was asked for. */
  bodyText: string | undefined
}

interface SendMode {
  /** Read the body inside the attempt, so the timeout and retries cover it. */
  readBody: boolean
  /** Throw `ApiError` for a final non-success status instead of returning the response. */
  throwOnHttpError: boolean
}

/**
 * Sends one request: bearer auth, pacing, a timeout per attempt, the caller's abort signal and retries. Every
 * failure leaves as a `KaitenError` subclass; nothing in it carries the token.
 */
export async function send(
  config: TransportConfig,
  request: Request,
  call: CallOptions,
  mode: SendMode,
): Promise<Exchange> {
  const description: RequestDescription = { method: request.method, url: safeUrl(request.url) }
  const maxRetries = call.maxRetries ?? config.retry.maxRetries
  const timeoutMs = call.timeoutMs ?? config.timeoutMs
  const signals = [call.signal, request.signal].filter((s): s is AbortSignal => s !== undefined)
  const callerSignal =
    signals.length === 1 ? signals[0] : signals.length > 1 ? AbortSignal.any(signals) : undefined

  for (let retry = 0; ; retry++) {
    if (callerSignal?.aborted) throw RequestAbortedError.fromSignal(callerSignal, description)
    await config.rateLimiter?.acquire(callerSignal)
    const token = await resolveToken(config.token)
    const attempt = attemptSignal(callerSignal, timeoutMs)
    let response: Response
    let bodyText: string | undefined
    try {
      const headers = new Headers(request.headers)
      headers.set('Authorization', `Bearer ${token}`)
      response = await config.fetch(new Request(request, { headers, signal: attempt.signal }))
      config.rateLimiter?.observe(response.headers)
      if (mode.readBody || (mode.throwOnHttpError && !response.ok)) bodyText = await response.text()
    } catch (error) {
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
      await sleep(delayFor(config, retry, undefined, undefined) ?? config.retry.initialDelayMs, callerSignal)
      continue
    } finally {
      attempt.dispose()
    }

    if (isRetryableStatus(response.status) && retry < maxRetries) {
      const delay = delayFor(config, retry, response.headers, response.status)
      if (delay !== null) {
        if (bodyText === undefined) await response.body?.cancel().catch(() => undefined)
        await sleep(delay, callerSignal)
        continue
      }
    }
    if (mode.throwOnHttpError && !response.ok) {
      throw ApiError.from({
        request: description,
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        bodyText: bodyText ?? '',
        secrets: [token],
      })
    }
    return { response, request: description, bodyText }
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
    now: Date.now(),
    random: config.random,
  })
}

/** One attempt's signal: the caller's abort or the timeout, whichever comes first; `dispose` clears both. */
function attemptSignal(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): { signal: AbortSignal; timedOut: () => boolean; dispose: () => void } {
  const controller = new AbortController()
  let timedOut = false
  const onAbort = (): void => controller.abort(callerSignal?.reason)
  callerSignal?.addEventListener('abort', onAbort, { once: true })
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true
          controller.abort()
        }, timeoutMs)
      : undefined
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onAbort)
    },
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
