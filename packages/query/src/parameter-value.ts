// Judges the text of one query parameter against its schema in the API model: integers (bounds, format range,
// x-kaiten-limit-clamp), strings (enum, format, length, pattern) and lists (style, item schema).
import type { ApiParameter, ApiValueSchema } from '@kaiten-audit/types'
import { DATE_TIME_ALLOWED, parseDateTime } from './date-time.js'
import { canonicalIntegerText, judgeIntegerText } from './integer-text.js'
import type { ParameterIssue } from './issues.js'
import { listStyleOf } from './list-style.js'
import { appliedInteger, integerBounds } from './operation.js'

/** A parameter's value as the API applies it. */
export type QueryValue =
  | {
      type: 'integer'
      /** The integer as given, in canonical decimal digits (it may be beyond 2^53); absent for a default. */
      digits?: string
      /** The value applied: clamped per `x-kaiten-limit-clamp`, or 2^53 − 1 for a larger one without upper bound. */
      value: number
    }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date-time'; text: string /** Epoch microseconds. */; micros: number }
  | { type: 'string'; text: string }
  | { type: 'list'; items: string[] }

type Judged = { value: QueryValue } | { issue: ParameterIssue }

// RFC 4122 text form, any version: what `format: uuid` asks for.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/

const FORMAT_ALLOWED: Readonly<Record<string, string>> = {
  'date-time': DATE_TIME_ALLOWED,
  uuid: 'a UUID, e.g. 8f977f36-0f13-4b5f-91ab-0df9d15c7ed8',
}

/** The JSON type a parameter's schema names, leaving out `null` (a query value is never null). */
export function valueType(schema: ApiValueSchema): string {
  return schema.types.find((type) => type !== 'null') ?? 'string'
}

function describeEnum(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ')
}

/** What an integer parameter allows, in words, e.g. `an integer from 1 to 200`. */
export function integerAllowed(parameter: ApiParameter): string {
  const { min, max } = integerBounds(parameter.schema)
  const clamp = parameter.limitClamp
  const range =
    min !== undefined && max !== undefined && clamp === undefined
      ? `an integer from ${min} to ${max}`
      : min !== undefined
        ? `an integer ≥ ${min}`
        : max !== undefined && clamp === undefined
          ? `an integer ≤ ${max}`
          : 'an integer'
  if (clamp === undefined) return range
  const zero = clamp.zeroMeans === 'default' ? `0 means ${String(parameter.schema.default)}; ` : ''
  return `${range} (${zero}above ${clamp.above} the API applies ${clamp.applies})`
}

function judgeInteger(parameter: ApiParameter, text: string): Judged {
  const bounds = integerBounds(parameter.schema)
  const clamp = parameter.limitClamp
  // A clamped parameter takes any larger value; without a declared upper bound, any value beyond 2^53 is valid too.
  const judged = judgeIntegerText(text, clamp === undefined ? bounds : { ...bounds, max: undefined })
  const issue = {
    parameter: parameter.name,
    value: text,
    allowed: integerAllowed(parameter),
    kind: 'constraint' as const,
  }
  if (judged.kind === 'not-an-integer' || judged.kind === 'below') return { issue }
  if (judged.kind === 'above' && clamp === undefined && bounds.max !== undefined) return { issue }
  const digits = canonicalIntegerText(text) as string
  const value =
    judged.kind === 'within'
      ? appliedInteger(parameter, judged.value)
      : clamp !== undefined
        ? clamp.applies
        : Number.MAX_SAFE_INTEGER
  return { value: { type: 'integer', digits, value } }
}

