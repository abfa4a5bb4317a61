import { serializeCsv } from './csv.js'
import { toDateTimeText } from './date-time.js'
import type { ParameterIssue, Parsed } from './issues.js'
import { illFormedTextIssue, isWellFormedText } from './well-formed.js'

export type ParameterKind = 'date-time' | 'integer' | 'string' | 'enum-list'

/**
 * Reads a parameter that may appear at most once. A repeated parameter is an issue: the vendors do not say which
 * copy wins, so sending two is never what a caller meant.
 */
export function single(search: URLSearchParams, name: string, issues: ParameterIssue[]): string | undefined {
  const values = search.getAll(name)
  if (values.length > 1) {
    issues.push({
      parameter: name,
      value: values,
      allowed: 'one value (the parameter was repeated)',
      kind: 'constraint',
    })
  }
  return values[0]
}

/**
 * Turns a caller's typed parameters into query text, checking only what is about the caller's JavaScript values
 * (unknown names, wrong JS types, invalid Dates, empty lists, text with an unpaired surrogate). What the values mean
 * is checked afterwards by the same parser the mocks use on the wire.
 */
export function toSearchParams(
  params: Readonly<Record<string, unknown>> | undefined,
  kinds: Readonly<Record<string, ParameterKind>>,
): { search: URLSearchParams; issues: ParameterIssue[] } {
  const search = new URLSearchParams()
  const issues: ParameterIssue[] = []
  if (params === undefined || params === null) return { search, issues }
  if (typeof params !== 'object') {
    issues.push({
      parameter: 'params',
      value: params,
      allowed: 'an object of query parameters',
      kind: 'constraint',
    })
    return { search, issues }
  }
  for (const [name, value] of Object.entries(params)) {
    const kind = kinds[name]
    if (kind === undefined) {
      issues.push({
        parameter: name,
        value,
        allowed: `one of the parameters ${Object.keys(kinds).join(', ')}`,
        kind: 'constraint',
      })
      continue
    }
    if (value === undefined) continue
    if (typeof value === 'string' && !isWellFormedText(value)) {
      issues.push(illFormedTextIssue(name, value))
      continue
    }
    switch (kind) {
      case 'date-time': {
        const result = toDateTimeText(name, value)
        if ('issue' in result) issues.push(result.issue)
        else search.set(name, result.text)
        break
      }
      case 'integer':
        if (typeof value === 'number' && Number.isSafeInteger(value)) search.set(name, String(value))
        else issues.push({ parameter: name, value, allowed: 'an integer', kind: 'constraint' })
        break
      case 'string':
        if (typeof value === 'string' && value.length > 0) search.set(name, value)
        else issues.push({ parameter: name, value, allowed: 'a non-empty string', kind: 'constraint' })
        break
      case 'enum-list':
        if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
          const illFormed = value.filter((item: string) => !isWellFormedText(item))
          if (illFormed.length > 0)
            issues.push(illFormedTextIssue(name, illFormed.length === 1 ? illFormed[0] : illFormed))
          else search.set(name, serializeCsv(value))
        } else {
          issues.push({
            parameter: name,
            value,
            allowed: 'a non-empty array of values (omit the parameter to not filter)',
            kind: 'constraint',
          })
        }
        break
    }
  }
  return { search, issues }
}

/** Reports numbers and Dates as the caller passed them rather than as their query text. */
export function withCallerValue(issue: ParameterIssue, params: object | undefined): ParameterIssue {
  const given = (params as Record<string, unknown> | undefined)?.[issue.parameter]
  return typeof given === 'number' || given instanceof Date ? { ...issue, value: given } : issue
}

/**
 * A caller's parameters as checked query text: first what is about the JavaScript values (`toSearchParams`), then
 * what the text means, through the same parser the mocks apply on receipt.
 */
export function renderChecked(
  params: object | undefined,
  kinds: Readonly<Record<string, ParameterKind>>,
  parse: (search: URLSearchParams) => Parsed<unknown>,
): Parsed<URLSearchParams> {
  const { search, issues } = toSearchParams(params as Readonly<Record<string, unknown>> | undefined, kinds)
  if (issues.length > 0) return { ok: false, issues }
  const parsed = parse(search)
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((issue) => withCallerValue(issue, params)) }
  return { ok: true, value: search }
}
