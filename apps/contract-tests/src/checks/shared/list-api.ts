// What the pagination checks need from one API, so the same checks run against kaiten.sh and kaiten.ru.
import { describeExchange, type Exchange, jsonBody, show } from '../../http/exchange.js'
import { readEpochMicros } from '../../spec/date-time.js'
import type { CheckContext } from '../context.js'
import type { Target } from '../targets.js'

/** One page as the run received it: the recorded exchange and the items read from its body. */
export interface RecordedPage<Item> {
  exchange: Exchange
  items: Item[]
}

export interface PagingParams {
  limit?: number
  offset?: number
}

export interface ListApi<T extends Target, Item, P extends PagingParams> {
  api: T['api']
  /** `kaiten.sh` */
  label: string
  /** `entries` */
  noun: string
  /** Name of the time field, e.g. `timestamp`. */
  timeField: string
  idOf(item: Item): string
  timeTextOf(item: Item): string
  /** Parameters for the inclusive window [from, to]; either bound may be left out. */
  window(bounds: { from?: string; to?: string }): P
  /** Lists one page; stops the check unless the answer is 200 with a JSON array. */
  list(context: CheckContext<T>, params: P): Promise<RecordedPage<Item>>
  /**
   * The API's own filter, set to the value `item` carries (kaiten.sh: its event name; kaiten.ru: its category), and
   * how to tell the items it selects: offsets must hold on a filtered result too.
   */
  filterOf?(item: Item): ItemFilter<Item, P>
}

export interface ItemFilter<Item, P> {
  params: Partial<P>
  /** `event_name=…`, for findings. */
  label: string
  matches(item: Item): boolean
}

/** Reads a 200 answer's JSON array, or stops the check saying what came instead. */
export function arrayItems(context: CheckContext, exchange: Exchange, noun: string): unknown[] {
  const request = describeExchange(exchange)
  if (exchange.status !== 200) {
    context.stop(`expected 200 with a JSON array of ${noun}, got ${exchange.status}`, {
      request,
      expected: '200',
      actual: `${exchange.status} ${show(exchange.body)}`,
    })
  }
  const body = jsonBody(exchange)
  if (Array.isArray(body)) return body
  const shape =
    body !== null && typeof body === 'object'
      ? `an object with keys {${Object.keys(body).join(', ')}} (see the drift check)`
      : show(exchange.body)
  context.stop(`expected a JSON array of ${noun}`, {
    request,
    path: '$.body',
    expected: 'array',
    actual: shape,
  })
}

/** An item's time in epoch microseconds; stops the check when the server sent an unparseable one. */
export function timeOf<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  item: Item,
): number {
  const text = api.timeTextOf(item)
  const micros = typeof text === 'string' ? readEpochMicros(text) : null
  if (micros === null) {
    context.stop(`${api.noun} carry an unreadable ${api.timeField}`, {
      path: `$.body[].${api.timeField}`,
      expected: 'an RFC 3339 date-time',
      actual: show(text),
    })
  }
  return micros
}

/**
 * One page at the API's maximum page size, newest first. Shared by every check of a run so that each derives its
 * expectations from the same data without fetching it again.
 */
export function samplePage<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
): Promise<RecordedPage<Item>> {
  return context.shared.memo('sample', () => api.list(context, { limit: context.spec.pageLimits.max } as P))
}

/**
 * The default page (no `limit`) pinned at the newest sampled item, read once per run: the default page size and the
 * upper time bound alone are both judged on this one answer.
 */
export function pinnedDefaultPage<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
): Promise<RecordedPage<Item>> {
  return context.shared.memo('pinned-default', async () => {
    const newest = (await samplePage(context, api)).items[0]
    return api.list(context, api.window(newest === undefined ? {} : { to: api.timeTextOf(newest) }))
  })
}

export function requireItems<Item>(
  context: CheckContext,
  items: readonly Item[],
  needed: number,
  noun: string,
  why: string,
): void {
  if (items.length < needed) {
    context.skip(`needs at least ${needed} ${noun} ${why}; the server returned ${items.length}`)
  }
}

export interface Window<Item> {
  from: string
  to: string
  /** The newest and oldest sample items inside the window; both must be returned (bounds are inclusive). */
  newest: Item
  oldest: Item
}

