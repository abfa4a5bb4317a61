// kaiten.sh page sizes: the default, and both documented extremes honoured (the maximum by limit-and-default). Every
// number comes from the run's API model; the values one step outside are negative cases (../negative/).
import { describeExchange, jsonBody } from '../../http/exchange.js'
import { OperationSpec } from '../../spec/operation.js'
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import { expectNewestOfSample, pinnedDefaultPage, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenShTarget } from '../targets.js'
import { kaitenShList, listEntries, sendTrails } from './list.js'

/** The generated model's numbers, for the titles; a run judges by its own model's. */
const GENERATED = OperationSpec.of('kaiten-sh').pageLimits

export const limitAndDefaultCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.pagination.limit-and-default',
  api: 'kaiten-sh',
  group: 'pagination',
  title: `\`limit\` is respected and the default page holds ${GENERATED.default}`,
  rules: ['SH-15', 'SH-16'],
  async run(context) {
    const limits = context.spec.pageLimits
    const sample = await samplePage(context, kaitenShList)
    requireItems(context, sample.items, 1, 'entries', 'to compare page sizes')
    const newest = sample.items[0]
    if (!newest) return
    // Pinned at the newest sampled entry, so entries appended during the run do not shift the pages.
    const before = newest.timestamp
    for (const limit of [3, undefined, limits.max]) {
      // Without a limit, the run's shared default page: the time-window check reads it too.
      const page =
        limit === undefined
          ? await pinnedDefaultPage(context, kaitenShList)
          : await listEntries(context, { before, limit: String(limit) })
      expectNewestOfSample(context, kaitenShList, page, sample.items, {
        applied: limit ?? limits.default,
        label: limit === undefined ? `no limit (default ${limits.default})` : `limit=${limit}`,
        shownIds: 5,
      })
    }
    if (sample.items.length < limits.max) {
      context.note(
        `only ${sample.items.length} entries exist; the maximum page of ${limits.max} was not filled`,
      )
    }
  },
}

export const limitBoundsCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.pagination.limit-bounds',
  api: 'kaiten-sh',
  group: 'pagination',
  title: `limit=${GENERATED.minimum} (the documented minimum) gives exactly the newest entry`,
  rules: ['SH-14', 'SH-16'],
  async run(context) {
    const limits = context.spec.pageLimits
    const sample = await samplePage(context, kaitenShList)
    requireItems(context, sample.items, 1, 'entries', 'to compare page sizes')
    const before = (sample.items[0] as (typeof sample.items)[number]).timestamp
    const smallest = await sendTrails(context, rawQuery({ before, limit: String(limits.minimum) }))
    if (smallest.status !== 200) {
      context.fail(`limit=${limits.minimum} is the documented minimum and must be accepted`, {
        request: describeExchange(smallest),
        expected: '200',
        actual: String(smallest.status),
      })
    } else {
      const items = jsonBody(smallest)
      expectNewestOfSample(
        context,
        kaitenShList,
        { exchange: smallest, items: Array.isArray(items) ? items : [] },
        sample.items,
        { applied: limits.minimum, label: `limit=${limits.minimum}`, shownIds: 2 },
      )
    }
  },
}
