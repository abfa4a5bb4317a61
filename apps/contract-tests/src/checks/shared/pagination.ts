// Pagination checks both APIs share: a small-page walk against one large page, order, the end of the list.

import { INTEGER_FORMAT_RANGES } from '@kaiten-audit/types'
import { describeExchange } from '../../http/exchange.js'
import type { RuleId } from '../../rules/index.js'
import { OperationSpec } from '../../spec/operation.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import type { Target } from '../targets.js'
import { type ListApi, type PagingParams, reportLimited, sampleWindow } from './list-api.js'

/**
 * An offset far past any end: the largest the schema allows (int32 for kaiten.sh), or, where it sets no maximum
 * (kaiten.ru), one past int32, which a server must not overflow on.
 */
function farOffset(spec: OperationSpec): number {
  return spec.largestValue('offset') ?? (INTEGER_FORMAT_RANGES.int32?.max ?? 0) + 1
}

/**
 * Two pages over the window: a first one holding just over half, and a short one that ends the walk. The smallest
 * walk that still shows a gap or an overlap between pages and where the last page ends.
 */
function walkPageSize(count: number): number {
  return Math.floor(count / 2) + 1
}

interface Walk<Item> {
  pageSize: number
  maxPages: number
  /** Each page of the walk with the offset it was asked at, in order. */
  pages: { offset: number; items: Item[] }[]
  /** Whether the walk reached a short page (or, over a full window, as many items as it held). */
  ended: boolean
}

/**
 * The window walked in small pages, read once per run: the no-gaps check judges every page, the offset-past-end
 * check takes the walk's last page as the one that must end at the window's last item.
 */
function windowWalk<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
): Promise<Walk<Item>> {
  return context.shared.memo('walk', async () => {
    const { bounds, whole } = await sampleWindow(context, api)
    const count = whole.items.length
    // A full large page only shows the window's first `max` items; the walk need not go past them.
    const full = count >= context.spec.pageLimits.max
    const pageSize = walkPageSize(count)
    const maxPages = Math.ceil(count / pageSize) + 2
    const pages: Walk<Item>['pages'] = []
    let offset = 0
    let walked = 0
    for (let page = 1; page <= maxPages; page++) {
      const { items } = await api.list(context, { ...bounds, limit: pageSize, offset })
      pages.push({ offset, items })
      walked += items.length
      // Advance by what the page held, not by what was asked for.
      offset += items.length
      if (items.length < pageSize || (full && walked >= count))
        return { pageSize, maxPages, pages, ended: true }
    }
    return { pageSize, maxPages, pages, ended: false }
  })
}

