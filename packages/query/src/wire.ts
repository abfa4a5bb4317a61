import type { ApiParameter } from '@kaiten-audit/types'
import { toDateTimeText } from './date-time.js'
import type { ParameterIssue, Parsed } from './issues.js'
import { serializeList } from './list-style.js'
import { valueType } from './parameter-value.js'
import { illFormedTextIssue, isWellFormedText } from './well-formed.js'

/** How a caller gives a parameter's value in JavaScript, from the parameter's schema in the API model. */
export type ParameterKind = 'date-time' | 'integer' | 'number' | 'boolean' | 'string' | 'list'

export function parameterKind(parameter: ApiParameter): ParameterKind {
  const type = valueType(parameter.schema)
  if (type === 'array') return 'list'
  if (type === 'integer' || type === 'number' || type === 'boolean') return type
  return parameter.schema.format === 'date-time' ? 'date-time' : 'string'
}

/** The kind of every query parameter of a list, by wire name. */
export function parameterKinds(parameters: readonly ApiParameter[]): Readonly<Record<string, ParameterKind>> {
  return Object.fromEntries(parameters.map((parameter) => [parameter.name, parameterKind(parameter)]))
}

export const EXACT_INTEGER_ALLOWED = `an integer a JavaScript number holds exactly (at most ${Number.MAX_SAFE_INTEGER}, 2^53 − 1, either way; a larger number has already lost digits)`

/** Query text for the caller's values, and what is wrong with the values themselves. */
interface CallerValues {
  search: URLSearchParams
  /** Problems that keep a value out of `search`: unknown names, wrong JavaScript types, ill-formed text. */
  issues: ParameterIssue[]
  /**
   * Integers beyond 2^53 − 1: their digits are in `search`, so the parser can name the range the API allows, but they
   * are refused even where the API would take them, since the number may not be the one the caller wrote.
   */
  inexact: ParameterIssue[]
}

/**
 * Turns a caller's typed parameters into query text, checking only what is about the caller's JavaScript values.
 * What the values mean is checked afterwards by the same parser the mocks use on the wire.
 */
export function toSearchParams(
  params: Readonly<Record<string, unknown>> | undefined,
  parameters: readonly ApiParameter[],
): CallerValues {
  const result: CallerValues = { search: new URLSearchParams(), issues: [], inexact: [] }
  const { search, issues } = result
  if (params === undefined || params === null) return result
  if (typeof params !== 'object') {
    issues.push({
      parameter: 'params',
      value: params,
      allowed: 'an object of query parameters',
      kind: 'constraint',
    })
    return result
  }
  for (const [name, value] of Object.entries(params)) {
    const parameter = parameters.find((candidate) => candidate.name === name)
    if (parameter === undefined) {
      issues.push({
        parameter: name,
        value,
        allowed: `one of the parameters ${parameters.map((candidate) => candidate.name).join(', ')}`,
        kind: 'constraint',
      })
      continue
    }
    const kind = parameterKind(parameter)
    if (value === undefined) continue
    if (typeof value === 'string' && !isWellFormedText(value)) {
      issues.push(illFormedTextIssue(name, value))
      continue
    }
    switch (kind) {
      case 'date-time': {
        const text = toDateTimeText(name, value)
        if ('issue' in text) issues.push(text.issue)
        else search.set(name, text.text)
        break
      }
      case 'integer':
        if (typeof value === 'number' && Number.isInteger(value)) {
          // BigInt gives every digit of a large double, where String() would write 1e+21.
          search.set(name, Number.isSafeInteger(value) ? String(value) : BigInt(value).toString())
          if (!Number.isSafeInteger(value))
            result.inexact.push({
              parameter: name,
              value,
              allowed: EXACT_INTEGER_ALLOWED,
              kind: 'constraint',
            })
        } else {
          const allowed =
            typeof value === 'string' ? 'an integer given as a number, not as text' : 'an integer'
          issues.push({ parameter: name, value, allowed, kind: 'constraint' })
        }
        break
      case 'number':
        if (typeof value === 'number' && Number.isFinite(value)) search.set(name, String(value))
        else issues.push({ parameter: name, value, allowed: 'a finite number', kind: 'constraint' })
        break
      case 'boolean':
        if (typeof value === 'boolean') search.set(name, String(value))
        else issues.push({ parameter: name, value, allowed: 'true or false', kind: 'constraint' })
        break
      case 'string':
        // An empty filter is never what a caller meant: omit the parameter instead.
        if (typeof value === 'string' && value.length > 0) search.set(name, value)
        else issues.push({ parameter: name, value, allowed: 'a non-empty string', kind: 'constraint' })
        break
      case 'list':
        if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
          const illFormed = value.filter((item: string) => !isWellFormedText(item))
          if (illFormed.length > 0)
            issues.push(illFormedTextIssue(name, illFormed.length === 1 ? illFormed[0] : illFormed))
          else for (const text of serializeList(parameter, value)) search.append(name, text)
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
  return result
}

/** Reports numbers and Dates as the caller passed them rather than as their query text. */
export function withCallerValue(issue: ParameterIssue, params: object | undefined): ParameterIssue {
  const given = (params as Record<string, unknown> | undefined)?.[issue.parameter]
  return typeof given === 'number' || given instanceof Date ? { ...issue, value: given } : issue
}

/** Issues in the order the caller wrote the parameters, whichever check found them. */
function inCallerOrder(issues: ParameterIssue[], params: object | undefined): ParameterIssue[] {
  const names = typeof params === 'object' && params !== null ? Object.keys(params) : []
  const position = (issue: ParameterIssue) => {
    const index = names.indexOf(issue.parameter)
    return index === -1 ? names.length : index
  }
  return [...issues].sort((a, b) => position(a) - position(b))
}

/**
 * A caller's parameters as checked query text, with every problem at once: what is wrong with the JavaScript values
 * (`toSearchParams`) and what the well-typed rest means, through the same parser the mocks apply on receipt. A value
 * with a problem of the first kind is left out of the query text, so no parameter is reported twice.
 */
export function renderChecked(
  params: object | undefined,
  parameters: readonly ApiParameter[],
  parse: (search: URLSearchParams) => Parsed<unknown>,
): Parsed<URLSearchParams> {
  const { search, issues, inexact } = toSearchParams(
    params as Readonly<Record<string, unknown>> | undefined,
    parameters,
  )
  const parsed = parse(search)
  const meaning = parsed.ok ? [] : parsed.issues.map((issue) => withCallerValue(issue, params))
  // An inexact integer the API refuses anyway is best explained by the range the API allows.
  const judged = new Set(meaning.map((issue) => issue.parameter))
  const all = [...issues, ...meaning, ...inexact.filter((issue) => !judged.has(issue.parameter))]
  return all.length > 0 ? { ok: false, issues: inCallerOrder(all, params) } : { ok: true, value: search }
}
