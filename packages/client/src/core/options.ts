import { checkTokenSource, type TokenSource } from './auth.js'
import { type Clock, systemClock } from './clock.js'
import { RequestPacer } from './pacing.js'
import { Redactor, safeUrl } from './redact.js'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js'
import type { CallOptions, FetchFunction, TransportConfig } from './transport.js'

/** Options shared by both clients. */
export interface ClientOptions {
  /** The API root, e.g. `https://demo.kaiten.sh` or `https://acme.kaiten.ru/api/latest`. */
  baseUrl: string
  /** Sent as `Authorization: Bearer …` on every request; a function is called before every attempt. */
  token: TokenSource
  /** Retries after the first attempt (default 2); every call may override it. */
  maxRetries?: number
  /** Backoff tuning; the defaults are 500 ms doubling to 8 s, and server-requested waits up to 60 s. */
  retryDelay?: Partial<Pick<RetryPolicy, 'initialDelayMs' | 'maxDelayMs' | 'maxServerDelayMs'>>
  /** Per attempt, in milliseconds (default 30 000); every call may override it. */
  timeoutMs?: number
  /** Defaults to `globalThis.fetch`; called with a `Request`. */
  fetch?: FetchFunction
  /**
   * Client-side pacing: `false` for none, `{ requests, windowMs }`, or a `RequestPacer` to share one budget between
   * clients. kaiten.ru defaults to its documented 5 requests per second; kaiten.sh documents no limit.
   */
  rateLimit?: false | { requests: number; windowMs: number } | RequestPacer
  /**
   * What pacing, backoff and timeouts wait on and read the time from; defaults to the system clock. Tests inject
   * one to run a schedule on logical time. A `RequestPacer` passed in keeps its own clock.
   */
  clock?: Clock
}

export const DEFAULT_TIMEOUT_MS = 30_000

/** The checked options of one client: its transport's settings and its API root without a trailing slash. */
export interface ClientSetup {
  baseUrl: string
  transport: TransportConfig
}

export function clientSetup(
  options: ClientOptions,
  defaults: { rateLimit: false | { requests: number; windowMs: number }; useRateLimitReset: boolean },
): ClientSetup {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options: expected { baseUrl, token, … }')
  }
  const baseUrl = checkBaseUrl(options.baseUrl)
  checkTokenSource(options.token)
  const maxRetries = options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries
  checkMaxRetries(maxRetries)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  checkTimeout(timeoutMs)
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('fetch: expected a function (request: Request) => Promise<Response>')
  }
  const rateLimit = options.rateLimit ?? defaults.rateLimit
  const clock = options.clock === undefined ? systemClock : checkClock(options.clock)
  const transport: TransportConfig = {
    fetch: options.fetch,
    token: options.token,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retryDelay, maxRetries },
    timeoutMs,
    pacer:
      rateLimit === false
        ? undefined
        : rateLimit instanceof RequestPacer
          ? rateLimit
          : new RequestPacer({ ...rateLimit, clock }),
    useRateLimitReset: defaults.useRateLimitReset,
    random: Math.random,
    clock,
    redactor: new Redactor([options.token]),
  }
  return { baseUrl, transport }
}

function checkClock(clock: unknown): Clock {
  const candidate = clock as Partial<Clock> | null
  if (typeof candidate?.now === 'function' && typeof candidate.setTimer === 'function') return clock as Clock
  throw new TypeError(
    'clock: expected { now: () => number, setTimer: (ms: number, callback: () => void) => () => void }',
  )
}

/**
 * The one check of a client's `baseUrl`: an absolute http(s) URL without credentials. Returns it without trailing
 * slashes, as openapi-fetch joins it with the spec's paths.
 */
export function checkBaseUrl(baseUrl: unknown): string {
  const parsed = typeof baseUrl === 'string' && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined
  if (parsed && (parsed.username || parsed.password)) {
    // fetch refuses URLs with credentials, and the message must not repeat them.
    throw new TypeError(
      `baseUrl: ${safeUrl(baseUrl as string)} with user info is not allowed; allowed: a URL without user:password@ (the credential goes in token)`,
    )
  }
  if (parsed && /^https?:$/.test(parsed.protocol)) return (baseUrl as string).replace(/\/+$/, '')
  throw new TypeError(
    `baseUrl: ${JSON.stringify(baseUrl) ?? String(baseUrl)} is not allowed; allowed: an absolute http(s) URL, e.g. https://acme.kaiten.ru/api/latest`,
  )
}

export function checkMaxRetries(maxRetries: unknown): void {
  if (typeof maxRetries === 'number' && Number.isSafeInteger(maxRetries) && maxRetries >= 0) return
  throw new TypeError(`maxRetries: ${String(maxRetries)} is not allowed; allowed: an integer ≥ 0`)
}

export function checkTimeout(timeoutMs: unknown): void {
  if (typeof timeoutMs === 'number' && timeoutMs > 0) return
  throw new TypeError(
    `timeoutMs: ${String(timeoutMs)} is not allowed; allowed: a number of milliseconds > 0 (Infinity for none)`,
  )
}

/** Checks what a single call overrides, before anything is sent. */
export function checkCallOptions(options: CallOptions | undefined): CallOptions {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options: expected { signal?, timeoutMs?, maxRetries? }')
  }
  if (options.maxRetries !== undefined) checkMaxRetries(options.maxRetries)
  if (options.timeoutMs !== undefined) checkTimeout(options.timeoutMs)
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new TypeError('signal: expected an AbortSignal')
  }
  return options
}
