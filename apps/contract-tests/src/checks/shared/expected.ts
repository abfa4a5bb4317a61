// Expectations taken from the sample page: one answer of the server, newest first at the maximum page size, from
// which what any later request over the same stretch of the log must return is known without asking again.
import { describeExchange } from '../../http/exchange.js'
import type { CheckContext } from '../context.js'
import type { Target } from '../targets.js'
import { type ListApi, type PagingParams, type RecordedPage, samplePage, timeOf } from './list-api.js'

/** Whether the sample holds every item at or after `low` (epoch µs): it is the whole log, or reaches past `low`. */
export function sampleReaches<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  sample: readonly Item[],
  low: number,
): boolean {
  const oldest = sample.at(-1)
  if (oldest === undefined || sample.length < context.spec.pageLimits.max) return true
  // Items at the oldest sampled instant may go on past the page; only a bound strictly newer is covered.
  return low > timeOf(context, api, oldest)
}

/**
 * The sampled items within [low, high] (epoch µs; either bound may be open below or above), in the sample's order;
 * undefined when the sample cannot tell (the stretch goes on past its oldest item).
 */
export function sampleBetween<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  sample: readonly Item[],
  { low, high }: { low?: number; high?: number },
): Item[] | undefined {
  if (low !== undefined && !sampleReaches(context, api, sample, low)) return undefined
  if (low === undefined && sample.length >= context.spec.pageLimits.max) return undefined
  return sample.filter((item) => {
    const time = timeOf(context, api, item)
    return (low === undefined || time >= low) && (high === undefined || time <= high)
  })
}

/** The sample, read once per run (see samplePage), as items. */
export async function sampleItems<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
): Promise<Item[]> {
  return (await samplePage(context, api)).items
}

/**
 * Fails unless `page` lists exactly `expected`, in order; the finding says which ids are missing or extra, or where
 * the order first differs. Returns whether it matched.
 */
export function expectExactly<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  page: RecordedPage<Item>,
  expected: readonly Item[],
  what: string,
): boolean {
  const want = expected.map((item) => api.idOf(item))
  const got = page.items.map((item) => api.idOf(item))
  if (want.length === got.length && want.every((id, index) => id === got[index])) return true
  const request = describeExchange(page.exchange)
  const wanted = new Set(want)
  const gotten = new Set(got)
  const missing = want.filter((id) => !gotten.has(id))
  const extra = got.filter((id) => !wanted.has(id))
  const few = (ids: readonly string[]) =>
    `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` … (${ids.length})` : ''}`
  if (missing.length > 0 || extra.length > 0) {
    context.fail(`${what}: ${describeDifference(missing.length, extra.length, api.noun)}`, {
      request,
      expected: `${want.length} ${api.noun}${missing.length > 0 ? `, among them ids ${few(missing)}` : ''}`,
      actual: `${got.length} ${api.noun}${extra.length > 0 ? `, among them ids ${few(extra)}` : ''}`,
    })
  } else {
    const position = want.findIndex((id, index) => id !== got[index])
    context.fail(`${what}: the same ${api.noun} in another order`, {
      request,
      path: `$.body[${position}].id`,
      expected: String(want[position]),
      actual: String(got[position]),
    })
  }
  return false
}

function describeDifference(missing: number, extra: number, noun: string): string {
  const parts: string[] = []
  if (missing > 0) parts.push(`${missing} ${noun} missing`)
  if (extra > 0) parts.push(`${extra} ${noun} that do not belong`)
  return parts.join(' and ')
}
