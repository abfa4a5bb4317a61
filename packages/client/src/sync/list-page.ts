// The sync's one page request, over either API's checked list call: only the names of the time bounds differ.
import { requestIdOf } from '../core/errors.js'
import type { CallOptions, Exchange } from '../core/transport.js'
import type { PageQuery, SourcePage } from './engine.js'

/** One checked request of the client: the page's items and the exchange they came from. */
export type ListPage<T> = (
  search: URLSearchParams,
  call: CallOptions,
) => Promise<{ items: T[]; exchange: Exchange }>

/** The API's names for the paging and bounding parameters, which the sync sets itself on every page. */
export interface PagingNames {
  from: string
  to: string
}

/** Fetches one page of the sync: the caller's filters, with the sync's own bounds, limit and offset. */
export function fetchPageWith<T>(
  listPage: ListPage<T>,
  base: URLSearchParams,
  names: PagingNames,
  call: CallOptions,
): (query: PageQuery, signal: AbortSignal | undefined) => Promise<SourcePage<T>> {
  return async (query, signal) => {
    const search = new URLSearchParams(base)
    for (const name of [names.from, names.to, 'limit', 'offset']) search.delete(name)
    if (query.from !== undefined) search.set(names.from, query.from)
    if (query.to !== undefined) search.set(names.to, query.to)
    search.set('limit', String(query.limit))
    search.set('offset', String(query.offset))
    const { items, exchange } = await listPage(search, { ...call, signal })
    return {
      items,
      request: exchange.request,
      status: exchange.response.status,
      requestId: requestIdOf(exchange.response.headers),
    }
  }
}
