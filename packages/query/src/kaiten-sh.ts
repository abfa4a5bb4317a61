import { DATE_TIME_ALLOWED, parseDateTime } from './date-time.js'
import { judgeIntegerText } from './integer-text.js'
import type { ParameterIssue, Parsed } from './issues.js'
import { illFormedTextIssue, isWellFormedText } from './well-formed.js'
import { type ParameterKind, renderChecked, single } from './wire.js'

/** docs.kaiten.sh getAuditTrails: limit int32 1–200, default 50; offset int32 ≥ 0. */
export const KAITEN_SH_LIMIT = { default: 50, min: 1, max: 200 } as const
export const INT32_MAX = 2 ** 31 - 1

export interface KaitenShListParams {
  /** Exact event name; no prefix matching. */
  event_name?: string
  /** Entries with timestamp ≥ this instant (inclusive). */
  after?: string | Date
  /** Entries with timestamp ≤ this instant (inclusive). */
  before?: string | Date
  /** 1–200; the server rejects anything else with 422. */
  limit?: number
  offset?: number
}

export const kaitenShParameterKinds: Readonly<Record<keyof KaitenShListParams, ParameterKind>> = {
  event_name: 'string',
  after: 'date-time',
  before: 'date-time',
  limit: 'integer',
  offset: 'integer',
}

/** What a kaiten.sh request means once parsed. */
export interface KaitenShQuery {
  eventName?: string
  /** Epoch microseconds, inclusive. */
  after?: number
  /** Epoch microseconds, inclusive. */
  before?: number
  limit: number
  offset: number
}

const LIMIT_ALLOWED = `an integer from ${KAITEN_SH_LIMIT.min} to ${KAITEN_SH_LIMIT.max}`
const OFFSET_ALLOWED = `an integer from 0 to ${INT32_MAX}`

/**
 * Parses kaiten.sh query text as the service does. Issues of kind `constraint` are the service's 422
 * (`errors[].location` = `query.<parameter>`); `malformed` ones (unparseable timestamps) are its 400.
 */
export function parseKaitenShQuery(search: URLSearchParams): Parsed<KaitenShQuery> {
  const issues: ParameterIssue[] = []
  const query: KaitenShQuery = { limit: KAITEN_SH_LIMIT.default, offset: 0 }

  const limit = single(search, 'limit', issues)
  if (limit !== undefined) {
    const judged = judgeIntegerText(limit, KAITEN_SH_LIMIT)
    if (judged.kind === 'within') query.limit = judged.value
    else issues.push({ parameter: 'limit', value: limit, allowed: LIMIT_ALLOWED, kind: 'constraint' })
  }

  const offset = single(search, 'offset', issues)
  if (offset !== undefined) {
    const judged = judgeIntegerText(offset, { min: 0, max: INT32_MAX })
    if (judged.kind === 'within') query.offset = judged.value
    else issues.push({ parameter: 'offset', value: offset, allowed: OFFSET_ALLOWED, kind: 'constraint' })
  }

  // An empty event_name is the same as none to the service (its framework treats empty query values as absent).
  const eventName = single(search, 'event_name', issues)
  if (eventName) query.eventName = eventName

  for (const name of ['after', 'before'] as const) {
    const text = single(search, name, issues)
    if (text === undefined || text === '') continue
    const instant = parseDateTime(text)
    if (instant === null)
      issues.push({ parameter: name, value: text, allowed: DATE_TIME_ALLOWED, kind: 'malformed' })
    else query[name] = instant
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: query }
}

/** Checks a caller's parameters and renders them as query text, or returns every issue found. */
export function toKaitenShSearchParams(params: KaitenShListParams | undefined): Parsed<URLSearchParams> {
  return renderChecked(params, kaitenShParameterKinds, parseKaitenShQuery)
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
