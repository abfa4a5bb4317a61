// kaiten.ru filters, each compared with exactly the reference window's events that match: a list means the union
// of its values, different filters intersect, and every documented value is accepted.
import type { AuditLogEvent } from '@kaiten-audit/types'
import { describeExchange } from '../../http/exchange.js'
import type { RuleId } from '../../rules/index.js'
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import { arrayItems } from '../shared/list-api.js'
import { instantMicros } from '../shared/reference-window.js'
import type { KaitenRuTarget } from '../targets.js'
import { listEvents, sendAuditLogs } from './list.js'
import { describeEvent, type KaitenRuWindow, kaitenRuWindow } from './window.js'

/** How often each value of `field` occurs in `events`, rarest first (ties in order of first appearance). */
function rarestFirst(
  events: readonly AuditLogEvent[],
  value: (event: AuditLogEvent) => string | null,
): string[] {
  const counts = new Map<string, number>()
  for (const event of events) {
    const key = value(event)
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts.keys()].sort((a, b) => (counts.get(a) as number) - (counts.get(b) as number))
}

/**
 * `parameter=a,b` over the window must give every event whose `field` is a or b: the union. Both values occur in
 * the window, so a server that applies only one of them, or applies the list after cutting the page, leaves events
 * out; one that ignores the list returns events of other values.
 */
function unionCheck(
  field: 'category' | 'action',
  parameter: 'categories' | 'actions',
  rules: readonly RuleId[],
): CheckDefinition<KaitenRuTarget> {
  return {
    id: `kaiten-ru.filters.${parameter}`,
    api: 'kaiten-ru',
    group: 'filters',
    title: `\`${parameter}=a,b\` returns exactly the window's events of a and of b (the union), newest first`,
    rules,
    async run(context) {
      const window = await kaitenRuWindow(context)
      const known = new Set(context.spec.listValues(parameter))
      const present = rarestFirst(window.items, (event) => (known.has(event[field]) ? event[field] : null))
      if (present.length < 2) {
        context.skip(
          `the reference window holds ${present.length} documented ${parameter}; a union needs two`,
        )
      }
      const values = present.slice(0, 2)
      const expected = window.items.filter((event) => values.includes(event[field]))
      if (expected.length === window.items.length) {
        context.note(
          `the window holds only ${values.join(' and ')} events, so a server that ignores ${parameter} cannot be told apart`,
        )
      }
      const asked = `${parameter}=${values.join(',')}`
      const page = await window.probe({ [parameter]: values.join(',') }, expected.length)
      await window.expect(page, { asked, expected, describe: describeEvent })
    },
  }
}

export const categoriesCheck = unionCheck('category', 'categories', ['RU-12', 'RU-13'])
export const actionsCheck = unionCheck('action', 'actions', ['RU-15'])

export const everyDocumentedValueCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.filters.every-documented-value',
  api: 'kaiten-ru',
  group: 'filters',
  title:
    'Every documented category and action is accepted: all of them in one request give exactly the window’s events that have them',
  rules: ['RU-12', 'RU-15'],
  async run(context) {
    const window = await kaitenRuWindow(context)
    const documentedCategories = context.spec.listValues('categories')
    const documentedActions = context.spec.listValues('actions')
    const categories = new Set<string>(documentedCategories)
    const actions = new Set<string>(documentedActions)
    const expected = window.items.filter(
      (event) => categories.has(event.category) && actions.has(event.action),
    )
    const query = {
      categories: documentedCategories.join(','),
      actions: documentedActions.join(','),
      ...window.bounds,
      limit: String(expected.length + 1),
    }
    const exchange = await sendAuditLogs(context, rawQuery(query))
    if (exchange.status !== 200) {
      return context.fail(
        `every documented category and action in one request was refused with ${exchange.status}: the server does not accept all the values the vendor page lists`,
        { request: describeExchange(exchange), expected: '200', actual: String(exchange.status) },
      )
    }
    const page = { exchange, items: arrayItems(context, exchange, 'events') as AuditLogEvent[] }
    await window.expect(page, {
      asked: `all ${categories.size} categories and all ${actions.size} actions`,
      expected,
      describe: describeEvent,
    })
  },
}

/**
 * The window's authors, those whose user is gone first: `author` is then null and only the stored `author_id` /
 * `author_uid` can match (the vendor says to trust the stored fields), then the busiest. Never an author of every
 * event in the window, which would not show a server that ignores the filter.
 */
function authorsToProbe(window: KaitenRuWindow): AuditLogEvent[] {
  const byAuthor = new Map<number, { event: AuditLogEvent; count: number; gone: boolean }>()
  for (const event of window.items) {
    if (event.author_id === null) continue
    const seen = byAuthor.get(event.author_id) ?? { event, count: 0, gone: false }
    seen.count++
    seen.gone ||= event.author === null
    byAuthor.set(event.author_id, seen)
  }
  return [...byAuthor.values()]
    .filter(({ count }) => count < window.items.length)
    .sort((a, b) => Number(b.gone) - Number(a.gone) || b.count - a.count)
    .map(({ event }) => event)
}

