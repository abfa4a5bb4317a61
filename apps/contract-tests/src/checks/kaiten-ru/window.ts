// kaiten.ru's reference window: the sample's closed stretch every filter probe is compared with.
import type { AuditLogEvent } from '@kaiten-audit/types'
import type { CheckContext } from '../context.js'
import { type Page, samplePage } from '../shared/list-api.js'
import {
  type ExactExpectation,
  expectExactly,
  type ReferenceWindow,
  referenceWindow,
  windowUnchangedSince,
} from '../shared/reference-window.js'
import type { KaitenRuTarget } from '../targets.js'
import { kaitenRuList, listEvents } from './list.js'

export interface KaitenRuWindow extends ReferenceWindow<AuditLogEvent> {
  sample: AuditLogEvent[]
  /** `from`/`to` of the window, as the server wrote them. */
  bounds: { from: string; to: string }
  /** Lists `query` inside the window, with room for one item more than `expected` holds. */
  probe(query: Readonly<Record<string, string>>, expectedCount: number): Promise<Page<AuditLogEvent>>
  /** Compares a probe's page with exactly `expected`. */
  expect(
    page: Page<AuditLogEvent>,
    expectation: Omit<ExactExpectation<AuditLogEvent>, 'windowUnchanged'>,
  ): Promise<boolean>
}

export async function kaitenRuWindow(context: CheckContext<KaitenRuTarget>): Promise<KaitenRuWindow> {
  const sample = await samplePage(context, kaitenRuList)
  const window = referenceWindow(context, kaitenRuList, sample.items, kaitenRuList.limits.max)
  const bounds = { from: window.from, to: window.to }
  const unchanged = windowUnchangedSince(context, kaitenRuList, window, () =>
    listEvents(context, { ...bounds, limit: String(window.items.length + 1) }),
  )
  return {
    ...window,
    sample: sample.items,
    bounds,
    // One more than expected: a page that holds more than it should shows it, and a server that filters only after
    // cutting the page (too few) cannot hide behind a page with room to spare.
    probe: (query, expectedCount) =>
      listEvents(context, { ...query, ...bounds, limit: String(expectedCount + 1) }),
    expect: (page, expectation) =>
      expectExactly(context, kaitenRuList, page, { ...expectation, windowUnchanged: unchanged }),
  }
}

export function describeEvent(event: AuditLogEvent): string {
  return `${event.category}/${event.action}, author_id ${event.author_id ?? 'null'}, created ${event.created}`
}
