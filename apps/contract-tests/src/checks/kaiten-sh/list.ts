// kaiten.sh as the shared pagination checks see it: its audit-trail operation, at the path the model documents for
// the configured instance.
import type { KaitenShListParams } from '@kaiten-audit/query'
import type { AuditTrailEntry } from '@kaiten-audit/types'
import type { AuthMode, Exchange } from '../../http/exchange.js'
import { renderQuery } from '../../spec/query-text.js'
import type { CheckContext } from '../context.js'
import { rawQuery } from '../search-params.js'
import { arrayItems, type ListApi, type RecordedPage } from '../shared/list-api.js'
import type { KaitenShTarget } from '../targets.js'

export interface SendOptions {
  auth?: AuthMode
  instanceSlug?: string
  authScheme?: string
}

/** Sends any query (valid or not) to the audit-trails endpoint. */
export function sendTrails(
  context: CheckContext<KaitenShTarget>,
  query: URLSearchParams,
  options: SendOptions = {},
): Promise<Exchange> {
  return context.send({
    path: context.spec.path({ instanceSlug: options.instanceSlug ?? context.target.instanceSlug }),
    specPath: context.spec.pathTemplate,
    query,
    auth: options.auth ?? 'valid',
    ...(options.authScheme !== undefined ? { authScheme: options.authScheme } : {}),
  })
}

/**
 * Lists one page for query text written by the check itself, not rendered by the code the mocks parse with, so a
 * value the spec allows can be sent even where that code would refuse it. Stops unless the answer is a JSON array.
 */
export async function listEntries(
  context: CheckContext<KaitenShTarget>,
  query: Readonly<Record<string, string>>,
  options: SendOptions = {},
): Promise<RecordedPage<AuditTrailEntry>> {
  const exchange = await sendTrails(context, rawQuery(query), options)
  return { exchange, items: arrayItems(context, exchange, 'entries') as AuditTrailEntry[] }
}

export const kaitenShList: ListApi<KaitenShTarget, AuditTrailEntry, KaitenShListParams> = {
  api: 'kaiten-sh',
  label: 'kaiten.sh',
  noun: 'entries',
  timeField: 'timestamp',
  idOf: (entry) => String(entry.id),
  timeTextOf: (entry) => entry.timestamp,
  window: ({ from, to }) => ({ after: from, before: to }),
  async list(context, params) {
    const exchange = await sendTrails(context, renderQuery(context.spec, { ...params }))
    return { exchange, items: arrayItems(context, exchange, 'entries') as AuditTrailEntry[] }
  },
  filterOf: (entry) => ({
    params: { event_name: entry.eventName },
    label: `event_name=${entry.eventName}`,
    matches: (other) => other.eventName === entry.eventName,
  }),
}
