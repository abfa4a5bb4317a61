// kaiten.ru page sizes at their extremes, expected from the documented numbers (the spec and its clamp extension)
// rather than from the code the mocks answer with. Values below the minimum are negative cases (../negative/).
import type { AuditLogEvent } from '@kaiten-audit/types'
import { describeExchange } from '../../http/exchange.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import { expectNewestOfSample, type Page, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenRuTarget } from '../targets.js'
import { DOCUMENTED_LIMIT, documentedPageSize, LIMIT_CLAMP } from './documented-limits.js'
import { kaitenRuList, listEvents } from './list.js'

/** The first integer beyond int32: neither `limit` nor `offset` states a format, so it is an ordinary value. */
const BEYOND_INT32 = 2 ** 31

/**
 * Requests `limit` (raw text; undefined leaves it out) pinned at the newest sampled event and compares with the
 * sample's newest events, as many as the documentation says the API applies.
 */
async function expectPageSize(
  context: CheckContext<KaitenRuTarget>,
  sample: readonly AuditLogEvent[],
  limit: number | undefined,
  label: string,
): Promise<Page<AuditLogEvent>> {
  const newest = sample[0] as AuditLogEvent
  // Pinned, so events created during the run do not shift the page.
  const query: Record<string, string> = { to: newest.created }
  if (limit !== undefined) query.limit = String(limit)
  const page = await listEvents(context, query)
  expectNewestOfSample(context, kaitenRuList, page, sample, {
    applied: documentedPageSize(limit),
    label,
    shownIds: 3,
  })
  return page
}

export const limitAndDefaultCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.pagination.limit-and-default',
  api: 'kaiten-ru',
  group: 'pagination',
  title: `\`limit=1\` gives exactly the newest event and the default page holds ${DOCUMENTED_LIMIT.default}`,
  rules: ['RU-21', 'RU-24'],
  async run(context) {
    const sample = await samplePage(context, kaitenRuList)
    requireItems(context, sample.items, 1, 'events', 'to compare page sizes')
    await expectPageSize(context, sample.items, 1, 'limit=1')
    await expectPageSize(context, sample.items, undefined, `no limit (default ${DOCUMENTED_LIMIT.default})`)
  },
}

export const limitClampCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.pagination.limit-clamp',
  api: 'kaiten-ru',
  group: 'pagination',
  title: `limit=${LIMIT_CLAMP.above + 1} and limit=${BEYOND_INT32} give ${LIMIT_CLAMP.applies} (applied, not rejected); limit=0 gives the default ${DOCUMENTED_LIMIT.default}`,
  rules: ['RU-22', 'RU-23', 'RU-24'],
  async run(context) {
    const sample = await samplePage(context, kaitenRuList)
    requireItems(context, sample.items, 1, 'events', 'to compare page sizes')
    const clamp = LIMIT_CLAMP.applies
    if (sample.items.length > clamp) {
      context.fail(
        `a page never holds more than ${clamp} events, but the sample held ${sample.items.length}`,
        {
          request: describeExchange(sample.exchange),
          path: '$.body.length',
          expected: `≤ ${clamp}`,
          actual: String(sample.items.length),
        },
      )
    }
    await expectPageSize(context, sample.items, 0, `limit=0 (applied as ${documentedPageSize(0)})`)
    for (const limit of [LIMIT_CLAMP.above + 1, BEYOND_INT32]) {
      await expectPageSize(
        context,
        sample.items,
        limit,
        `limit=${limit} (applied as ${documentedPageSize(limit)})`,
      )
    }
    if (sample.items.length < clamp) {
      context.note(
        `only ${sample.items.length} events exist, so a missing clamp at ${clamp} could not be observed`,
      )
    }
  },
}
