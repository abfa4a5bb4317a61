// Query parameters a spec adds that the named parsers do not know (they arrive under `others`): when one is named
// like a field of the items, it filters by that field, so a filter the vendor adds works in the fakes without code.

import type { QueryValue } from '@kaiten-audit/query'
import type { ApiOperation } from '@kaiten-audit/types'
import type { Timeline } from '../store/timeline-index.js'

function matches(field: unknown, value: QueryValue): boolean {
  switch (value.type) {
    case 'string':
      return field === value.text
    case 'list':
      return value.items.some((item) => String(field) === item)
    case 'integer':
      return typeof field === 'number' && field === value.value
    case 'number':
    case 'boolean':
      return field === value.value
    case 'date-time':
      return typeof field === 'string' && Date.parse(field) * 1000 === value.micros
  }
}

/** `items` narrowed by every added parameter that names an item field; the same array when none does. */
export function filterByAddedParameters<T extends object>(
  items: readonly T[],
  others: Readonly<Record<string, QueryValue>> | undefined,
  operation: ApiOperation,
): readonly T[] {
  if (!others) return items
  const fields = new Set((operation.item?.fields ?? []).map((field) => field.name))
  const filters = Object.entries(others).filter(([name]) => fields.has(name))
  if (filters.length === 0) return items
  return items.filter((item) =>
    filters.every(([name, value]) => matches((item as Record<string, unknown>)[name], value)),
  )
}

/** `timeline` narrowed by every added parameter that names an item field; the same timeline when none does. */
export function filterTimelineByAddedParameters<T extends object>(
  timeline: Timeline<T>,
  others: Readonly<Record<string, QueryValue>> | undefined,
  operation: ApiOperation,
): Timeline<T> {
  const items = filterByAddedParameters(timeline.items, others, operation)
  if (items === timeline.items) return timeline
  const kept = new Set(items)
  const instants = timeline.instants.filter((_, index) => kept.has(timeline.items[index] as T))
  return { items, instants }
}
