// kaiten.ru `retrieveAuditLogEvents` query parameters: every rule comes from the API model
// (src/kaiten-ru.model.gen.ts of @kaiten-audit/types); this file only gives the parsed values their names.
import {
  type ApiModel,
  type AuditLogAction,
  type AuditLogCategory,
  type AuditLogsQuery,
  kaitenRuModel,
} from '@kaiten-audit/types'
import type { CallerParams, DateTimeParameterNames } from './caller-params.js'
import type { Parsed } from './issues.js'
import {
  appliedInteger,
  integerDefault,
  operationOf,
  queryParameter,
  queryParameters,
  rateLimitOf,
} from './operation.js'
import type { QueryValue } from './parameter-value.js'
import { otherValues, parseQueryText } from './query-text.js'
import { type ParameterKind, parameterKinds, renderChecked } from './wire.js'

const OPERATION_ID = 'retrieveAuditLogEvents'
type Operation = (typeof kaitenRuModel)['operations'][typeof OPERATION_ID]

/** The caller's parameters: the generated query type, with `Date` accepted for `from` and `to`. */
export type KaitenRuListParams = CallerParams<AuditLogsQuery, DateTimeParameterNames<Operation>>

const operation = operationOf(kaitenRuModel, OPERATION_ID)
const limitParameter = queryParameter(operation, 'limit')

/** `limit` as the model documents it: the default, and the most any request gets (`x-kaiten-limit-clamp`). */
export const KAITEN_RU_LIMIT = {
  default: integerDefault(limitParameter),
  max: appliedInteger(limitParameter, Number.MAX_SAFE_INTEGER),
} as const

/** The model's `x-rate-limit`, in milliseconds. */
export const KAITEN_RU_RATE_LIMIT = rateLimitOf(operation)

/** How a caller gives each parameter, from the model. */
export const kaitenRuParameterKinds: Readonly<Record<keyof KaitenRuListParams, ParameterKind>> =
  parameterKinds(queryParameters(operation)) as Record<keyof KaitenRuListParams, ParameterKind>

/** What a kaiten.ru request means once parsed, as the server applies it. */
export interface KaitenRuQuery {
  /** Epoch microseconds, inclusive. */
  from?: number
  /** Epoch microseconds, inclusive. */
  to?: number
  /** Canonical decimal digits: an author id beyond 2^53 keeps every digit. */
  authorId?: string
  authorUid?: string
  categories?: AuditLogCategory[]
  actions?: AuditLogAction[]
  id?: string
  /** The limit as given, in canonical decimal digits (it may be beyond 2^53); absent: undefined. */
  requestedLimit?: string
  /** The limit the server applies after clamping. */
  limit: number
  offset: number
  /** Parameters the model documents that this file gives no name to (a spec added them), by wire name. */
  others?: Record<string, QueryValue>
}

const NAMED: readonly (keyof AuditLogsQuery)[] = [
  'from',
  'to',
  'author_id',
  'author_uid',
  'categories',
  'actions',
  'id',
  'limit',
  'offset',
]

/** The page size kaiten.ru applies for a requested limit, per the model's default and `x-kaiten-limit-clamp`. */
export function effectiveKaitenRuLimit(
  requested: number | undefined,
  model: ApiModel = kaitenRuModel,
): number {
  return appliedInteger(queryParameter(operationOf(model, OPERATION_ID), 'limit'), requested)
}

function integer(value: QueryValue | undefined, name: string): QueryValue & { type: 'integer' } {
  if (value?.type !== 'integer') throw new Error(`the API model gives ${name} no integer default`)
  return value
}

/** Parses kaiten.ru query text exactly as the mocks apply it; every issue is a 400 from the real API. */
export function parseKaitenRuQuery(
  search: URLSearchParams,
  model: ApiModel = kaitenRuModel,
): Parsed<KaitenRuQuery> {
  const parsed = parseQueryText(search, operationOf(model, OPERATION_ID))
  if (!parsed.ok) return parsed
  const values = parsed.value
  const limit = integer(values.limit, 'limit')
  const query: KaitenRuQuery = {
    limit: limit.value,
    // An offset beyond 2^53 − 1 skips more events than any company has: the page is empty either way.
    offset: integer(values.offset, 'offset').value,
  }
  if (limit.digits !== undefined) query.requestedLimit = limit.digits
  for (const name of ['from', 'to'] as const) {
    const value = values[name]
    if (value?.type === 'date-time') query[name] = value.micros
  }
  if (values.author_id?.type === 'integer' && values.author_id.digits !== undefined)
    query.authorId = values.author_id.digits
  if (values.author_uid?.type === 'string') query.authorUid = values.author_uid.text
  if (values.categories?.type === 'list') query.categories = values.categories.items as AuditLogCategory[]
  if (values.actions?.type === 'list') query.actions = values.actions.items as AuditLogAction[]
  if (values.id?.type === 'string') query.id = values.id.text
  const others = otherValues(values, search, NAMED)
  if (others) query.others = others
  return { ok: true, value: query }
}

/** Checks a caller's parameters and renders them as query text, or returns every issue found. */
export function toKaitenRuSearchParams(
  params: KaitenRuListParams | undefined,
  model: ApiModel = kaitenRuModel,
): Parsed<URLSearchParams> {
  return renderChecked(params, queryParameters(operationOf(model, OPERATION_ID)), (search) =>
    parseKaitenRuQuery(search, model),
  )
}
