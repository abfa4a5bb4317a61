// kaiten.ru filters: categories, actions, author and id hold on every event returned, derived from real events.
import type { KaitenRuListParams } from '@kaiten-audit/query'
import {
  type AuditLogAction,
  type AuditLogCategory,
  type AuditLogEvent,
  auditLogActionValues,
  auditLogCategoryValues,
} from '@kaiten-audit/types'
import { describeExchange, show } from '../../http/exchange.js'
import type { RuleId } from '../../rules/index.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import { expectAnchorListed, reportLimited, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenRuTarget } from '../targets.js'
import { kaitenRuList } from './list.js'

const FILTER_PAGE = 100

/** Lists with `params` up to `anchor`'s own time and checks `field` on every event, and that `anchor` came back. */
async function expectFilterHolds(
  context: CheckContext<KaitenRuTarget>,
  params: KaitenRuListParams,
  anchor: AuditLogEvent,
  field: keyof AuditLogEvent,
  holds: (value: unknown) => boolean,
  expected: string,
): Promise<void> {
  const page = await kaitenRuList.list(context, { ...params, to: anchor.created, limit: FILTER_PAGE })
  const request = describeExchange(page.exchange)
  reportLimited(
    context,
    page.items.flatMap((event, index) =>
      holds(event[field])
        ? []
        : [
            {
              message: `an event that does not match the filter was returned`,
              path: `$.body[${index}].${String(field)}`,
              expected,
              actual: show(event[field]),
            },
          ],
    ),
    request,
  )
  expectAnchorListed(context, kaitenRuList, page, anchor, FILTER_PAGE, 'event')
}

/** Up to two distinct known values of `field` found in the sample, newest event first. */
function knownValues<V extends string>(
  events: readonly AuditLogEvent[],
  field: 'category' | 'action',
  known: readonly V[],
): { values: V[]; anchor: AuditLogEvent } | undefined {
  const allowed = new Set<string>(known)
  const values: V[] = []
  let anchor: AuditLogEvent | undefined
  for (const event of events) {
    const value = event[field]
    if (!allowed.has(value) || values.includes(value as V)) continue
    values.push(value as V)
    anchor ??= event
    if (values.length === 2) break
  }
  return anchor ? { values, anchor } : undefined
}

function listFilterCheck(
  field: 'category' | 'action',
  parameter: 'categories' | 'actions',
  known: readonly string[],
  rules: readonly RuleId[],
): CheckDefinition<KaitenRuTarget> {
  return {
    id: `kaiten-ru.filters.${parameter}`,
    api: 'kaiten-ru',
    group: 'filters',
    title: `\`${parameter}\` (a comma-separated list) holds on every event`,
    rules,
    async run(context) {
      const sample = await samplePage(context, kaitenRuList)
      requireItems(context, sample.items, 1, 'events', `to pick ${parameter}`)
      const picked = knownValues(sample.items, field, known)
      if (!picked) return context.skip(`no sampled event has a documented ${field}`)
      const wanted = new Set<string>(picked.values)
      await expectFilterHolds(
        context,
        { [parameter]: picked.values } as KaitenRuListParams,
        picked.anchor,
        field,
        (value) => typeof value === 'string' && wanted.has(value),
        `one of ${picked.values.join(',')}`,
      )
    },
  }
}

export const categoriesCheck = listFilterCheck(
  'category',
  'categories',
  auditLogCategoryValues as readonly AuditLogCategory[],
  ['RU-12', 'RU-13'],
)
export const actionsCheck = listFilterCheck(
  'action',
  'actions',
  auditLogActionValues as readonly AuditLogAction[],
  ['RU-15'],
)

/** Filters by `anchor`'s own author (by id or by uid) and checks every event returned has that author. */
function expectAuthorFilterHolds(
  context: CheckContext<KaitenRuTarget>,
  anchor: AuditLogEvent,
  field: 'author_id' | 'author_uid',
): Promise<void> {
  const author = anchor[field]
  return expectFilterHolds(
    context,
    { [field]: author ?? undefined } as KaitenRuListParams,
    anchor,
    field,
    (value) => value === author,
    show(author),
  )
}

export const authorCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.filters.author',
  api: 'kaiten-ru',
  group: 'filters',
  title: '`author_id` and `author_uid` hold on every event',
  rules: ['RU-10', 'RU-11'],
  async run(context) {
    const sample = await samplePage(context, kaitenRuList)
    const byId = sample.items.find((event) => typeof event.author_id === 'number')
    const byUid = sample.items.find(
      (event) => typeof event.author_uid === 'string' && event.author_uid !== '',
    )
    if (!byId && !byUid) context.skip('no sampled event names its author')
    if (byId) await expectAuthorFilterHolds(context, byId, 'author_id')
    if (byUid) await expectAuthorFilterHolds(context, byUid, 'author_uid')
  },
}

export const idCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.filters.id',
  api: 'kaiten-ru',
  group: 'filters',
  title: '`id` returns exactly that event',
  rules: ['RU-18'],
  async run(context) {
    const sample = await samplePage(context, kaitenRuList)
    requireItems(context, sample.items, 1, 'events', 'to pick an id')
    const chosen = sample.items[Math.floor(sample.items.length / 2)]
    if (!chosen) return
    const page = await kaitenRuList.list(context, { id: chosen.id })
    const ids = page.items.map((event) => event.id)
    if (ids.length !== 1 || ids[0] !== chosen.id) {
      context.fail(`id=${chosen.id} must return exactly that event`, {
        request: describeExchange(page.exchange),
        path: '$.body',
        expected: `[${chosen.id}]`,
        actual: ids.length > 3 ? `${ids.length} events` : `[${ids.join(', ')}]`,
      })
    }
  },
}
