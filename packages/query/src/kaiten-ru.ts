import {
  type AuditLogAction,
  type AuditLogCategory,
  auditLogActionValues,
  auditLogCategoryValues,
} from '@kaiten-audit/types'
import { parseCsvEnum } from './csv.js'
import { DATE_TIME_ALLOWED, parseDateTime } from './date-time.js'
import { canonicalIntegerText, judgeIntegerText } from './integer-text.js'
import type { ParameterIssue, Parsed } from './issues.js'
import { type ParameterKind, renderChecked, single } from './wire.js'

/** developers.kaiten.ru: default 100, at most 500; above 500 the API applies 500 and 0 means the default. */
export const KAITEN_RU_LIMIT = { default: 100, max: 500 } as const

/** kaiten.ru: 5 requests per second (API root page). */
export const KAITEN_RU_RATE_LIMIT = { requests: 5, windowMs: 1000 } as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface KaitenRuListParams {
  /** Events created at or after this instant (inclusive). */
  from?: string | Date
  /** Events created at or before this instant (inclusive). */
  to?: string | Date
  author_id?: number
  author_uid?: string
  categories?: readonly AuditLogCategory[]
  actions?: readonly AuditLogAction[]
  /** An event id (UUID). */
  id?: string
  /** 0 means the default (100); values above 500 are applied as 500 by the server. */
  limit?: number
  offset?: number
}

export const kaitenRuParameterKinds: Readonly<Record<keyof KaitenRuListParams, ParameterKind>> = {
  from: 'date-time',
  to: 'date-time',
  author_id: 'integer',
  author_uid: 'string',
  categories: 'enum-list',
  actions: 'enum-list',
  id: 'string',
  limit: 'integer',
  offset: 'integer',
}

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
}

/** The page size kaiten.ru applies for a requested limit: 0 or absent → 100, above 500 → 500. */
export function effectiveKaitenRuLimit(requested: number | undefined): number {
  if (requested === undefined || requested === 0) return KAITEN_RU_LIMIT.default
  return Math.min(requested, KAITEN_RU_LIMIT.max)
}

/** Parses kaiten.ru query text exactly as the mocks apply it; every issue is a 400 from the real API. */
export function parseKaitenRuQuery(search: URLSearchParams): Parsed<KaitenRuQuery> {
  const issues: ParameterIssue[] = []
  const query: KaitenRuQuery = { limit: KAITEN_RU_LIMIT.default, offset: 0 }

  for (const name of ['from', 'to'] as const) {
    const text = single(search, name, issues)
    if (text === undefined) continue
    const instant = parseDateTime(text)
    if (instant === null)
      issues.push({ parameter: name, value: text, allowed: DATE_TIME_ALLOWED, kind: 'malformed' })
    else query[name] = instant
  }

  const authorId = single(search, 'author_id', issues)
  if (authorId !== undefined) {
    const value = canonicalIntegerText(authorId)
    if (value === null)
      issues.push({
        parameter: 'author_id',
        value: authorId,
        allowed: 'an integer user id',
        kind: 'constraint',
      })
    else query.authorId = value
  }

  const authorUid = single(search, 'author_uid', issues)
  if (authorUid !== undefined) query.authorUid = authorUid

  const categories = single(search, 'categories', issues)
  if (categories !== undefined) {
    const result = parseCsvEnum('categories', categories, auditLogCategoryValues)
    if ('issue' in result) issues.push(result.issue)
    else query.categories = result.values
  }

  const actions = single(search, 'actions', issues)
  if (actions !== undefined) {
    const result = parseCsvEnum('actions', actions, auditLogActionValues)
    if ('issue' in result) issues.push(result.issue)
    else query.actions = result.values
  }

  const id = single(search, 'id', issues)
  if (id !== undefined) {
    if (UUID.test(id)) query.id = id
    else issues.push({ parameter: 'id', value: id, allowed: 'an event id (UUID)', kind: 'constraint' })
  }

  const limit = single(search, 'limit', issues)
  if (limit !== undefined) {
    const judged = judgeIntegerText(limit, { min: 0, max: KAITEN_RU_LIMIT.max })
    if (judged.kind === 'not-an-integer' || judged.kind === 'below') {
      issues.push({
        parameter: 'limit',
        value: limit,
        allowed: `an integer ≥ 0 (0 means ${KAITEN_RU_LIMIT.default}; above ${KAITEN_RU_LIMIT.max} the API applies ${KAITEN_RU_LIMIT.max})`,
        kind: 'constraint',
      })
    } else {
      query.requestedLimit = canonicalIntegerText(limit) as string
      // However many digits: the API applies 500 to any limit above 500.
      query.limit = judged.kind === 'above' ? KAITEN_RU_LIMIT.max : effectiveKaitenRuLimit(judged.value)
    }
  }

  const offset = single(search, 'offset', issues)
  if (offset !== undefined) {
    const judged = judgeIntegerText(offset, { min: 0 })
    if (judged.kind === 'not-an-integer' || judged.kind === 'below')
      issues.push({ parameter: 'offset', value: offset, allowed: 'an integer ≥ 0', kind: 'constraint' })
    // An offset beyond 2^53 − 1 skips more events than any company has: the page is empty either way.
    else query.offset = judged.kind === 'above' ? Number.MAX_SAFE_INTEGER : judged.value
  }

  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: query }
}

/** Checks a caller's parameters and renders them as query text, or returns every issue found. */
export function toKaitenRuSearchParams(params: KaitenRuListParams | undefined): Parsed<URLSearchParams> {
  return renderChecked(params, kaitenRuParameterKinds, parseKaitenRuQuery)
}
