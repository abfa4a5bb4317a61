// kaiten.ru as the shared pagination checks see it: GET /audit-logs.
import type { KaitenRuListParams } from '@kaiten-audit/query'
import type { AuditLogCategory, AuditLogEvent } from '@kaiten-audit/types'
import type { AuthMode, Exchange } from '../../http/exchange.js'
import { pageLimits } from '../../spec/operation.js'
import { renderQuery } from '../../spec/query-text.js'
import type { CheckContext } from '../context.js'
import { arrayItems, type ListApi } from '../shared/list-api.js'
import type { KaitenRuTarget } from '../targets.js'

export const AUDIT_LOGS_PATH = '/audit-logs'

/** Sends any query (valid or not) to the audit-logs endpoint. */
export function sendAuditLogs(
  context: CheckContext<KaitenRuTarget>,
  query: URLSearchParams,
  options: { auth?: AuthMode; paced?: boolean } = {},
): Promise<Exchange> {
  return context.send({
    path: AUDIT_LOGS_PATH,
    specPath: AUDIT_LOGS_PATH,
    query,
    auth: options.auth ?? 'valid',
    paced: options.paced ?? true,
  })
}

export const kaitenRuList: ListApi<KaitenRuTarget, AuditLogEvent, KaitenRuListParams> = {
  api: 'kaiten-ru',
  label: 'kaiten.ru',
  noun: 'events',
  timeField: 'created',
  limits: pageLimits('kaiten-ru'),
  idOf: (event) => String(event.id),
  timeTextOf: (event) => event.created,
  window: ({ from, to }) => ({ from, to }),
  async list(context, params) {
    const exchange = await sendAuditLogs(context, renderQuery('kaiten-ru', { ...params }))
    return { exchange, items: arrayItems(context, exchange, 'events') as AuditLogEvent[] }
  },
  filterOf: (event) => ({
    params: { categories: [event.category as AuditLogCategory] },
    label: `categories=${event.category}`,
    matches: (other) => other.category === event.category,
  }),
}
