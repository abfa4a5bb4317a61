/** One problem with one query parameter: which, what was given, and what is allowed. */
export interface ParameterIssue {
  /** The parameter's wire name, e.g. `limit` or `categories`. */
  parameter: string
  /** The value as given (the raw text on the wire, or the caller's value). */
  value: unknown
  /** What the API accepts, in words. */
  allowed: string
  /**
   * kaiten.sh only: how its service classifies the problem. Constraint violations are answered with 422,
   * unparseable timestamps with 400.
   */
  kind: 'constraint' | 'malformed'
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ParameterIssue[] }

export function describeValue(value: unknown): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'bigint') return `${value}n`
  if (value === undefined) return 'undefined'
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** `limit: 0 is not allowed; allowed: an integer from 1 to 200` */
export function formatIssue(issue: ParameterIssue): string {
  return `${issue.parameter}: ${describeValue(issue.value)} is not allowed; allowed: ${issue.allowed}`
}