export function noGapsNoOverlapsCheck<T extends Target, Item, P extends PagingParams>(
  api: ListApi<T, Item, P>,
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api.api}.pagination.no-gaps-no-overlaps`,
    api: api.api,
    group: 'pagination',
    title: 'Pages have no gaps and no overlaps',
    rules,
    async run(context) {
      const { whole: large } = await sampleWindow(context, api)
      const expected = large.items.map((item) => api.idOf(item))
      const full = expected.length >= context.spec.pageLimits.max
      const { pageSize, maxPages, pages, ended } = await windowWalk(context, api)
      const walked = pages.flatMap(({ items }, index) =>
        items.map((item) => ({ id: api.idOf(item), page: index + 1 })),
      )
      const request = `${describeExchange(large.exchange)} vs pages of limit=${pageSize}`
      if (!ended) {
        context.fail(
          `the walk with limit=${pageSize} did not reach a short page within ${maxPages} pages, although the single page over the same window held ${expected.length} ${api.noun}`,
          {
            request,
            expected: `≤ ${maxPages} pages`,
            actual: `${walked.length} ${api.noun} and still going`,
          },
        )
      }
      const compared = full ? walked.slice(0, expected.length) : walked
      const firstPage = new Map<string, number>()
      const overlaps: { message: string }[] = []
      for (const { id, page } of compared) {
        const seen = firstPage.get(id)
        if (seen === undefined) firstPage.set(id, page)
        else
          overlaps.push({ message: `overlap: id ${id} appeared on page ${seen} and again on page ${page}` })
      }
      const expectedSet = new Set(expected)
      const gaps = expected
        .map((id, position) => ({ id, position }))
        .filter(({ id }) => !firstPage.has(id))
        .map(({ id, position }) => ({
          message: `gap: id ${id} (position ${position} of the single page) appeared on no page of the walk`,
        }))
      const extras = [...firstPage.keys()]
        .filter((id) => !expectedSet.has(id))
        .map((id) => ({
          message: `the walk returned id ${id}, which the single page over the same window did not`,
        }))
      reportLimited(context, overlaps, request)
      reportLimited(context, gaps, request)
      reportLimited(context, extras, request)
      if (overlaps.length + gaps.length + extras.length === 0) {
        const position = compared.findIndex(({ id }, index) => id !== expected[index])
        if (position >= 0) {
          context.fail(`the walk and the single page hold the same ${api.noun} in a different order`, {
            request,
            path: `$.body[${position}].id`,
            expected: String(expected[position]),
            actual: String(compared[position]?.id),
          })
        }
      }
      context.note(`walked ${expected.length} ${api.noun} in pages of ${pageSize}`)
    },
  }
}

export function orderCheck<T extends Target, Item, P extends PagingParams>(
  api: ListApi<T, Item, P>,
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api.api}.pagination.order`,
    api: api.api,
    group: 'pagination',
    title: 'The same request twice lists the same items in the same order',
    rules,
    async run(context) {
      // Offset paging only works when a request lists its items in one order every time, ties included.
      const { bounds, whole: first } = await sampleWindow(context, api)
      const second = await api.list(context, { ...bounds, limit: context.spec.pageLimits.max })
      const firstIds = first.items.map((item) => api.idOf(item))
      const secondIds = second.items.map((item) => api.idOf(item))
      const position = firstIds.findIndex((id, index) => id !== secondIds[index])
      if (position >= 0 || firstIds.length !== secondIds.length) {
        const at = position >= 0 ? position : Math.min(firstIds.length, secondIds.length)
        context.fail('the same request twice listed different items or a different order', {
          request: describeExchange(second.exchange),
          path: `$.body[${at}].id`,
          expected: String(firstIds[at] ?? 'absent'),
          actual: String(secondIds[at] ?? 'absent'),
        })
      }
    },
  }
}

export function offsetPastEndCheck<T extends Target, Item, P extends PagingParams>(
  api: ListApi<T, Item, P>,
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api.api}.pagination.offset-past-end`,
    api: api.api,
    group: 'pagination',
    title: `An offset past the end gives [], also offset=${farOffset(OperationSpec.of(api.api))} (${OperationSpec.of(api.api).largestValue('offset') === undefined ? 'no maximum is documented' : 'the largest the schema allows'})`,
    rules,
    async run(context) {
      const { bounds, whole } = await sampleWindow(context, api)
      const count = whole.items.length
      if (count === 0 || count >= context.spec.pageLimits.max) {
        context.skip(`the time window held ${count} ${api.noun}; its end cannot be located`)
      }
      // The walk's short last page is the one that reaches the end: it must end at the window's last item.
      const walk = await windowWalk(context, api)
      const final = walk.pages.at(-1)
      const last = whole.items[count - 1] as Item
      const lastId = final?.items.at(-1)
      if (
        !final ||
        lastId === undefined ||
        api.idOf(lastId) !== api.idOf(last) ||
        final.offset + final.items.length !== count
      ) {
        const label = final ? `offset=${final.offset}&limit=${walk.pageSize}` : 'the walk'
        context.fail(
          `${label}, the last page of a window of ${count} ${api.noun}, must end with its last one`,
          {
            request: `${describeExchange(whole.exchange)} vs pages of limit=${walk.pageSize}`,
            expected: `id ${api.idOf(last)} at offset ${count - 1}`,
            actual: final
              ? `${final.items.length} ${api.noun} from offset ${final.offset}, the last ${lastId === undefined ? 'absent' : `id ${api.idOf(lastId)}`}`
              : 'no page',
          },
        )
      }
      for (const offset of [count, farOffset(context.spec)]) {
        const past = await api.list(context, { ...bounds, limit: context.spec.pageLimits.max, offset })
        if (past.items.length > 0) {
          context.fail(
            `offset=${offset} is past the end of a window of ${count} ${api.noun} and must give []`,
            {
              request: describeExchange(past.exchange),
              path: '$.body',
              expected: '[]',
              actual: `${past.items.length} ${api.noun}`,
            },
          )
        }
      }
    },
  }
}
