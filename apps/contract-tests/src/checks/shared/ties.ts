// Ties keep one order: a page that starts inside a group of items sharing an instant, deep in the sample, lists the
// group's members in the order the sample did. The same page serves the depths check as its slice deep in the sample.
import type { RuleId } from '../../rules/index.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import type { Target } from '../targets.js'
import { expectExactly, sampleReaches } from './expected.js'
import { type ListApi, type PagingParams, type RecordedPage, samplePage, timeOf } from './list-api.js'

/** Items per slice deep in the sample: the two members either side of a split tie and a few more. */
const SLICE = 5

export interface DeepSlice<Item> {
  offset: number
  page: RecordedPage<Item>
  /** The sample's items at those offsets: what the page must list. */
  expected: Item[]
  /** Whether the slice starts between two items that share an instant. */
  splitsTie: boolean
}

/**
 * One small page pinned at the newest sampled item, deep inside the sample, read once per run: at the deepest pair
 * of neighbours that share an instant when there is one, so the same answer shows that ties keep one order and that
 * an offset deep in the sample holds. Undefined when the sample is too short to hold a slice.
 */
export function deepSlice<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
): Promise<DeepSlice<Item> | undefined> {
  return context.shared.memo('deep-slice', async () => {
    const { items } = await samplePage(context, api)
    const newest = items[0]
    if (!newest || items.length <= SLICE + 1) return undefined
    const deepest = items.length - SLICE - 1
    let split: number | undefined
    for (let index = deepest; index >= 1; index--) {
      const time = timeOf(context, api, items[index] as Item)
      if (
        time === timeOf(context, api, items[index + 1] as Item) &&
        sampleReaches(context, api, items, time)
      ) {
        split = index
        break
      }
    }
    const offset = split ?? deepest
    // Pinned at the newest sampled item, so items appended meanwhile do not shift the offsets.
    const page = await api.list(context, {
      ...api.window({ to: api.timeTextOf(newest) }),
      offset,
      limit: SLICE,
    })
    return { offset, page, expected: items.slice(offset, offset + SLICE), splitsTie: split !== undefined }
  })
}

export function tiesCheck<T extends Target, Item, P extends PagingParams>(
  api: ListApi<T, Item, P>,
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api.api}.pagination.ties`,
    api: api.api,
    group: 'pagination',
    title: `${api.noun[0]?.toUpperCase()}${api.noun.slice(1)} sharing an instant keep the sample's order on a page that splits them`,
    rules,
    async run(context) {
      const slice = await deepSlice(context, api)
      if (!slice) return context.skip(`the sample holds too few ${api.noun} to split`)
      if (!slice.splitsTie) return context.skip(`no two sampled ${api.noun} share an instant`)
      expectExactly(
        context,
        api,
        slice.page,
        slice.expected,
        `offset=${slice.offset} splits ${api.noun} that share the instant ${api.timeTextOf(slice.expected[0] as Item)}; the page must list them as the sample did`,
      )
    },
  }
}