/**
 * A small, closed time window in the past of the sample: a few dozen items whose set no longer changes on an
 * append-only log, so pages read one after the other can be compared.
 */
export function pickWindow<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  items: readonly Item[],
): Window<Item> {
  requireItems(context, items, 2, api.noun, 'to pick a time window')
  const top = items.length >= 10 ? 3 : 0
  const bottom = Math.min(top + 40, items.length - 1)
  const newest = items[top] as Item
  const oldest = items[bottom] as Item
  return { from: api.timeTextOf(oldest), to: api.timeTextOf(newest), newest, oldest }
}

export interface SampleWindow<Item, P> {
  window: Window<Item>
  /** The window's bounds as list parameters. */
  bounds: P
  /** One page over the window at the maximum page size. */
  whole: RecordedPage<Item>
}

/**
 * The sample's time window and one page of it at the maximum size, read once per run: the walk, the offsets past
 * the end and the repeat of the same request all compare with it, and the time-window check holds it to the sample.
 */
export function sampleWindow<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
): Promise<SampleWindow<Item, P>> {
  return context.shared.memo('window', async () => {
    const sample = await samplePage(context, api)
    const window = pickWindow(context, api, sample.items)
    const bounds = api.window({ from: window.from, to: window.to })
    return {
      window,
      bounds,
      whole: await api.list(context, { ...bounds, limit: context.spec.pageLimits.max }),
    }
  })
}

/** Lists with a few findings at most per kind, so one broken server does not flood the report. */
export const MAX_FINDINGS_PER_KIND = 5

/** Reports the first few findings of one kind and counts the rest; `request` names the request for all of them. */
export function reportLimited(
  context: CheckContext,
  findings: readonly {
    message: string
    path?: string
    expected?: string
    actual?: string
    request?: string
  }[],
  request?: string,
): void {
  const shared = request !== undefined ? { request } : {}
  for (const finding of findings.slice(0, MAX_FINDINGS_PER_KIND))
    context.fail(finding.message, { ...finding, ...shared })
  if (findings.length > MAX_FINDINGS_PER_KIND) {
    context.fail(`… and ${findings.length - MAX_FINDINGS_PER_KIND} more like these`, shared)
  }
}

/**
 * Fails unless `anchor`, the item a filter value was taken from, is on `page`: listed with that filter up to the
 * anchor's own time, at most `pageSize` items. It comes first unless a full page of ties at its instant precedes it.
 */
export function expectAnchorListed<T extends Target, Item extends { id: unknown }, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  page: RecordedPage<Item>,
  anchor: Item,
  pageSize: number,
  singular: string,
): void {
  const anchorTime = timeOf(context, api, anchor)
  const tiesOnly =
    page.items.length >= pageSize && page.items.every((item) => timeOf(context, api, item) === anchorTime)
  if (!tiesOnly && !page.items.some((item) => item.id === anchor.id)) {
    context.fail(`the ${singular} the filter was taken from (id ${api.idOf(anchor)}) is missing`, {
      request: describeExchange(page.exchange),
      expected: `an ${singular} with id ${api.idOf(anchor)}`,
      actual: `${page.items.length} ${api.noun} without it`,
    })
  }
}

/**
 * Fails unless `page`, pinned at the sample's newest item, lists exactly the sample's newest `applied` items in
 * order. `label` names the request in the finding; a wrong order shows the first `shownIds` ids of each side.
 */
export function expectNewestOfSample<T extends Target, Item extends { id: unknown }, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  page: RecordedPage<Item>,
  sample: readonly Item[],
  { applied, label, shownIds }: { applied: number; label: string; shownIds: number },
): void {
  const expected = sample.slice(0, Math.min(applied, sample.length)).map((item) => item.id)
  const actual = page.items.map((item) => item.id)
  if (actual.length !== expected.length) {
    context.fail(`${label} must give ${expected.length} ${api.noun}`, {
      request: describeExchange(page.exchange),
      path: '$.body.length',
      expected: String(expected.length),
      actual: String(actual.length),
    })
  } else if (actual.some((id, index) => id !== expected[index])) {
    context.fail(`${label} must give the newest ${expected.length} ${api.noun}`, {
      request: describeExchange(page.exchange),
      expected: `ids ${expected.slice(0, shownIds).join(', ')}…`,
      actual: `ids ${actual.slice(0, shownIds).join(', ')}…`,
    })
  }
}
