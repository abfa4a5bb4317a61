// kaiten.sh page sizes: the default, and both documented extremes honoured (the maximum by limit-and-default). Every
// number comes from the bundled spec; the values one step outside are negative cases (../negative/).
import { describeExchange, jsonBody } from '../../http/exchange.js'
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import { expectNewestOfSample, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenShTarget } from '../targets.js'
import { DOCUMENTED_LIMIT } from './documented-limits.js'
import { kaitenShList, listEntries, sendTrails } from './list.js'

export const limitAndDefaultCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.pagination.limit-and-default',
  api: 'kaiten-sh',
  group: 'pagination',
  title: `\`limit\` is respected and the default page holds ${DOCUMENTED_LIMIT.default}`,
  rules: ['SH-15', 'SH-16'],
  async run(context) {
    const sample = await samplePage(context, kaitenShList)
    requireItems(context, sample.items, 1, 'entries', 'to compare page sizes')
    const newest = sample.items[0]
    if (!newest) return
    // Pinned at the newest sampled entry, so entries appended during the run do not shift the pages.
    const before = newest.timestamp
    for (const limit of [3, undefined, DOCUMENTED_LIMIT.maximum]) {
      const page = await listEntries(
        context,
        limit === undefined ? { before } : { before, limit: String(limit) },
      )
      expectNewestOfSample(context, kaitenShList, page, sample.items, {
        applied: limit ?? DOCUMENTED_LIMIT.default,
        label: limit === undefined ? `no limit (default ${DOCUMENTED_LIMIT.default})` : `limit=${limit}`,
        shownIds: 5,
      })
    }
    if (sample.items.length < DOCUMENTED_LIMIT.maximum) {
      context.note(
        `only ${sample.items.length} entries exist; the maximum page of ${DOCUMENTED_LIMIT.maximum} was not filled`,
      )
    }
  },
}

export const limitBoundsCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.pagination.limit-bounds',
  api: 'kaiten-sh',
  group: 'pagination',
  title: `limit=${DOCUMENTED_LIMIT.minimum} (the documented minimum) gives exactly the newest entry`,
  rules: ['SH-14', 'SH-16'],
  async run(context) {
    const sample = await samplePage(context, kaitenShList)
    requireItems(context, sample.items, 1, 'entries', 'to compare page sizes')
    const before = (sample.items[0] as (typeof sample.items)[number]).timestamp
    const smallest = await sendTrails(context, rawQuery({ before, limit: String(DOCUMENTED_LIMIT.minimum) }))
    if (smallest.status !== 200) {
      context.fail(`limit=${DOCUMENTED_LIMIT.minimum} is the documented minimum and must be accepted`, {
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
        { applied: DOCUMENTED_LIMIT.minimum, label: `limit=${DOCUMENTED_LIMIT.minimum}`, shownIds: 2 },
      )
    }
  },
}
