// Pagination checks both APIs share: a small-page walk against one large page, order, the end of the list.

import { INTEGER_FORMAT_RANGES } from '@kaiten-audit/types'
import { describeExchange } from '../../http/exchange.js'
import type { RuleId } from '../../rules/index.js'
import { OperationSpec } from '../../spec/operation.js'
import type { CheckDefinition } from '../context.js'
import type { Target } from '../targets.js'
import { type ListApi, type PagingParams, reportLimited, sampleWindow } from './list-api.js'

/**
 * An offset far past any end: the largest the schema allows (int32 for kaiten.sh), or, where it sets no maximum
 * (kaiten.ru), one past int32, which a server must not overflow on.
 */
function farOffset(spec: OperationSpec): number {
  return spec.largestValue('offset') ?? (INTEGER_FORMAT_RANGES.int32?.max ?? 0) + 1
}

/** Three pages over a window of ~40 items, and not a divisor of 41, so the last page is short. */
const WALK_PAGE_SIZE = 14

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
      const { bounds, whole: large } = await sampleWindow(context, api)
      const expected = large.items.map((item) => api.idOf(item))
      // A full large page only shows the window's first `max` items; compare the walk over those.
      const full = expected.length >= context.spec.pageLimits.max
      const walked: { id: string; page: number }[] = []
      const maxPages = Math.ceil(expected.length / WALK_PAGE_SIZE) + 2
      let offset = 0
      let ended = false
      for (let page = 1; page <= maxPages; page++) {
        const { items } = await api.list(context, { ...bounds, limit: WALK_PAGE_SIZE, offset })
        for (const item of items) walked.push({ id: api.idOf(item), page })
        // Advance by what the page held, not by what was asked for.
        offset += items.length
        if (items.length < WALK_PAGE_SIZE || (full && walked.length >= expected.length)) {
          ended = true
          break
        }
      }
      const request = `${describeExchange(large.exchange)} vs pages of limit=${WALK_PAGE_SIZE}`
      if (!ended) {
        context.fail(
          `the walk with limit=${WALK_PAGE_SIZE} did not reach a short page within ${maxPages} pages, although the single page over the same window held ${expected.length} ${api.noun}`,
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
      context.note(`walked ${expected.length} ${api.noun} in pages of ${WALK_PAGE_SIZE}`)
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
      const last = whole.items[count - 1] as Item
      const atLast = await api.list(context, {
        ...bounds,
        limit: context.spec.pageLimits.max,
        offset: count - 1,
      })
      if (atLast.items.length !== 1 || api.idOf(atLast.items[0] as Item) !== api.idOf(last)) {
        context.fail(
          `offset=${count - 1} in a window of ${count} ${api.noun} must give exactly the last one`,
          {
            request: describeExchange(atLast.exchange),
            expected: `[${api.idOf(last)}]`,
            actual: `[${atLast.items.map((item) => api.idOf(item)).join(', ')}]`,
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
