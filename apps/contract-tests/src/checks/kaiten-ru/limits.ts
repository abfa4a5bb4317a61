// kaiten.ru page sizes: `limit` is honoured, the default is 100, above 500 the API applies 500, and 0 means 100.
import type { AuditLogEvent } from '@kaiten-audit/types'
import { appliedLimit, pageLimits } from '../../spec/operation.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import { expectNewestOfSample, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenRuTarget } from '../targets.js'
import { kaitenRuList } from './list.js'

const KAITEN_RU_LIMIT = pageLimits('kaiten-ru')
/** Above the clamp: the page size kaiten.ru applies instead. */
const ABOVE_CLAMP = 1000

/** Requests `limit` pinned at the newest sampled event and compares with the sample's newest events. */
async function expectPageSize(
  context: CheckContext<KaitenRuTarget>,
  sample: readonly AuditLogEvent[],
  limit: number | undefined,
  label: string,
): Promise<void> {
  const newest = sample[0]
  if (!newest) return
  // Pinned, so events created during the run do not shift the page.
  const params = limit === undefined ? { to: newest.created } : { to: newest.created, limit }
  const page = await kaitenRuList.list(context, params)
  expectNewestOfSample(context, kaitenRuList, page, sample, {
    applied: appliedLimit('kaiten-ru', limit),
    label,
    shownIds: 3,
  })
}

export const limitAndDefaultCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.pagination.limit-and-default',
  api: 'kaiten-ru',
  group: 'pagination',
  title: `\`limit\` is respected and the default page holds ${KAITEN_RU_LIMIT.default}`,
  rules: ['RU-21', 'RU-24'],
  async run(context) {
    const sample = await samplePage(context, kaitenRuList)
    requireItems(context, sample.items, 1, 'events', 'to compare page sizes')
    await expectPageSize(context, sample.items, 3, 'limit=3')
    await expectPageSize(context, sample.items, undefined, `no limit (default ${KAITEN_RU_LIMIT.default})`)
  },
}

export const limitClampCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.pagination.limit-clamp',
  api: 'kaiten-ru',
  group: 'pagination',
  title: `limit=${ABOVE_CLAMP} gives ${KAITEN_RU_LIMIT.max}; limit=0 gives the default ${KAITEN_RU_LIMIT.default}`,
  rules: ['RU-22', 'RU-23'],
  async run(context) {
    const sample = await samplePage(context, kaitenRuList)
    requireItems(context, sample.items, 1, 'events', 'to compare page sizes')
    await expectPageSize(
      context,
      sample.items,
      ABOVE_CLAMP,
      `limit=${ABOVE_CLAMP} (applied as ${appliedLimit('kaiten-ru', ABOVE_CLAMP)})`,
    )
    await expectPageSize(context, sample.items, 0, `limit=0 (applied as ${appliedLimit('kaiten-ru', 0)})`)
    if (sample.items.length < KAITEN_RU_LIMIT.max) {
      context.note(
        `only ${sample.items.length} events exist, so a missing clamp at ${KAITEN_RU_LIMIT.max} could not be observed`,
      )
    }
  },
}
