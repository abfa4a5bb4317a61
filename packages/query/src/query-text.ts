// Parses query text against an operation's query parameters in the API model: every parameter the model names is
// judged by its schema, and absent ones with a default take it. The per-API modules give the values their meaning.
import type { ApiOperation } from '@kaiten-audit/types'
import type { ParameterIssue, Parsed } from './issues.js'
import { queryParameters } from './operation.js'
import { judgeParameter, type QueryValue, valueType } from './parameter-value.js'

export interface QueryTextOptions {
  /**
   * Treat an empty value of a string parameter as if the parameter were absent (kaiten.sh: its framework, Huma, does
   * so for every query value it parses as text).
   */
  emptyStringMeansAbsent?: boolean
}

/** The value of every query parameter that was given or has a default, by wire name. */
export type QueryValues = Readonly<Record<string, QueryValue>>

function defaultValue(schemaDefault: unknown, type: string): QueryValue | undefined {
  if (type === 'integer' && typeof schemaDefault === 'number')
    return { type: 'integer', value: schemaDefault }
  if (type === 'number' && typeof schemaDefault === 'number') return { type: 'number', value: schemaDefault }
  if (type === 'boolean' && typeof schemaDefault === 'boolean')
    return { type: 'boolean', value: schemaDefault }
  if (type === 'string' && typeof schemaDefault === 'string') return { type: 'string', text: schemaDefault }
  return undefined
}

export function parseQueryText(
  search: URLSearchParams,
  operation: ApiOperation,
  options: QueryTextOptions = {},
): Parsed<QueryValues> {
  const issues: ParameterIssue[] = []
  const values: Record<string, QueryValue> = {}
  for (const parameter of queryParameters(operation)) {
    const type = valueType(parameter.schema)
    let texts = search.getAll(parameter.name)
    if (options.emptyStringMeansAbsent && type === 'string') texts = texts.filter((text) => text !== '')
    if (texts.length === 0) {
      if (parameter.required)
        issues.push({
          parameter: parameter.name,
          value: undefined,
          allowed: 'a value (the parameter is required)',
          kind: 'constraint',
        })
      const fallback = defaultValue(parameter.schema.default, type)
      if (fallback !== undefined) values[parameter.name] = fallback
      continue
    }
    const judged = judgeParameter(parameter, texts)
    if ('issues' in judged) issues.push(...judged.issues)
    else values[parameter.name] = judged.value
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: values }
}

/** The values of parameters the code gives no meaning to (a spec added them), or undefined when none was given. */
export function otherValues(
  values: QueryValues,
  search: URLSearchParams,
  known: readonly string[],
): Record<string, QueryValue> | undefined {
  const others = Object.entries(values).filter(([name]) => !known.includes(name) && search.has(name))
  return others.length > 0 ? Object.fromEntries(others) : undefined
}
