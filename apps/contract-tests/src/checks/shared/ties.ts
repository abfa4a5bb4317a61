// Ties keep one order: a page that starts inside a group of items sharing an instant, deep in the sample, lists the
// group's members in the order the sample did.
import type { RuleId } from '../../rules/index.js'
import type { CheckDefinition } from '../context.js'
import type { Target } from '../targets.js'
import { expectExactly, sampleReaches } from './expected.js'
import { type ListApi, type PagingParams, samplePage, timeOf } from './list-api.js'

/** Enough to hold the two members either side of the split and one more. */
const PAGE = 3

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
      const { items } = await samplePage(context, api)
      const newest = items[0]
      if (!newest) return context.skip(`the sample holds no ${api.noun}`)
      // The deepest pair of neighbours that share an instant, with the page after it inside the sample.
      let split: number | undefined
      for (let index = items.length - PAGE - 1; index >= 1; index--) {
        const time = timeOf(context, api, items[index] as Item)
        if (
          time === timeOf(context, api, items[index + 1] as Item) &&
          sampleReaches(context, api, items, time)
        ) {
          split = index
          break
        }
      }
      if (split === undefined) return context.skip(`no two sampled ${api.noun} share an instant`)
      // Pinned at the newest sampled item, so items appended meanwhile do not shift the offsets.
      const page = await api.list(context, {
        ...api.window({ to: api.timeTextOf(newest) }),
        offset: split,
        limit: PAGE,
      })
      expectExactly(
        context,
        api,
        page,
        items.slice(split, split + PAGE),
        `offset=${split} splits ${api.noun} that share the instant ${api.timeTextOf(items[split] as Item)}; the page must list them as the sample did`,
      )
    },
  }
}
