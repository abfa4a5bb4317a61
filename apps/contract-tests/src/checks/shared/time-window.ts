// Both time bounds are inclusive at an item's exact time and exclusive just outside it, compared at full precision:
// every answer is held to exactly what the sample says lies in the requested stretch.
import type { RuleId } from '../../rules/index.js'
import { dateTimeText } from '../../spec/date-time.js'
import type { CheckDefinition } from '../context.js'
import type { Target } from '../targets.js'
import { expectExactly, sampleBetween } from './expected.js'
import {
  type ListApi,
  type PagingParams,
  pinnedDefaultPage,
  samplePage,
  sampleWindow,
  timeOf,
} from './list-api.js'

/** Just outside a bound: a millisecond, written as a fraction, so a server that drops fractions shows it. */
const JUST_OUTSIDE_MICROS = 1000

export function timeWindowCheck<T extends Target, Item, P extends PagingParams>(
  api: ListApi<T, Item, P>,
  names: { from: string; to: string },
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api.api}.filters.time-window`,
    api: api.api,
    group: 'filters',
    title: `\`${names.from}\` and \`${names.to}\` are inclusive at an item's exact time and exclusive a millisecond outside it`,
    rules,
    async run(context) {
      const sample = (await samplePage(context, api)).items
      const { window, whole } = await sampleWindow(context, api)
      const low = timeOf(context, api, window.oldest)
      const high = timeOf(context, api, window.newest)
      const between = (bounds: { low?: number; high?: number }) => sampleBetween(context, api, sample, bounds)
      const list = (bounds: { from?: string; to?: string }) =>
        api.list(context, { ...api.window(bounds), limit: context.spec.pageLimits.max })

      const closed = between({ low, high })
      if (!closed) return context.skip(`the sample does not reach past ${window.from}`)
      expectExactly(
        context,
        api,
        whole,
        closed,
        `${names.from}=${window.from}&${names.to}=${window.to} (both inclusive)`,
      )

      // A millisecond inside each bound: the items at the bounds themselves must go.
      const inner = { low: low + JUST_OUTSIDE_MICROS, high: high - JUST_OUTSIDE_MICROS }
      if (inner.low <= inner.high) {
        const from = dateTimeText(inner.low, { fractionDigits: 6 })
        const to = dateTimeText(inner.high, { fractionDigits: 6 })
        expectExactly(
          context,
          api,
          await list({ from, to }),
          between(inner) ?? [],
          `${names.from}=${from}&${names.to}=${to} (a millisecond inside the items at ${window.from} and ${window.to})`,
        )
      }

      // One bound only. Items appended after the sample may come first; older than the sample cannot be told.
      const newest = sample[0] as Item
      const sinceLow = await list({ from: window.from })
      const newestTime = timeOf(context, api, newest)
      expectExactly(
        context,
        api,
        { ...sinceLow, items: sinceLow.items.filter((item) => timeOf(context, api, item) <= newestTime) },
        between({ low }) ?? [],
        `${names.from}=${window.from} alone`,
      )
      // The upper bound alone, at the newest sampled item's own time: the run's default page pinned there (the
      // window probes above already show that newer items are left out). It lists the newest of the sample.
      const untilNewest = await pinnedDefaultPage(context, api)
      const oldestTime = timeOf(context, api, sample.at(-1) as Item)
      const known = sample.filter(
        (item) => sample.length < context.spec.pageLimits.max || timeOf(context, api, item) > oldestTime,
      )
      const shown = known.slice(0, Math.max(Math.min(untilNewest.items.length, known.length), 1))
      expectExactly(
        context,
        api,
        { ...untilNewest, items: untilNewest.items.slice(0, shown.length) },
        shown,
        `${names.to}=${api.timeTextOf(newest)} alone`,
      )
    },
  }
}
