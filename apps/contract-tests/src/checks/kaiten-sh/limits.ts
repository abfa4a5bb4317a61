// kaiten.sh page sizes: `limit` is honoured, the default is 50, 200 is allowed, 201 and 0 are rejected with 422.
import { describeExchange } from '../../http/exchange.js'
import { pageLimits } from '../../spec/operation.js'
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import { expectNewestOfSample, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenShTarget } from '../targets.js'
import { kaitenShList, sendTrails } from './list.js'
import { expectProblem } from './problem.js'

const KAITEN_SH_LIMIT = pageLimits('kaiten-sh')

export const limitAndDefaultCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.pagination.limit-and-default',
  api: 'kaiten-sh',
  group: 'pagination',
  title: `\`limit\` is respected and the default page holds ${KAITEN_SH_LIMIT.default}`,
  rules: ['SH-15', 'SH-16'],
  async run(context) {
    const sample = await samplePage(context, kaitenShList)
    requireItems(context, sample.items, 1, 'entries', 'to compare page sizes')
    const newest = sample.items[0]
    if (!newest) return
    // Pinned at the newest sampled entry, so entries appended during the run do not shift the pages.
    const before = newest.timestamp
    for (const limit of [3, undefined, KAITEN_SH_LIMIT.max]) {
      const page = await kaitenShList.list(context, limit === undefined ? { before } : { before, limit })
      expectNewestOfSample(context, kaitenShList, page, sample.items, {
        applied: limit ?? KAITEN_SH_LIMIT.default,
        label: limit === undefined ? `no limit (default ${KAITEN_SH_LIMIT.default})` : `limit=${limit}`,
        shownIds: 5,
      })
    }
    if (sample.items.length < KAITEN_SH_LIMIT.max) {
      context.note(
        `only ${sample.items.length} entries exist; the maximum page of ${KAITEN_SH_LIMIT.max} was not filled`,
      )
    }
  },
}

export const limitBoundsCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.pagination.limit-bounds',
  api: 'kaiten-sh',
  group: 'pagination',
  title: `limit=${KAITEN_SH_LIMIT.max} is allowed; limit=${KAITEN_SH_LIMIT.max + 1} and limit=${KAITEN_SH_LIMIT.minimum - 1} are rejected with 422`,
  rules: ['SH-14', 'SH-19'],
  async run(context) {
    const allowed = await sendTrails(context, rawQuery({ limit: String(KAITEN_SH_LIMIT.max) }))
    if (allowed.status !== 200) {
      context.fail(`limit=${KAITEN_SH_LIMIT.max} is the documented maximum and must be accepted`, {
        request: describeExchange(allowed),
        expected: '200',
        actual: String(allowed.status),
      })
    }
    for (const limit of [KAITEN_SH_LIMIT.max + 1, KAITEN_SH_LIMIT.minimum - 1]) {
      const rejected = await sendTrails(context, rawQuery({ limit: String(limit) }))
      if (rejected.status === 200) {
        context.fail(
          `limit=${limit} was accepted; the spec rejects limits outside ${KAITEN_SH_LIMIT.minimum}–${KAITEN_SH_LIMIT.max} with 422`,
          {
            request: describeExchange(rejected),
            expected: '422',
            actual: '200',
          },
        )
        continue
      }
      expectProblem(context, rejected, 422, { location: 'query.limit' })
    }
  },
}
