// Valid requests are rendered by the same code the client uses; deliberate bad ones are written out by hand.
import { formatIssue, type Parsed } from '@kaiten-audit/query'

/** Unwraps rendered query text; a check that builds invalid parameters by accident is a bug in the check. */
export function renderedOrThrow(parsed: Parsed<URLSearchParams>): URLSearchParams {
  if (parsed.ok) return parsed.value
  throw new Error(`a check built invalid parameters: ${parsed.issues.map(formatIssue).join('; ')}`)
}

/** Raw query text, for requests that break the documented constraints on purpose. */
export function rawQuery(values: Readonly<Record<string, string>>): URLSearchParams {
  return new URLSearchParams(values)
}
