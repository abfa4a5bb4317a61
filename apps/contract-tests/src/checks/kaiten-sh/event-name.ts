// kaiten.sh `event_name` is an exact, case-sensitive match over an open set of names: the window's entries with
// that name and no others; a strict prefix or another case matches nothing; a name nobody used yet is not an error.
import type { AuditTrailEntry } from '@kaiten-audit/types'
import { describeExchange, jsonBody } from '../../http/exchange.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import type { KaitenShTarget } from '../targets.js'
import { listEntries, sendTrails } from './list.js'
import { describeEntry, type KaitenShWindow, kaitenShWindow } from './window.js'

/** The rarest name in the window: its entries are spread out, so a filter applied after cutting the page shows. */
function rarestName(window: KaitenShWindow): string | undefined {
  const counts = new Map<string, number>()
  for (const entry of window.items) counts.set(entry.eventName, (counts.get(entry.eventName) ?? 0) + 1)
  return [...counts.entries()]
    .filter(([, count]) => count < window.items.length)
    .sort(([, a], [, b]) => a - b)[0]?.[0]
}

/** Fails unless a name that must match nothing gave an empty page. */
async function expectNoMatch(
  context: CheckContext<KaitenShTarget>,
  window: KaitenShWindow,
  name: string,
  why: string,
): Promise<void> {
  const page = await listEntries(context, { event_name: name, ...window.bounds, limit: '1' })
  if (page.items.length > 0) {
    context.fail(`event_name=${name} matched entries: ${why}`, {
      request: describeExchange(page.exchange),
      path: '$.body[0].eventName',
      expected: `no entries for event_name=${name}`,
      actual: String((page.items[0] as AuditTrailEntry).eventName),
    })
  }
}

export const eventNameCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.filters.event-name',
  api: 'kaiten-sh',
  group: 'filters',
  title:
    '`event_name` returns exactly the window’s entries with that name; a strict prefix or the name in upper case matches nothing',
  rules: ['SH-07', 'SH-35'],
  async run(context) {
    const window = await kaitenShWindow(context)
    const name = rarestName(window)
    if (name === undefined) return context.skip('every entry of the reference window has the same event name')
    const expected = window.items.filter((entry) => entry.eventName === name)
    const page = await window.probe({ event_name: name }, expected.length)
    await window.expect(page, { asked: `event_name=${name}`, expected, describe: describeEntry })

    const seen = new Set(window.sample.map((entry) => entry.eventName))
    const variants = [
      { text: name.slice(0, -1), why: 'the filter is not exact (a strict prefix of a real name matched)' },
      { text: name.toUpperCase(), why: 'the filter ignores case (the name in upper case matched)' },
    ]
    for (const { text, why } of variants) {
      if (text === '' || text === name || seen.has(text)) {
        context.note(`event_name=${JSON.stringify(text)} is not free of real names; that case was not sent`)
        continue
      }
      await expectNoMatch(context, window, text, why)
    }
  },
}

export const openEventNamesCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.filters.event-name-open-set',
  api: 'kaiten-sh',
  group: 'filters',
  title: 'An event name nobody has used yet is accepted (event names are an open set): 200 []',
  rules: ['SH-08'],
  async run(context) {
    // Shaped like the documented names, random so it cannot exist; inside the window, so no server scans its log.
    const unseen = `kaiten.v1.contract_probe.${crypto.randomUUID().replaceAll('-', '')}`
    const { bounds } = await kaitenShWindow(context)
    const exchange = await sendTrails(context, rawQuery({ event_name: unseen, ...bounds, limit: '1' }))
    const request = describeExchange(exchange)
    if (exchange.status !== 200) {
      context.fail(
        `event_name=${unseen} (a name no entry has yet) was answered ${exchange.status}; event names are open-ended, so an unseen one filters to nothing`,
        { request, expected: '200 []', actual: `${exchange.status}` },
      )
      return
    }
    const body = jsonBody(exchange)
    if (!Array.isArray(body) || body.length > 0) {
      context.fail(`event_name=${unseen} (a name no entry has yet) must give []`, {
        request,
        path: '$.body',
        expected: '[]',
        actual: exchange.body.slice(0, 120),
      })
    }
  },
}
