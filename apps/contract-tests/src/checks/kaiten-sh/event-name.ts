// kaiten.sh `event_name` is an exact match: it holds on every entry, and a strict prefix of a real name matches nothing.
import { describeExchange } from '../../http/exchange.js'
import type { CheckDefinition } from '../context.js'
import { expectAnchorListed, reportLimited, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenShTarget } from '../targets.js'
import { kaitenShList } from './list.js'

const FILTER_PAGE = 50

export const eventNameCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.filters.event-name',
  api: 'kaiten-sh',
  group: 'filters',
  title: '`event_name` is an exact match on every entry; a strict prefix matches nothing',
  rules: ['SH-07', 'SH-08', 'SH-35'],
  async run(context) {
    const sample = await samplePage(context, kaitenShList)
    requireItems(context, sample.items, 1, 'entries', 'to pick an event name')
    const names = new Set(sample.items.map((entry) => entry.eventName))
    const chosen = sample.items[Math.floor(sample.items.length / 2)]
    if (!chosen) return
    const eventName = chosen.eventName

    const page = await kaitenShList.list(context, {
      event_name: eventName,
      before: chosen.timestamp,
      limit: FILTER_PAGE,
    })
    const request = describeExchange(page.exchange)
    reportLimited(
      context,
      page.items.flatMap((entry, index) =>
        entry.eventName === eventName
          ? []
          : [
              {
                message: 'an entry with another event name was returned',
                path: `$.body[${index}].eventName`,
                expected: eventName,
                actual: String(entry.eventName),
              },
            ],
      ),
      request,
    )
    expectAnchorListed(context, kaitenShList, page, chosen, FILTER_PAGE, 'entry')

    const prefix = eventName.slice(0, -1)
    if (prefix.length === 0 || names.has(prefix)) {
      context.note(
        `no strict prefix of ${eventName} is free of real event names; the prefix case was not sent`,
      )
      return
    }
    const prefixed = await kaitenShList.list(context, { event_name: prefix, limit: 1 })
    if (prefixed.items.length > 0) {
      context.fail('a strict prefix of a real event name matched entries: the filter is not exact', {
        request: describeExchange(prefixed.exchange),
        path: '$.body[0].eventName',
        expected: `no entries for event_name=${prefix}`,
        actual: String(prefixed.items[0]?.eventName),
      })
    }
  },
}
