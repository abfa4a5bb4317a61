// What every kaiten.sh entry of the run must say about itself, judged over every page recorded (no requests): it
// belongs to the instance in the path, and a documented event name carries the status the guide gives it.
import { describeExchange, type Exchange, jsonBody, show } from '../../http/exchange.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import { reportLimited } from '../shared/list-api.js'
import type { KaitenShTarget } from '../targets.js'

interface RecordedEntry {
  exchange: Exchange
  slug: string
  index: number
  entry: Record<string, unknown>
}

/** The entries of every 200 page of the run, with the instance slug their request named. */
function recordedEntries(context: CheckContext<KaitenShTarget>): RecordedEntry[] {
  return context.exchanges().flatMap((exchange) => {
    // The instance is the path's one parameter, wherever the model's template puts it.
    const slug = Object.values(context.spec.pathValues(exchange.target) ?? {})[0]
    const body = jsonBody(exchange)
    if (exchange.status !== 200 || slug === undefined || !Array.isArray(body)) return []
    return body.flatMap((entry, index) =>
      entry !== null && typeof entry === 'object'
        ? [{ exchange, slug, index, entry: entry as Record<string, unknown> }]
        : [],
    )
  })
}

function entriesOrSkip(context: CheckContext<KaitenShTarget>): RecordedEntry[] {
  const entries = recordedEntries(context)
  if (entries.length === 0) context.skip('no entries were recorded in this run')
  return entries
}

export const instanceOfEveryEntryCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.invariants.entries-of-the-instance',
  api: 'kaiten-sh',
  group: 'invariants',
  passive: true,
  title:
    'Every entry of the run belongs to the instance its request named: that `instanceSlug`, one `instanceId`',
  rules: ['SH-03'],
  async run(context) {
    const entries = entriesOrSkip(context)
    const foreign = entries
      .filter(({ entry, slug }) => entry.instanceSlug !== slug)
      .map(({ entry, slug, index, exchange }) => ({
        message: `an entry of another instance was returned: instanceSlug ${show(entry.instanceSlug)} on a request for ${show(slug)}`,
        path: `$.body[${index}].instanceSlug`,
        expected: show(slug),
        actual: `${show(entry.instanceSlug)} (${describeExchange(exchange)})`,
      }))
    reportLimited(context, foreign)

    const idsBySlug = new Map<string, Map<string, RecordedEntry>>()
    for (const recorded of entries) {
      const ids = idsBySlug.get(recorded.slug) ?? new Map<string, RecordedEntry>()
      const id = show(recorded.entry.instanceId)
      if (!ids.has(id)) ids.set(id, recorded)
      idsBySlug.set(recorded.slug, ids)
    }
    for (const [slug, ids] of idsBySlug) {
      if (ids.size < 2) continue
      const [first, second] = [...ids.values()] as [RecordedEntry, RecordedEntry]
      context.fail(
        `entries of instance ${show(slug)} carry ${ids.size} different instanceIds; one instance has one id`,
        {
          request: describeExchange(second.exchange),
          path: `$.body[${second.index}].instanceId`,
          expected: show(first.entry.instanceId),
          actual: show(second.entry.instanceId),
        },
      )
    }
  },
}

/**
 * docs.kaiten.sh/docs/guides/audit-trail, "What is tracked": each event the guide names and the status it is
 * recorded with. Names outside this table are open-ended and may carry either status.
 */
const GUIDE_STATUS_BY_EVENT_NAME: Readonly<Record<string, string>> = {
  'kaiten.v1.entitlement.value.get': 'ACCEPTED',
  'kaiten.v1.entitlement.usage.report.accepted': 'ACCEPTED',
  'kaiten.v1.entitlement.usage.report.rejected': 'REJECTED',
  'kaiten.v1.feature_flag.evaluate': 'ACCEPTED',
}

export const statusFollowsGuideCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.invariants.status-follows-guide',
  api: 'kaiten-sh',
  group: 'invariants',
  passive: true,
  title:
    'Every entry with an event name from the audit-trail guide carries the status the guide gives that name',
  rules: ['SH-27'],
  async run(context) {
    const entries = entriesOrSkip(context)
    const reported = new Set<string>()
    const wrong = entries.flatMap(({ entry, index, exchange }) => {
      const documented = GUIDE_STATUS_BY_EVENT_NAME[String(entry.eventName)]
      const key = `${String(entry.eventName)}\u0000${show(entry.status)}`
      if (documented === undefined || entry.status === documented || reported.has(key)) return []
      reported.add(key)
      return [
        {
          message: `${String(entry.eventName)} is recorded as ${documented} in the audit-trail guide, but an entry carries ${show(entry.status)}`,
          path: `$.body[${index}].status`,
          expected: documented,
          actual: `${show(entry.status)} (entry ${show(entry.id)}, ${describeExchange(exchange)})`,
        },
      ]
    })
    reportLimited(context, wrong)
  },
}
