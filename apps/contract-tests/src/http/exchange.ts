// One recorded request/response pair: exactly what the server sent, checked against the spec on arrival.
import type { ApiName, Violation } from '../model.js'

/** Which credentials a request carries. The recorder maps these to tokens, so checks never handle a token. */
export type AuthMode = 'valid' | 'none' | 'invalid' | 'forbidden'

export interface Exchange {
  api: ApiName
  /** Id of the check that sent the request. */
  checkId: string
  method: 'GET'
  /** Path and query relative to the API's base URL, e.g. `/audit-logs?limit=0`. */
  target: string
  /** The whole URL requested. */
  url: string
  /** The spec's path template the request belongs to. */
  specPath: string
  auth: AuthMode
  /** The authorization scheme as sent, when a check chose one other than `Bearer`. */
  authScheme?: string
  /** The path of the base URL the request went to, when a check chose another one than the target's. */
  basePath?: string
  /** The headers sent, with the run's tokens already redacted. */
  requestHeaders: Record<string, string>
  status: number
  /** Response headers, lower-case names. */
  headers: Record<string, string>
  /** The raw body text; empty when the response had none. */
  body: string
  /** How the response departs from the spec (status, content type, headers, body schema). */
  violations: Violation[]
  durationMs: number
  /** When the request left and its answer was read, in epoch milliseconds of the run's clock. */
  sentAt: number
  receivedAt: number
  /**
   * The same two moments as positions in the run's sequence of events: an exchange was sent after another was
   * answered exactly when its `sentOrder` is greater than the other's `receivedOrder`, whatever the clock says.
   */
  sentOrder: number
  receivedOrder: number
}

const authLabels: Readonly<Record<AuthMode, string>> = {
  valid: '',
  none: ' (no token)',
  invalid: ' (invalid token)',
  forbidden: ' (token without access)',
}

/** `GET /audit-logs?limit=0 (no token) → 401` */
export function describeExchange(exchange: Exchange): string {
  const base = exchange.basePath !== undefined ? ` (base ${exchange.basePath || '/'})` : ''
  const scheme = exchange.authScheme !== undefined ? ` (Authorization: ${exchange.authScheme} …)` : ''
  return `${exchange.method} ${exchange.target}${base}${authLabels[exchange.auth]}${scheme} → ${exchange.status}`
}

/** The body parsed as JSON, or `undefined` when it is empty or not JSON. */
export function jsonBody(exchange: Exchange): unknown {
  if (exchange.body.length === 0) return undefined
  try {
    return JSON.parse(exchange.body) as unknown
  } catch {
    return undefined
  }
}

/** The media type of the response without parameters, lower-case; empty when absent. */
export function mediaType(exchange: Exchange): string {
  return (exchange.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/** A short, printable excerpt of a value for findings. */
export function show(value: unknown, max = 160): string {
  if (value === undefined) return 'absent'
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text
}
