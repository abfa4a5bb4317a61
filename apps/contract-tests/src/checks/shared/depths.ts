// Pagination across the whole result, not only its first pages: a slice deep in the sample, the end of the log found
// by offsets, a slice near the end and one in the middle, each compared with answers that need no offset.
import { describeExchange } from '../../http/exchange.js'
import type { RuleId } from '../../rules/index.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import type { Target } from '../targets.js'
import { expectExactly } from './expected.js'
import {
  type ItemFilter,
  type ListApi,
  type PagingParams,
  type RecordedPage,
  samplePage,
  timeOf,
} from './list-api.js'
import { deepSlice } from './ties.js'

/** Items per depth probe. */
const SLICE = 5
/** How many tied items may precede a slice's first item at its instant before its place cannot be checked. */
const TIES_BEFORE = 10
/** Offsets grow by this factor while looking for the end, then the gap is halved. */
const GROWTH = 3
const MAX_END_PROBES = 24

interface Probe<Item> {
  offset: number
  page: RecordedPage<Item>
}

export function depthsCheck<T extends Target, Item, P extends PagingParams>(
  api: ListApi<T, Item, P>,
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api.api}.pagination.depths`,
    api: api.api,
    group: 'pagination',
    title:
      'Offsets hold at every depth: deep in the sample, on a filtered result, in the middle, near the end, and nothing after the end',
    rules,
    async run(context) {
      const sample = (await samplePage(context, api)).items
      const newest = sample[0]
      if (!newest) return context.skip(`the sample holds no ${api.noun}`)
      // Pinned at the newest sampled item, so items appended meanwhile do not shift any offset.
      const pin = api.window({ to: api.timeTextOf(newest) })
      const list = (offset: number, limit: number) => api.list(context, { ...pin, offset, limit })

      // Deep in the sample: the sample itself says what an offset there must give (the ties check's page).
      const deep = await deepSlice(context, api)
      if (deep) {
        expectExactly(context, api, deep.page, deep.expected, `offset=${deep.offset} inside the sample`)
      }
      await expectFilteredSlice(context, api, sample, pin)

      const end = await findEnd(context, api, sample.length, list)
      if (end === undefined) return

      // Near the end: the last page, found by its offset, must be the oldest items, with nothing after them.
      const { last } = end
      if (last.page.items.length > 0) await expectTail(context, api, pin, last)

      // The middle: a page the search read there, judged against listing by time, must be a run of consecutive
      // items; it was asked at another offset than the last page, so offsets agree with time order at both depths.
      const middle = end.probes
        .filter(
          (probe) => probe !== last && probe.offset >= sample.length && probe.page.items.length >= 2 * SLICE,
        )
        .sort((a, b) => Math.abs(a.offset - end.count / 2) - Math.abs(b.offset - end.count / 2))[0]
      if (middle) {
        const from = Math.floor(middle.page.items.length / 2) - SLICE
        await expectContiguous(context, api, {
          exchange: middle.page.exchange,
          items: middle.page.items.slice(from, from + 2 * SLICE),
        })
      }
      context.note(`the log held ${end.count} ${api.noun} up to the newest sampled one`)
    },
  }
}

/**
 * Offsets hold on a filtered result too: with the API's filter set to the sample's most common value, a slice deep
 * into what the sample shows of that result must be those items (a server that ignores offset with a filter, or
 * filters after paging, gives others).
 */
async function expectFilteredSlice<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  sample: readonly Item[],
  pin: P,
): Promise<void> {
  if (!api.filterOf) return
  const filterOf = api.filterOf
  const counts = new Map<string, { filter: ItemFilter<Item, P>; count: number }>()
  for (const item of sample) {
    const filter = filterOf(item)
    const known = counts.get(filter.label)
    counts.set(filter.label, { filter, count: (known?.count ?? 0) + 1 })
  }
  const common = [...counts.values()].sort((a, b) => b.count - a.count)[0]
  if (!common) return
  // Only the part of the filtered result the sample is sure to hold: items strictly newer than its oldest instant.
  const oldest = sample.at(-1) as Item
  const complete = sample.length < context.spec.pageLimits.max
  const known = sample.filter(
    (item) =>
      common.filter.matches(item) && (complete || timeOf(context, api, item) > timeOf(context, api, oldest)),
  )
  if (known.length < SLICE + 2) {
    context.note(`the sample holds too few items with ${common.filter.label} to page through`)
    return
  }
  const offset = known.length - SLICE - 1
  const page = await api.list(context, { ...pin, ...common.filter.params, offset, limit: SLICE })
  expectExactly(
    context,
    api,
    page,
    known.slice(offset, offset + SLICE),
    `${common.filter.label}&offset=${offset}`,
  )
}

/**
 * Finds the end by offsets at the maximum page size: growing offsets until a page is short or empty, then halving
 * the gap. Every answer bounds the number of items; two answers that contradict each other (an empty page at an
 * offset another page reached past) are a finding, and the search stops.
 */
async function findEnd<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  sampled: number,
  list: (offset: number, limit: number) => Promise<RecordedPage<Item>>,
): Promise<{ count: number; last: Probe<Item>; probes: Probe<Item>[] } | undefined> {
  const max = context.spec.pageLimits.max
  const ceiling = context.spec.largestValue('offset') ?? Number.MAX_SAFE_INTEGER
  // What the answers so far prove about the number of items n: low ≤ n ≤ high.
  let low = sampled
  let high = sampled < max ? sampled : Number.POSITIVE_INFINITY
  let lowBy = 'the sample'
  let highBy = sampled < max ? 'the sample (a short page)' : ''
  let offset = Math.min(sampled, max)
  const probes: Probe<Item>[] = []
  while (probes.length < MAX_END_PROBES) {
    const page = await list(offset, max)
    probes.push({ offset, page })
    const held = page.items.length
    const by = describeExchange(page.exchange)
    if (held > 0 && offset + held > low) {
      low = offset + held
      lowBy = by
    }
    if (held < max && offset + held < high) {
      high = offset + held
      highBy = by
    }
    if (low > high) {
      context.fail(`offsets contradict each other about where the ${api.noun} end`, {
        request: `${lowBy} vs ${highBy}`,
        expected: `one end: at least ${low} ${api.noun} (${lowBy})`,
        actual: `at most ${high} (${highBy})`,
      })
      return undefined
    }
    if (held > 0 && held < max) return { count: offset + held, last: probes.at(-1) as Probe<Item>, probes }
    if (low === high) {
      // The end is known but no page ended there (it fell on a page boundary): the last item must be at low − 1,
      // which one more page, judged like the others, shows.
      offset = low - 1
    } else if (high === Number.POSITIVE_INFINITY) {
      if (offset >= ceiling) {
        context.note(`the log goes on past offset ${ceiling}, the largest the spec allows`)
        return undefined
      }
      offset = Math.min(offset * GROWTH, ceiling)
    } else {
      // Centre the next page on the middle of what is still possible.
      offset = Math.max(low, Math.floor((low + high) / 2) - Math.floor(max / 2))
      if (offset >= high) offset = high - 1
    }
  }
  context.note(
    `the end lies between ${low} and ${high} ${api.noun}; not located within ${MAX_END_PROBES} pages`,
  )
  return undefined
}

/** The last page must be the oldest items: listed up to its first item's time, it is all that follows. */
async function expectTail<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  pin: P,
  last: Probe<Item>,
): Promise<void> {
  const first = last.page.items[0] as Item
  const limit = Math.min(last.page.items.length + TIES_BEFORE, context.spec.pageLimits.max)
  const tail = await api.list(context, { ...pin, ...api.window({ to: api.timeTextOf(first) }), limit })
  const at = tail.items.findIndex((item) => api.idOf(item) === api.idOf(first))
  if (at < 0) {
    context.fail(
      `the page at offset=${last.offset} is not where the ${api.noun} up to its first one's time end`,
      {
        request: describeExchange(tail.exchange),
        expected: `id ${api.idOf(first)} among the first ${TIES_BEFORE + 1}`,
        actual: `${tail.items.length} ${api.noun} without it`,
      },
    )
    return
  }
  const full = tail.items.length >= limit
  if (full && at + last.page.items.length > tail.items.length) {
    context.note(
      `more than ${TIES_BEFORE} ${api.noun} share ${api.timeTextOf(first)}; the end was not checked by time`,
    )
    return
  }
  const after = full ? tail.items.slice(at, at + last.page.items.length) : tail.items.slice(at)
  expectExactly(
    context,
    api,
    { exchange: tail.exchange, items: after },
    last.page.items,
    `offset=${last.offset} gave the last page; listed by time from its first item, nothing else may follow`,
  )
}

/** `slice` must be a run of consecutive items of the log: listed by time from its first item, they follow in order. */
async function expectContiguous<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  slice: RecordedPage<Item>,
): Promise<void> {
  const first = slice.items[0]
  if (!first) return
  const byTime = await api.list(context, {
    ...api.window({ to: api.timeTextOf(first) }),
    limit: Math.min(slice.items.length + TIES_BEFORE, context.spec.pageLimits.max),
  })
  const at = byTime.items.findIndex((item) => api.idOf(item) === api.idOf(first))
  if (at < 0) {
    context.note(
      `more than ${TIES_BEFORE} ${api.noun} share ${api.timeTextOf(first)}; contiguity not checked there`,
    )
    return
  }
  expectExactly(
    context,
    api,
    { exchange: byTime.exchange, items: byTime.items.slice(at, at + slice.items.length) },
    slice.items,
    `${describeExchange(slice.exchange)} must list consecutive ${api.noun}, as listing by time from its first one does`,
  )
}
