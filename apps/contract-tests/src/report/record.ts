// The run's exchanges as NDJSON: one line per request with its response, so a failed scheduled run can be debugged
// from its CI artifact. Lines are redacted like every other output.
import type { Exchange } from '../http/exchange.js'
import type { Redact } from '../redact.js'

export interface RecordedExchange {
  api: string
  check: string
  sentAt: string
  durationMs: number
  request: { method: string; url: string; headers: Record<string, string> }
  response: { status: number; headers: Record<string, string>; body: string }
  /** How the response departs from the spec, as the schema check reports it. */
  violations: Exchange['violations']
}

export function recordLine(exchange: Exchange): RecordedExchange {
  return {
    api: exchange.api,
    check: exchange.checkId,
    sentAt: new Date(exchange.sentAt).toISOString(),
    durationMs: Math.round(exchange.durationMs),
    request: {
      method: exchange.method,
      url: exchange.url,
      headers: exchange.requestHeaders,
    },
    response: { status: exchange.status, headers: exchange.headers, body: exchange.body },
    violations: exchange.violations,
  }
}

/** NDJSON text, each line redacted (a server may echo a token in a body or a header). */
export function renderRecord(lines: readonly RecordedExchange[], redact: Redact): string {
  return lines.map((line) => `${redact(JSON.stringify(line))}\n`).join('')
}
