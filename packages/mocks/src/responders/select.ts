// What each API returns for a parsed query: plain filter, newest-first order (kept by the stores), then the page.

import type { KaitenRuQuery, KaitenShQuery } from '@kaiten-audit/query'
import type { AuditLogEvent, AuditTrailEntry } from '@kaiten-audit/types'
import { cachedInstant } from '../store/instant-cache.js'

export interface Page<T> {
  items: T[]
  /** How many items matched the filters in total, before `offset` / `limit`. */
  matched: number
}

/** kaiten.sh: `event_name` exact, `after` / `before` inclusive. `entries` must already be newest first. */
export function selectKaitenShPage(
  entries: readonly AuditTrailEntry[],
  query: KaitenShQuery,
): Page<AuditTrailEntry> {
  const { eventName, after, before } = query
  const filtering = eventName !== undefined || after !== undefined || before !== undefined
  const matching = filtering
    ? entries.filter((entry) => {
        if (eventName !== undefined && entry.eventName !== eventName) return false
        if (after === undefined && before === undefined) return true
        const at = cachedInstant(entry)
        return (after === undefined || at >= after) && (before === undefined || at <= before)
      })
    : entries
  return { items: matching.slice(query.offset, query.offset + query.limit), matched: matching.length }
}

/** kaiten.ru: every filter combines with AND; `categories` / `actions` match any listed value. */
export function selectKaitenRuPage(
  events: readonly AuditLogEvent[],
  query: KaitenRuQuery,
): Page<AuditLogEvent> {
  const { from, to, authorId, authorUid, id } = query
  const categories = query.categories && new Set<string>(query.categories)
  const actions = query.actions && new Set<string>(query.actions)
  const filtering =
    from !== undefined ||
    to !== undefined ||
    authorId !== undefined ||
    authorUid !== undefined ||
    id !== undefined ||
    categories !== undefined ||
    actions !== undefined
  const matching = filtering
    ? events.filter((event) => {
        if (id !== undefined && event.id.toLowerCase() !== id.toLowerCase()) return false
        // authorId is canonical digits, so an id beyond 2^53 never matches a nearby one.
        if (authorId !== undefined && String(event.author_id) !== authorId) return false
        if (authorUid !== undefined && event.author_uid !== authorUid) return false
        if (categories && !categories.has(event.category)) return false
        if (actions && !actions.has(event.action)) return false
        if (from === undefined && to === undefined) return true
        const at = cachedInstant(event)
        return (from === undefined || at >= from) && (to === undefined || at <= to)
      })
    : events
  return { items: matching.slice(query.offset, query.offset + query.limit), matched: matching.length }
}
