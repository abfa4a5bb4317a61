// kaiten.sh `getAuditTrails` query parameters: every rule comes from the API model (src/kaiten-sh.model.gen.ts of
// @kaiten-audit/types); this file only gives the parsed values their names.
import { type ApiModel, type AuditTrailsQuery, kaitenShModel } from '@kaiten-audit/types'
import type { CallerParams, DateTimeParameterNames } from './caller-params.js'
import type { ParameterIssue, Parsed } from './issues.js'
import { integerBounds, integerDefault, operationOf, queryParameter, queryParameters } from './operation.js'
import type { QueryValue } from './parameter-value.js'
import { otherValues, parseQueryText } from './query-text.js'
import { illFormedTextIssue, isWellFormedText } from './well-formed.js'
import { type ParameterKind, parameterKinds, renderChecked } from './wire.js'

const OPERATION_ID = 'getAuditTrails'
type Operation = (typeof kaitenShModel)['operations'][typeof OPERATION_ID]

/** The caller's parameters: the generated query type, with `Date` accepted for `after` and `before`. */
export type KaitenShListParams = CallerParams<AuditTrailsQuery, DateTimeParameterNames<Operation>>

const operation = operationOf(kaitenShModel, OPERATION_ID)
const limitBounds = integerBounds(queryParameter(operation, 'limit').schema)
const offsetBounds = integerBounds(queryParameter(operation, 'offset').schema)

/** `limit` as the model documents it: its default and inclusive bounds. */
export const KAITEN_SH_LIMIT = {
  default: integerDefault(queryParameter(operation, 'limit')),
  min: limitBounds.min as number,
  max: limitBounds.max as number,
} as const

/** `offset` as the model documents it: its default and inclusive bounds (the maximum is its int32 format's). */
export const KAITEN_SH_OFFSET = {
  default: integerDefault(queryParameter(operation, 'offset')),
  min: offsetBounds.min as number,
  max: offsetBounds.max as number,
} as const

/** @deprecated The largest offset kaiten.sh accepts; read `KAITEN_SH_OFFSET.max`. */
export const INT32_MAX = KAITEN_SH_OFFSET.max

/** How a caller gives each parameter, from the model. */
export const kaitenShParameterKinds: Readonly<Record<keyof KaitenShListParams, ParameterKind>> =
  parameterKinds(queryParameters(operation)) as Record<keyof KaitenShListParams, ParameterKind>

/** What a kaiten.sh request means once parsed. */
export interface KaitenShQuery {
  eventName?: string
  /** Epoch microseconds, inclusive. */
  after?: number
  /** Epoch microseconds, inclusive. */
  before?: number
  limit: number
  offset: number
  /** Parameters the model documents that this file gives no name to (a spec added them), by wire name. */
  others?: Record<string, QueryValue>
}

const NAMED: readonly (keyof AuditTrailsQuery)[] = ['event_name', 'after', 'before', 'limit', 'offset']

function integer(value: QueryValue | undefined, name: string): number {
  if (value?.type !== 'integer') throw new Error(`the API model gives ${name} no integer default`)
  return value.value
}

/**
 * Parses kaiten.sh query text as the service does. Issues of kind `constraint` are the service's 422
 * (`errors[].location` = `query.<parameter>`); `malformed` ones (unparseable timestamps) are its 400, as the model's
 * `x-invalid-parameter-status` says (see `invalidParameterStatus`).
 */
export function parseKaitenShQuery(
  search: URLSearchParams,
  model: ApiModel = kaitenShModel,
): Parsed<KaitenShQuery> {
  // An empty value is the same as none to the service (its framework treats empty query text as absent).
  const parsed = parseQueryText(search, operationOf(model, OPERATION_ID), { emptyStringMeansAbsent: true })
  if (!parsed.ok) return parsed
  const values = parsed.value
  const query: KaitenShQuery = {
    limit: integer(values.limit, 'limit'),
    offset: integer(values.offset, 'offset'),
  }
  const eventName = values.event_name
  if (eventName?.type === 'string') query.eventName = eventName.text
  for (const name of ['after', 'before'] as const) {
    const value = values[name]
    if (value?.type === 'date-time') query[name] = value.micros
  }
  const others = otherValues(values, search, NAMED)
  if (others) query.others = others
  return { ok: true, value: query }
}

/** Checks a caller's parameters and renders them as query text, or returns every issue found. */
export function toKaitenShSearchParams(
  params: KaitenShListParams | undefined,
  model: ApiModel = kaitenShModel,
): Parsed<URLSearchParams> {
  return renderChecked(params, queryParameters(operationOf(model, OPERATION_ID)), (search) =>
    parseKaitenShQuery(search, model),
  )
}

/**
 * The instance slug must be a non-empty string. The client percent-encodes it into one path segment (so `../x` or
 * `a/b?c#d` cannot change the path or query), but `.` and `..` are dot segments that URL parsing removes even when
 * percent-encoded (WHATWG URL), so they are refused too, as is text that cannot be percent-encoded at all.
 */
export function checkInstanceSlug(slug: unknown): ParameterIssue | null {
  if (typeof slug === 'string' && !isWellFormedText(slug)) return illFormedTextIssue('instanceSlug', slug)
  if (typeof slug === 'string' && slug.length > 0 && slug !== '.' && slug !== '..') return null
  return {
    parameter: 'instanceSlug',
    value: slug,
    allowed: 'a non-empty instance slug other than "." or ".."',
    kind: 'constraint',
  }
}
