// The reference window: a closed stretch of the sample whose content is known without another request, so a filter
// probe over it can be compared with an exact expectation (the window's items that match), in both directions.
import { describeExchange, show } from '../../http/exchange.js'
import type { CheckContext } from '../context.js'
import type { Target } from '../targets.js'
import type { ListApi, PagingParams, RecordedPage } from './list-api.js'
import { reportLimited, samplePage } from './list-api.js'

const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i

/**
 * Epoch microseconds of an RFC 3339 date-time, or null. Deliberately not the parser the mocks filter with: the
 * whole milliseconds come from `Date.parse`, the rest of the fraction is read separately, so a shared bug cannot
 * make a wrong answer look right.
 */
export function instantMicros(text: unknown): number | null {
  if (typeof text !== 'string') return null
  const match = DATE_TIME.exec(text)
  if (!match) return null
  const [, wall = '', fraction = '', zone = 'Z'] = match
  const epochMs = Date.parse(
    `${wall.toUpperCase()}.${fraction.slice(0, 3).padEnd(3, '0')}${zone.toUpperCase()}`,
  )
  if (Number.isNaN(epochMs)) return null
  return epochMs * 1000 + Number(fraction.slice(3, 6).padEnd(3, '0'))
}

export interface ReferenceWindow<Item> {
  /** The oldest and newest bound as the server wrote them, so sending them back names exactly those instants. */
  from: string
  to: string
  /** Every sample item inside [from, to], in the sample's order: what the unfiltered window holds. */
  items: Item[]
  /** Each item's instant, by id. */
  instants: Map<string, number>
}

/**
 * From the sample's fourth item (younger items may still be arriving) down to the oldest instant whose ties the
 * sample holds in full. When the sample filled its page, its oldest instant may continue on the next page, so the
 * window stops short of it; when it did not, the sample is the whole log.
 */
export function referenceWindow<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  sample: readonly Item[],
  sampleLimit: number,
): ReferenceWindow<Item> {
  const instants = sample.map((item, index) => {
    const micros = instantMicros(api.timeTextOf(item))
    if (micros === null) {
      context.stop(`${api.noun} carry an unreadable ${api.timeField}`, {
        path: `$.body[${index}].${api.timeField}`,
        expected: 'an RFC 3339 date-time',
        actual: show(api.timeTextOf(item)),
      })
    }
    return micros
  })
  const top = sample.length >= 10 ? 3 : 0
  const oldest = instants[instants.length - 1]
  let bottom = sample.length - 1
  if (sample.length >= sampleLimit) {
    while (bottom > top && instants[bottom] === oldest) bottom--
  }
  const high = instants[top]
  const low = instants[bottom]
  if (high === undefined || low === undefined || bottom <= top) {
    context.skip(
      `needs a sample with at least two instants; the server returned ${sample.length} ${api.noun}`,
    )
  }
  const items: Item[] = []
  const byId = new Map<string, number>()
  sample.forEach((item, index) => {
    const at = instants[index] as number
    if (at < low || at > high) return
    items.push(item)
    byId.set(api.idOf(item), at)
  })
  return {
    from: api.timeTextOf(sample[bottom] as Item),
    to: api.timeTextOf(sample[top] as Item),
    items,
    instants: byId,
  }
}

export interface ExactExpectation<Item> {
  /** What was asked, for messages: `categories=auth,import`. */
  asked: string
  /** The items that must come back, newest first. */
  expected: readonly Item[]
  /** A short description of an item for findings: `category import`. */
  describe(item: Item): string
  /**
   * Re-reads the unfiltered window; called once on a mismatch. When the window itself changed since the sample
   * (an event arrived late), the comparison proves nothing and is reported as a note instead.
   */
  windowUnchanged?: () => Promise<boolean>
}

/**
 * Fails unless `page` holds exactly the expected items: none missing (the server is too strict), none extra (too
 * permissive), newest first. Returns whether it matched.
 */
