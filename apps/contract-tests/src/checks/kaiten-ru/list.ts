// kaiten.ru as the shared pagination checks see it: its audit-log operation, at the path the model documents.
import type { KaitenRuListParams } from '@kaiten-audit/query'
import type { AuditLogCategory, AuditLogEvent } from '@kaiten-audit/types'
import type { AuthMode, Exchange } from '../../http/exchange.js'
import { renderQuery } from '../../spec/query-text.js'
import type { CheckContext } from '../context.js'
import { rawQuery } from '../search-params.js'
import { arrayItems, type ListApi, type RecordedPage } from '../shared/list-api.js'
import type { KaitenRuTarget } from '../targets.js'

export interface SendOptions {
  auth?: AuthMode
  paced?: boolean
  authScheme?: string
  baseUrl?: string
}

/** Sends any query (valid or not) to the audit-logs endpoint. */
export function sendAuditLogs(
  context: CheckContext<KaitenRuTarget>,
  query: URLSearchParams,
  options: SendOptions = {},
): Promise<Exchange> {
  return context.send({
    path: context.spec.path(),
    specPath: context.spec.pathTemplate,
    query,
    auth: options.auth ?? 'valid',
    paced: options.paced ?? true,
    ...(options.authScheme !== undefined ? { authScheme: options.authScheme } : {}),
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
  })
}

/**
 * Lists one page for query text written by the check itself, not rendered by the code the mocks parse with, so a
 * value the spec allows can be sent even where that code would refuse it. Stops unless the answer is a JSON array.
 */
export async function listEvents(
  context: CheckContext<KaitenRuTarget>,
  query: Readonly<Record<string, string>>,
  options: SendOptions = {},
): Promise<RecordedPage<AuditLogEvent>> {
  const exchange = await sendAuditLogs(context, rawQuery(query), options)
  return { exchange, items: arrayItems(context, exchange, 'events') as AuditLogEvent[] }
}

export const kaitenRuList: ListApi<KaitenRuTarget, AuditLogEvent, KaitenRuListParams> = {
  api: 'kaiten-ru',
  label: 'kaiten.ru',
  noun: 'events',
  timeField: 'created',
  idOf: (event) => String(event.id),
  timeTextOf: (event) => event.created,
  window: ({ from, to }) => ({ from, to }),
  async list(context, params) {
    const exchange = await sendAuditLogs(context, renderQuery(context.spec, { ...params }))
    return { exchange, items: arrayItems(context, exchange, 'events') as AuditLogEvent[] }
  },
  filterOf: (event) => ({
    params: { categories: [event.category as AuditLogCategory] },
    label: `categories=${event.category}`,
    matches: (other) => other.category === event.category,
  }),
}