function judgeString(parameter: ApiParameter, schema: ApiValueSchema, text: string): Judged {
  const name = parameter.name
  if (schema.enum !== undefined && !schema.enum.includes(text))
    return {
      issue: {
        parameter: name,
        value: text,
        allowed: `one of: ${describeEnum(schema.enum)}`,
        kind: 'constraint',
      },
    }
  if (schema.format === 'date-time') {
    const micros = parseDateTime(text)
    return micros === null
      ? { issue: { parameter: name, value: text, allowed: DATE_TIME_ALLOWED, kind: 'malformed' } }
      : { value: { type: 'date-time', text, micros } }
  }
  if (schema.format === 'uuid' && !UUID.test(text))
    return {
      issue: { parameter: name, value: text, allowed: FORMAT_ALLOWED.uuid as string, kind: 'malformed' },
    }
  const length = [...text].length
  if (schema.minLength !== undefined && length < schema.minLength)
    return {
      issue: {
        parameter: name,
        value: text,
        allowed: `text of at least ${schema.minLength} characters`,
        kind: 'constraint',
      },
    }
  if (schema.maxLength !== undefined && length > schema.maxLength)
    return {
      issue: {
        parameter: name,
        value: text,
        allowed: `text of at most ${schema.maxLength} characters`,
        kind: 'constraint',
      },
    }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(text))
    return {
      issue: { parameter: name, value: text, allowed: `text matching ${schema.pattern}`, kind: 'constraint' },
    }
  return { value: { type: 'string', text } }
}

function judgeScalar(parameter: ApiParameter, schema: ApiValueSchema, text: string): Judged {
  const name = parameter.name
  switch (valueType(schema)) {
    case 'integer':
      return judgeInteger({ ...parameter, schema }, text)
    case 'number': {
      const value = Number(text)
      const { min, max } = integerBounds({ ...schema, format: undefined })
      if (!NUMBER.test(text) || (min !== undefined && value < min) || (max !== undefined && value > max))
        return {
          issue: {
            parameter: name,
            value: text,
            allowed: `a number${min !== undefined ? ` ≥ ${min}` : ''}${max !== undefined ? ` ≤ ${max}` : ''}`,
            kind: 'constraint',
          },
        }
      return { value: { type: 'number', value } }
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return { value: { type: 'boolean', value: text === 'true' } }
      return { issue: { parameter: name, value: text, allowed: 'true or false', kind: 'constraint' } }
    default:
      return judgeString(parameter, schema, text)
  }
}

function judgeList(parameter: ApiParameter, texts: readonly string[]): Judged {
  const style = listStyleOf(parameter)
  const items = style.repeated ? [...texts] : (texts[0] as string).split(style.delimiter)
  const itemSchema = parameter.schema.items ?? { types: ['string'] }
  const bad = items.filter((item) => 'issue' in judgeScalar(parameter, itemSchema, item))
  if (bad.length === 0) return { value: { type: 'list', items } }
  const each =
    itemSchema.enum !== undefined
      ? describeEnum(itemSchema.enum)
      : (judgeScalar(parameter, itemSchema, bad[0] as string) as { issue: ParameterIssue }).issue.allowed
  const allowed = style.repeated ? `repeated values, each: ${each}` : `a ${style.described} list of: ${each}`
  return {
    issue: { parameter: parameter.name, value: bad.length === 1 ? bad[0] : bad, allowed, kind: 'constraint' },
  }
}

/**
 * Judges the occurrences of one parameter in a query (at least one). More than one is an issue, except for a
 * repeated (exploded) list, since the vendors do not say which copy wins; the first copy is judged all the same, so
 * every problem is reported at once.
 */
export function judgeParameter(
  parameter: ApiParameter,
  texts: readonly string[],
): { value: QueryValue } | { issues: ParameterIssue[] } {
  const isList = valueType(parameter.schema) === 'array'
  const repeatedList = isList && listStyleOf(parameter).repeated
  const issues: ParameterIssue[] = []
  if (texts.length > 1 && !repeatedList)
    issues.push({
      parameter: parameter.name,
      value: texts,
      allowed: 'one value (the parameter was repeated)',
      kind: 'constraint',
    })
  const first = repeatedList ? texts : texts.slice(0, 1)
  const judged = isList
    ? judgeList(parameter, first)
    : judgeScalar(parameter, parameter.schema, first[0] as string)
  if ('issue' in judged) issues.push(judged.issue)
  return issues.length > 0 ? { issues } : (judged as { value: QueryValue })
}