export async function expectExactly<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  page: RecordedPage<Item>,
  expectation: ExactExpectation<Item>,
): Promise<boolean> {
  const { asked, expected, describe } = expectation
  const request = describeExchange(page.exchange)
  const expectedIds = new Set(expected.map((item) => api.idOf(item)))
  const returnedIds = new Set(page.items.map((item) => api.idOf(item)))
  const missing = expected.filter((item) => !returnedIds.has(api.idOf(item)))
  const extra = page.items.filter((item) => !expectedIds.has(api.idOf(item)))
  const inversion = page.items.findIndex((item, index) => {
    const previous = page.items[index - 1]
    if (previous === undefined) return false
    const [at, before] = [instantMicros(api.timeTextOf(item)), instantMicros(api.timeTextOf(previous))]
    return at !== null && before !== null && at > before
  })
  if (missing.length === 0 && extra.length === 0 && inversion < 0) return true

  if (expectation.windowUnchanged && !(await expectation.windowUnchanged())) {
    context.note(
      `the reference window changed since the sample (late-arriving ${api.noun}), so ${asked} could not be compared exactly`,
    )
    return true
  }
  const singular = api.noun === 'entries' ? 'entry' : api.noun.replace(/s$/, '')
  reportLimited(
    context,
    missing.map((item) => ({
      message: `missing: ${singular} ${api.idOf(item)} (${describe(item)}) matches ${asked} inside the window but was not returned`,
      expected: `${expected.length} ${api.noun}`,
      actual: `${page.items.length} ${api.noun}`,
    })),
    request,
  )
  reportLimited(
    context,
    extra.map((item) => ({
      message: `extra: ${singular} ${api.idOf(item)} (${describe(item)}) was returned for ${asked} but is not among the window's ${api.noun} that match`,
      path: `$.body[${page.items.indexOf(item)}]`,
      expected: `${expected.length} ${api.noun}`,
      actual: `${page.items.length} ${api.noun}`,
    })),
    request,
  )
  if (inversion >= 0) {
    context.fail(`the ${api.noun} for ${asked} are not newest first`, {
      request,
      path: `$.body[${inversion}].${api.timeField}`,
      expected: `≤ ${api.timeTextOf(page.items[inversion - 1] as Item)}`,
      actual: api.timeTextOf(page.items[inversion] as Item),
    })
  }
  return false
}

/** Whether a fresh read of the window lists the ids the sample holds there (memoised: at most one read per API). */
export function windowUnchangedSince<T extends Target, Item, P extends PagingParams>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  window: ReferenceWindow<Item>,
  reread: () => Promise<RecordedPage<Item>>,
): () => Promise<boolean> {
  return () =>
    context.shared.memo('reference-window-unchanged', async () => {
      const page = await reread()
      const ids = page.items.map((item) => api.idOf(item))
      return ids.length === window.items.length && window.items.every((item) => ids.includes(api.idOf(item)))
    })
}

/** The reference window of one API, with its bounds under the API's own names and probes confined to it. */
export interface ProbedWindow<Item, Bounds extends Record<string, string>> extends ReferenceWindow<Item> {
  sample: Item[]
  /** The window's bounds (e.g. `from`/`to`, `after`/`before`), as the server wrote them. */
  bounds: Bounds
  /** Lists `query` inside the window, with room for one item more than `expected` holds. */
  probe(query: Readonly<Record<string, string>>, expectedCount: number): Promise<RecordedPage<Item>>
  /** Compares a probe's page with exactly `expected`. */
  expect(
    page: RecordedPage<Item>,
    expectation: Omit<ExactExpectation<Item>, 'windowUnchanged'>,
  ): Promise<boolean>
}

/**
 * Takes the sample, cuts the reference window from it and binds the probes to its bounds. `boundsOf` names the
 * window's ends with the API's parameters; `list` sends one listing with raw query text.
 */
export async function probedWindow<
  T extends Target,
  Item,
  P extends PagingParams,
  Bounds extends Record<string, string>,
>(
  context: CheckContext<T>,
  api: ListApi<T, Item, P>,
  boundsOf: (window: ReferenceWindow<Item>) => Bounds,
  list: (context: CheckContext<T>, query: Readonly<Record<string, string>>) => Promise<RecordedPage<Item>>,
): Promise<ProbedWindow<Item, Bounds>> {
  const sample = await samplePage(context, api)
  const window = referenceWindow(context, api, sample.items, context.spec.pageLimits.max)
  const bounds = boundsOf(window)
  const unchanged = windowUnchangedSince(context, api, window, () =>
    list(context, { ...bounds, limit: String(window.items.length + 1) }),
  )
  return {
    ...window,
    sample: sample.items,
    bounds,
    // One more than expected: a page that holds more than it should shows it, and a server that filters only after
    // cutting the page (too few) cannot hide behind a page with room to spare.
    probe: (query, expectedCount) => list(context, { ...query, ...bounds, limit: String(expectedCount + 1) }),
    expect: (page, expectation) =>
      expectExactly(context, api, page, { ...expectation, windowUnchanged: unchanged }),
  }
}
