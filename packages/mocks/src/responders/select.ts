// What each API returns for a parsed query: the stretch of the newest-first timeline inside the time bounds (binary
// search), the other filters over it, then the page. A page without other filters is a slice of that stretch; a
// filtered one stops reading once it has its items.

import type { KaitenRuQuery, KaitenShQuery } from '@kaiten-audit/query'
import type { AuditLogEvent, AuditTrailEntry } from '@kaiten-audit/types'
import { indexRange, type Timeline } from '../store/timeline-index.js'

function page<T>(
  timeline: Timeline<T>,
  bounds: { from: number | undefined; to: number | undefined },
  matches: ((item: T) => boolean) | undefined,
  { offset, limit }: { offset: number; limit: number },
): T[] {
  const { start, end } = indexRange(timeline.instants, bounds.from, bounds.to)
  if (!matches)
    return timeline.items.slice(Math.min(start + offset, end), Math.min(start + offset + limit, end))
  const items: T[] = []
  let skipped = 0
  for (let index = start; index < end && items.length < limit; index++) {
    const item = timeline.items[index] as T
    if (!matches(item)) continue
    if (skipped < offset) skipped++
    else items.push(item)
  }
  return items
}

/** kaiten.sh: `event_name` exact, `after` / `before` inclusive. */
export function selectKaitenShPage(
  timeline: Timeline<AuditTrailEntry>,
  query: KaitenShQuery,
): AuditTrailEntry[] {
  const { eventName } = query
  return page(
    timeline,
    { from: query.after, to: query.before },
    eventName === undefined ? undefined : (entry) => entry.eventName === eventName,
    query,
  )
}

/** kaiten.ru: every filter combines with AND; `categories` / `actions` match any listed value. */
export function selectKaitenRuPage(timeline: Timeline<AuditLogEvent>, query: KaitenRuQuery): AuditLogEvent[] {
  const { authorId, authorUid, id } = query
  const categories = query.categories && new Set<string>(query.categories)
  const actions = query.actions && new Set<string>(query.actions)
  const filtering =
    authorId !== undefined ||
    authorUid !== undefined ||
    id !== undefined ||
    categories !== undefined ||
    actions !== undefined
  const matches = (event: AuditLogEvent) => {
    if (id !== undefined && event.id.toLowerCase() !== id.toLowerCase()) return false
    // authorId is canonical digits, so an id beyond 2^53 never matches a nearby one.
    if (authorId !== undefined && String(event.author_id) !== authorId) return false
    if (authorUid !== undefined && event.author_uid !== authorUid) return false
    if (categories && !categories.has(event.category)) return false
    if (actions && !actions.has(event.action)) return false
    return true
  }
  return page(timeline, { from: query.from, to: query.to }, filtering ? matches : undefined, query)
}
