// The list pages a run recorded: every 200 answer of one API whose body is a JSON array, with its items.
import { type Exchange, jsonBody } from '../../http/exchange.js'
import type { CheckContext } from '../context.js'

export interface RecordedPage {
  exchange: Exchange
  items: Record<string, unknown>[]
}

export function recordedPages(context: CheckContext): RecordedPage[] {
  return context.exchanges().flatMap((exchange) => {
    if (exchange.status !== 200) return []
    const body = jsonBody(exchange)
    if (!Array.isArray(body)) return []
    const items = body.filter(
      (item): item is Record<string, unknown> =>
        item !== null && typeof item === 'object' && !Array.isArray(item),
    )
    return [{ exchange, items }]
  })
}
