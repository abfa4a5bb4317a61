// kaiten.sh page sizes and offsets at their documented extremes: in range they are honoured, one step outside they
// are 422 problems naming the parameter. Every number comes from the bundled spec.
import { describeExchange, jsonBody } from '../../http/exchange.js'
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import { expectNewestOfSample, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenShTarget } from '../targets.js'
import { DOCUMENTED_LIMIT, DOCUMENTED_OFFSET, VALIDATION_FAILED_DETAIL } from './documented-limits.js'
import { kaitenShList, listEntries, sendTrails } from './list.js'
import { expectProblem } from './problem.js'
import { kaitenShWindow } from './window.js'

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
  title: `limit=${DOCUMENTED_LIMIT.minimum} gives exactly the newest entry and limit=${DOCUMENTED_LIMIT.maximum} is accepted; limit=${DOCUMENTED_LIMIT.minimum - 1} and limit=${DOCUMENTED_LIMIT.maximum + 1} are 422 "${VALIDATION_FAILED_DETAIL}" at query.limit`,
  rules: ['SH-14', 'SH-16', 'SH-19'],
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
    const largest = await sendTrails(context, rawQuery({ limit: String(DOCUMENTED_LIMIT.maximum) }))
    if (largest.status !== 200) {
      context.fail(`limit=${DOCUMENTED_LIMIT.maximum} is the documented maximum and must be accepted`, {
        request: describeExchange(largest),
        expected: '200',
        actual: String(largest.status),
      })
    }
    for (const limit of [DOCUMENTED_LIMIT.maximum + 1, DOCUMENTED_LIMIT.minimum - 1]) {
      const rejected = await sendTrails(context, rawQuery({ limit: String(limit) }))
      if (rejected.status === 200) {
        context.fail(
          `limit=${limit} was accepted; the spec rejects limits outside ${DOCUMENTED_LIMIT.minimum}–${DOCUMENTED_LIMIT.maximum} with 422`,
          { request: describeExchange(rejected), expected: '422', actual: '200' },
        )
        continue
      }
      expectProblem(context, rejected, 422, { location: 'query.limit', detail: VALIDATION_FAILED_DETAIL })
    }
  },
}

export const offsetBoundsCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.pagination.offset-bounds',
  api: 'kaiten-sh',
  group: 'pagination',
  title: `offset=${DOCUMENTED_OFFSET.formatMaximum} (the int32 maximum) is accepted and gives []; offset=${DOCUMENTED_OFFSET.formatMaximum + 1} is 422 "${VALIDATION_FAILED_DETAIL}" at query.offset`,
  rules: ['SH-17', 'SH-19', 'SH-34'],
  async run(context) {
    // Inside the reference window, so even a server that walks to its offset has little to walk.
    const { bounds } = await kaitenShWindow(context)
    const largest = await sendTrails(
      context,
      rawQuery({
        ...bounds,
        offset: String(DOCUMENTED_OFFSET.formatMaximum),
        limit: String(DOCUMENTED_LIMIT.minimum),
      }),
    )
    const body = jsonBody(largest)
    if (largest.status !== 200 || !Array.isArray(body) || body.length > 0) {
      context.fail(
        `offset=${DOCUMENTED_OFFSET.formatMaximum} is the largest int32 and past the end: it must be accepted and give []`,
        {
          request: describeExchange(largest),
          expected: '200 []',
          actual: `${largest.status} ${largest.body.slice(0, 80)}`,
        },
      )
    }
    const beyond = await sendTrails(
      context,
      rawQuery({ offset: String(DOCUMENTED_OFFSET.formatMaximum + 1) }),
    )
    if (beyond.status === 200) {
      context.fail(
        `offset=${DOCUMENTED_OFFSET.formatMaximum + 1} was accepted; it is beyond int32, which the spec rejects with 422`,
        { request: describeExchange(beyond), expected: '422', actual: '200' },
      )
      return
    }
    expectProblem(context, beyond, 422, { location: 'query.offset', detail: VALIDATION_FAILED_DETAIL })
  },
}
