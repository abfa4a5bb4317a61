// kaiten.ru page sizes at their extremes, expected from the documented numbers (the schema and its clamp extension)
// in the run's API model rather than from the code the mocks answer with. Values below the minimum are negative cases (../negative/).
import { type AuditLogEvent, INTEGER_FORMAT_RANGES } from '@kaiten-audit/types'
import { describeExchange } from '../../http/exchange.js'
import { OperationSpec } from '../../spec/operation.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import {
  expectNewestOfSample,
  pinnedDefaultPage,
  type RecordedPage,
  requireItems,
  samplePage,
} from '../shared/list-api.js'
import type { KaitenRuTarget } from '../targets.js'
import { kaitenRuList, listEvents } from './list.js'

/** The first integer beyond int32: neither `limit` nor `offset` states a format, so it is an ordinary value. */
const BEYOND_INT32 = (INTEGER_FORMAT_RANGES.int32?.max ?? 0) + 1

/** The generated model's numbers, for the titles; a run judges by its own model's. */
const GENERATED = OperationSpec.of('kaiten-ru').pageLimits
const GENERATED_CLAMP = GENERATED.clamp ?? { above: GENERATED.max, applies: GENERATED.max }

/**
 * Requests `limit` (raw text; undefined leaves it out) pinned at the newest sampled event and compares with the
 * sample's newest events, as many as the documentation says the API applies.
 */
async function expectPageSize(
  context: CheckContext<KaitenRuTarget>,
  sample: readonly AuditLogEvent[],
  limit: number | undefined,
  label: string,
): Promise<RecordedPage<AuditLogEvent>> {
  const newest = sample[0] as AuditLogEvent
  // Pinned, so events created during the run do not shift the page.
  // Without a limit, the run's shared default page: the time-window check reads it too.
  const page =
    limit === undefined
      ? await pinnedDefaultPage(context, kaitenRuList)
      : await listEvents(context, { to: newest.created, limit: String(limit) })
  expectNewestOfSample(context, kaitenRuList, page, sample, {
    applied: context.spec.appliedLimit(limit),
    label,
    shownIds: 3,
  })
  return page
}

export const limitAndDefaultCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.pagination.limit-and-default',
  api: 'kaiten-ru',
  group: 'pagination',
  title: `\`limit=1\` gives exactly the newest event and the default page holds ${GENERATED.default}`,
  rules: ['RU-21', 'RU-24'],
  async run(context) {
    const sample = await samplePage(context, kaitenRuList)
    requireItems(context, sample.items, 1, 'events', 'to compare page sizes')
    await expectPageSize(context, sample.items, 1, 'limit=1')
    await expectPageSize(
      context,
      sample.items,
      undefined,
      `no limit (default ${context.spec.pageLimits.default})`,
    )
  },
}

export const limitClampCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.pagination.limit-clamp',
  api: 'kaiten-ru',
  group: 'pagination',
  title: `limit=${GENERATED_CLAMP.above + 1} and limit=${BEYOND_INT32} give ${GENERATED_CLAMP.applies} (applied, not rejected); limit=0 gives the default ${GENERATED.default}`,
  rules: ['RU-22', 'RU-23', 'RU-24'],
  async run(context) {
    const documented = context.spec.pageLimits.clamp
    if (!documented) return context.skip('the spec documents no x-kaiten-limit-clamp for limit')
    const sample = await samplePage(context, kaitenRuList)
    requireItems(context, sample.items, 1, 'events', 'to compare page sizes')
    const clamp = documented.applies
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
    await expectPageSize(context, sample.items, 0, `limit=0 (applied as ${context.spec.appliedLimit(0)})`)
    for (const limit of [documented.above + 1, BEYOND_INT32]) {
      await expectPageSize(
        context,
        sample.items,
        limit,
        `limit=${limit} (applied as ${context.spec.appliedLimit(limit)})`,
      )
    }
    if (sample.items.length < clamp) {
      context.note(
        `only ${sample.items.length} events exist, so a missing clamp at ${clamp} could not be observed`,
      )
    }
  },
}