export const authorCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.filters.author',
  api: 'kaiten-ru',
  group: 'filters',
  title: '`author_id` and `author_uid` each return exactly the window’s events of that author',
  rules: ['RU-10', 'RU-11'],
  async run(context) {
    const window = await kaitenRuWindow(context)
    const authors = authorsToProbe(window)
    const byId = authors[0]
    if (!byId) return context.skip('no event in the reference window names its author')
    const byUid = authors.find((event) => event.author_uid !== null && event.author_uid !== '')
    const probes: { parameter: 'author_id' | 'author_uid'; value: string; expected: AuditLogEvent[] }[] = [
      {
        parameter: 'author_id',
        value: String(byId.author_id),
        expected: window.items.filter((event) => event.author_id === byId.author_id),
      },
    ]
    // Another author than the id probe's when there is one, so the two probes do not share a blind spot.
    const uidAuthor = authors.find((event) => event !== byId && event.author_uid) ?? byUid
    if (uidAuthor?.author_uid) {
      const uid = uidAuthor.author_uid
      probes.push({
        parameter: 'author_uid',
        value: uid,
        expected: window.items.filter((event) => event.author_uid === uid),
      })
    }
    for (const { parameter, value, expected } of probes) {
      const page = await window.probe({ [parameter]: value }, expected.length)
      await window.expect(page, { asked: `${parameter}=${value}`, expected, describe: describeEvent })
    }
  },
}

export const idCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.filters.id',
  api: 'kaiten-ru',
  group: 'filters',
  title: '`id` returns exactly that event; an id no event has returns [] (200)',
  rules: ['RU-18'],
  async run(context) {
    const window = await kaitenRuWindow(context)
    const chosen = window.items[Math.floor(window.items.length / 2)] as AuditLogEvent
    const page = await window.probe({ id: chosen.id }, 1)
    await window.expect(page, { asked: `id=${chosen.id}`, expected: [chosen], describe: describeEvent })

    // Random, so no event can have it; a filter that finds nothing is an empty page, not an error.
    const unknown = crypto.randomUUID()
    const none = await listEvents(context, { id: unknown, ...window.bounds, limit: '1' })
    if (none.items.length > 0) {
      context.fail(`id=${unknown} (an id no event has) must give []`, {
        request: describeExchange(none.exchange),
        path: '$.body',
        expected: '[]',
        actual: `${none.items.length} events, the first with id ${none.items[0]?.id}`,
      })
    }
  },
}

/** One millisecond after the event's own time, written as the API writes times. */
function justAfter(event: AuditLogEvent): string {
  const micros = instantMicros(event.created) as number
  return new Date(Math.floor(micros / 1000) + 1).toISOString()
}

/**
 * An author and a category whose events in the window overlap without either containing the other, so the
 * intersection is a non-empty strict subset of each filter's own result: dropping either filter, or reading them
 * as "or", returns more.
 */
function overlappingPair(window: KaitenRuWindow): { author: number; category: string } | undefined {
  let best: { author: number; category: string; both: number } | undefined
  const count = (keep: (event: AuditLogEvent) => boolean) => window.items.filter(keep).length
  const seen = new Set<string>()
  for (const event of window.items) {
    const author = event.author_id
    const key = `${author}/${event.category}`
    if (author === null || seen.has(key)) continue
    seen.add(key)
    const both = count((other) => other.author_id === author && other.category === event.category)
    const byAuthor = count((other) => other.author_id === author)
    const byCategory = count((other) => other.category === event.category)
    if (both < byAuthor && both < byCategory && (!best || both > best.both)) {
      best = { author, category: event.category, both }
    }
  }
  return best
}

export const combinedFiltersCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.filters.combined',
  api: 'kaiten-ru',
  group: 'filters',
  title:
    'Different filters intersect: `author_id` with `categories` gives exactly the events matching both; `id` with a window that excludes the event gives []',
  rules: ['RU-20'],
  async run(context) {
    const window = await kaitenRuWindow(context)
    const pair = overlappingPair(window)
    if (pair) {
      const expected = window.items.filter(
        (event) => event.author_id === pair.author && event.category === pair.category,
      )
      const query = { author_id: String(pair.author), categories: pair.category }
      const page = await window.probe(query, expected.length)
      await window.expect(page, {
        asked: `author_id=${pair.author} with categories=${pair.category}`,
        expected,
        describe: describeEvent,
      })
    } else {
      context.note(
        'no author and category in the reference window overlap partly; their intersection was not probed',
      )
    }

    const excluded = window.items[Math.floor(window.items.length / 2)] as AuditLogEvent
    const from = justAfter(excluded)
    // Closed by the window's end where that still lies after `from`, so no server has to scan up to now.
    const query: Record<string, string> = { id: excluded.id, from, limit: '2' }
    if ((instantMicros(window.bounds.to) as number) >= (instantMicros(from) as number))
      query.to = window.bounds.to
    const outside = await listEvents(context, query)
    if (outside.items.length > 0) {
      context.fail(
        `id=${excluded.id} with from=${from} (after that event's own time) must give []: the filters must all hold`,
        {
          request: describeExchange(outside.exchange),
          path: '$.body',
          expected: '[]',
          actual: outside.items.map(describeEvent).join('; '),
        },
      )
    }
  },
}
