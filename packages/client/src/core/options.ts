import type { ApiOperation, ApiServer } from '@kaiten-audit/types'
import { checkTokenSource, type TokenSource } from './auth.js'
import { type Clock, systemClock } from './clock.js'
import { RequestPacer } from './pacing.js'
import { Redactor, safeUrl } from './redact.js'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js'
import type { CallOptions, FetchFunction, TransportConfig } from './transport.js'

/** Options shared by both clients. */
export interface ClientOptions {
  /**
   * The API root, e.g. `https://demo.kaiten.sh` or `https://acme.kaiten.ru/api/latest`. Default: the model's first
   * server, its variables filled from `serverVariables` (every variable must be given: a default such as
   * `example` would send the token to a host nobody chose).
   */
  baseUrl?: string
  /** The values of the first server's URL variables (e.g. kaiten.ru's `{ domain: 'acme' }`), when `baseUrl` is absent. */
  serverVariables?: Readonly<Record<string, string>>
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
   * clients. The default is the operation's `x-rate-limit` in the model, and none when the model documents none.
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

/** What the model of a client's operation decides about the client's defaults. */
export interface ModelDefaults {
  /** The operation's servers, the first of which is the default API root. */
  servers: readonly ApiServer[]
  /** The operation's `x-rate-limit`, or none. */
  rateLimit: false | { requests: number; windowMs: number }
  /** The operation documents `X-RateLimit-Reset`, so a 429's wait is read from it. */
  useRateLimitReset: boolean
}

/** The defaults `operation` gives a client: its servers, its rate limit and whether it reports a reset. */
export function modelDefaults(operation: ApiOperation): ModelDefaults {
  const { rateLimit } = operation
  return {
    servers: operation.servers,
    rateLimit:
      rateLimit === undefined
        ? false
        : { requests: rateLimit.requests, windowMs: rateLimit.windowSeconds * 1000 },
    useRateLimitReset: operation.responses.some((response) =>
      response.headers.some((header) => header.name.toLowerCase() === RATE_LIMIT_RESET),
    ),
  }
}

/** The rate-limit header that says when the window reopens, as both vendors spell it (lower-cased). */
const RATE_LIMIT_RESET = 'x-ratelimit-reset'

export function clientSetup(options: ClientOptions, defaults: ModelDefaults): ClientSetup {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options: expected { baseUrl, token, … }')
  }
  const baseUrl = checkBaseUrl(
    options.baseUrl === undefined ? serverUrl(defaults.servers, options.serverVariables) : options.baseUrl,
  )
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

/** The first server's URL with every variable given; an error naming a variable that is missing or not allowed. */
export function serverUrl(
  servers: readonly ApiServer[],
  variables: Readonly<Record<string, string>> | undefined,
): string {
  const [server] = servers
  if (server === undefined)
    throw new TypeError('baseUrl: required; allowed: an absolute http(s) URL (the API model names no server)')
  return server.url.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = variables?.[name]
    const variable = server.variables[name]
    const allowed = variable?.enum ? `one of ${variable.enum.join(', ')}` : 'a non-empty string'
    if (typeof value !== 'string' || value === '' || (variable?.enum && !variable.enum.includes(value)))
      throw new TypeError(
        `serverVariables.${name}: ${JSON.stringify(value) ?? String(value)} is not allowed; allowed: ${allowed} for ${server.url} (or give baseUrl)`,
      )
    return encodeURIComponent(value)
  })
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
