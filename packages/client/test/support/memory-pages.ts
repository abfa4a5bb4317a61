// An in-memory page source for the pager: a newest-first list that only grows, served by offset and limit without
// any HTTP, so paging properties run thousands of walks in the time one HTTP walk takes.
import { parseDateTime } from '@kaiten-audit/query'
import type { OffsetPagingSource } from '../../src/core/pagination.js'
import { ResponseShapeError } from '../../src/index.js'

export interface MemoryItem {
  id: string | number
  time: string
}

/** Epoch microseconds of a time text; the log only holds valid ones. */
function instant(text: string): number {
  const value = parseDateTime(text)
  if (value === null) throw new Error(`not a date-time: ${JSON.stringify(text)}`)
  return value
}

/** An audit log that only grows, kept newest first (ties by id, the larger first: the mocks' order for both APIs). */
export class MemoryLog {
  readonly items: MemoryItem[] = []
  /** `items`' instants, parsed once. */
  readonly #instants: number[] = []

  append(item: MemoryItem): void {
    const at = instant(item.time)
    let low = 0
    let high = this.items.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const other = this.#instants[middle] as number
      if (other > at || (other === at && (this.items[middle] as MemoryItem).id > item.id)) low = middle + 1
      else high = middle
    }
    this.items.splice(low, 0, item)
    this.#instants.splice(low, 0, at)
  }

  /** What an honest server answers: items at or before the inclusive upper bound, then the page. */
  page(offset: number, limit: number, upperBound: string | undefined): MemoryItem[] {
    let first = 0
    if (upperBound !== undefined) {
      const bound = instant(upperBound)
      while (first < this.items.length && (this.#instants[first] as number) > bound) first++
    }
    return this.items.slice(first + offset, first + offset + limit)
  }
}

/** One request as the server saw it. */
export interface PageRequest {
  /** 0 for the walk's first request. */
  index: number
  offset: number
  /** The bound the request carried: the caller's, or the one the pager pinned. */
  upperBound: string | undefined
}

/** Thrown when a walk asks for more pages than a test allows, so an endless walk fails instead of hanging. */
export class RequestCapError extends Error {
  override readonly name = 'RequestCapError'
}

export interface MemorySourceOptions {
  /** The page size the pager is told it asked for. */
  pageSize: number
  /** The caller's own inclusive upper bound, sent on every request; without it the pager pins one. */
  upperBound?: string
  /** The server's answer; by default `log.page(offset, pageSize, bound)`. */
  serve?: (request: PageRequest) => MemoryItem[]
  log?: MemoryLog
  /** Called before each request after the first, e.g. to insert items between pages. */
  beforeRequest?: (request: PageRequest) => void
  /** A request beyond this many throws `RequestCapError`. Default 10,000. */
  maxRequests?: number
  signal?: AbortSignal
}

export interface MemorySource extends OffsetPagingSource<MemoryItem> {
  readonly requests: PageRequest[]
}

/** A page source over memory; its shape errors name a `memory:` URL with the request's offset and bound. */
export function memorySource(options: MemorySourceOptions): MemorySource {
  const { pageSize } = options
  const maxRequests = options.maxRequests ?? 10_000
  const log = options.log ?? new MemoryLog()
  const serve =
    options.serve ?? ((request: PageRequest) => log.page(request.offset, pageSize, request.upperBound))
  const requests: PageRequest[] = []
  return {
    requests,
    pageSize,
    hasUpperBound: options.upperBound !== undefined,
    signal: options.signal,
    idOf: (item) => item.id,
    timeOf: (item) => item.time,
    async fetchPage(offset, pinned) {
      const request: PageRequest = {
        index: requests.length,
        offset,
        upperBound: options.upperBound ?? pinned,
      }
      if (request.index >= maxRequests) {
        throw new RequestCapError(`the walk asked for more than ${maxRequests} pages`)
      }
      if (request.index > 0) options.beforeRequest?.(request)
      requests.push(request)
      const items = serve(request)
      const query = `offset=${offset}${request.upperBound === undefined ? '' : `&to=${request.upperBound}`}`
      return {
        items,
        shapeError: (path, expected, actual) =>
          new ResponseShapeError(
            { path, expected, actual },
            { request: { method: 'GET', url: `memory:?${query}` }, status: 200, requestId: undefined },
          ),
      }
    },
  }
}

/** Every item of a walk, or the error that ended it along with the items returned before it. */
export async function walk<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = []
  try {
    for await (const item of iterable) items.push(item)
    return { items, error: undefined }
  } catch (error) {
    return { items, error }
  }
}
