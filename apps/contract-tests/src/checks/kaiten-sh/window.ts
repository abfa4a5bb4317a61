// kaiten.sh's reference window: the sample's closed stretch every filter probe is compared with.
import type { AuditTrailEntry } from '@kaiten-audit/types'
import type { CheckContext } from '../context.js'
import { type Page, samplePage } from '../shared/list-api.js'
import {
  type ExactExpectation,
  expectExactly,
  type ReferenceWindow,
  referenceWindow,
  windowUnchangedSince,
} from '../shared/reference-window.js'
import type { KaitenShTarget } from '../targets.js'
import { kaitenShList, listEntries } from './list.js'

export interface KaitenShWindow extends ReferenceWindow<AuditTrailEntry> {
  sample: AuditTrailEntry[]
  /** `after`/`before` of the window, as the server wrote them. */
  bounds: { after: string; before: string }
  /** Lists `query` inside the window, with room for one entry more than `expected` holds. */
  probe(query: Readonly<Record<string, string>>, expectedCount: number): Promise<Page<AuditTrailEntry>>
  /** Compares a probe's page with exactly `expected`. */
  expect(
    page: Page<AuditTrailEntry>,
    expectation: Omit<ExactExpectation<AuditTrailEntry>, 'windowUnchanged'>,
  ): Promise<boolean>
}

export async function kaitenShWindow(context: CheckContext<KaitenShTarget>): Promise<KaitenShWindow> {
  const sample = await samplePage(context, kaitenShList)
  const window = referenceWindow(context, kaitenShList, sample.items, kaitenShList.limits.max)
  const bounds = { after: window.from, before: window.to }
  const unchanged = windowUnchangedSince(context, kaitenShList, window, () =>
    listEntries(context, { ...bounds, limit: String(window.items.length + 1) }),
  )
  return {
    ...window,
    sample: sample.items,
    bounds,
    // One more than expected: a page that holds more than it should shows it, and a server that filters only after
    // cutting the page (too few) cannot hide behind a page with room to spare.
    probe: (query, expectedCount) =>
      listEntries(context, { ...query, ...bounds, limit: String(expectedCount + 1) }),
    expect: (page, expectation) =>
      expectExactly(context, kaitenShList, page, { ...expectation, windowUnchanged: unchanged }),
  }
}

export function describeEntry(entry: AuditTrailEntry): string {
  return `${entry.eventName}, ${entry.timestamp}`
}
