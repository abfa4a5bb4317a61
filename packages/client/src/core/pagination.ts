import type { ParameterIssue } from '@kaiten-audit/query'
import { RequestAbortedError } from './errors.js'
import { instantOf } from './instant.js'

/** Consecutive identical full pages after which the server is taken to ignore `offset`. */
const MAX_REPEATED_PAGES = 10

/** One page as the iterator saw it. */
export interface Page<T> {
  /** The page's items, minus any already returned by an earlier page. */
  items: T[]
  /** The offset this page was requested at. */
  offset: number
  /** How many items the server sent, before de-duplication; the next offset is `offset + received`. */
  received: number
}

/** What the pager asks of one API. */
export interface OffsetPagingSource<T> {
  /** The page size to request; a page with fewer items is the last one. */
  pageSize: number
  /** Whether the caller fixed the upper time bound; if not, the pager pins it at the newest item's time. */
  hasUpperBound: boolean
  /** Fetches one page; `upperBound` is the pinned time text, when there is one. */
  fetchPage(
    offset: number,
    upperBound: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<FetchedPage<T>>
  idOf(item: T): string | number
  /** The item's time text, by which the API sorts newest first. */
  timeOf(item: T): string
  signal: AbortSignal | undefined
}

/** One page as the source fetched it. */
export interface FetchedPage<T> {
  items: readonly T[]
  /**
   * The error for this page when it breaks the paging contract (`path` in the body, what was expected, what came).
   * The source builds it because only the source knows where the page came from: for HTTP the request, status and
   * request id, for a test's in-memory list whatever names the request. The pager needs no transport.
   */
  shapeError(path: string, expected: string, actual: string): Error
}

/**
 * Offset pagination over a newest-first list that is being appended to.
 *
 * Both APIs sort newest first and page by offset, so every event added above the reader's position shifts every
 * later offset. Two rules keep the walk exact:
 * - Pin the upper bound. Unless the caller gave one, the first page is fetched unbounded and the newest item's own
 *   time text becomes the inclusive upper bound of every later page, so events newer than the start never shift
 *   offsets. (Pinning to the server's own text, not the local clock, is immune to clock skew.)
 * - De-duplicate across page boundaries by time, then id. Items come newest first, so after an item with time t every
 *   item of a later page with time > t was already returned (or was added during the walk), and of those at exactly t
 *   only ids not yet seen at t are new. Events added with a time ≤ the pin (same instant, or back-dated) push already
 *   returned items into the next page; this rule drops them. Memory stays bounded by the ids sharing one instant.
 *
 * Items are never lost: the list only grows, so an item not yet returned can only move to a higher offset, and the
 * next offset is advanced by what the page actually held (kaiten.ru clamps large limits). A page shorter than
 * `pageSize` is the last.
 */
export class AuditPages<T> implements AsyncIterable<T> {
  readonly #source: OffsetPagingSource<T>

  constructor(source: OffsetPagingSource<T>) {
    this.#source = source
  }

  /** Page by page. Each call starts a fresh walk with its own pinned bound. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const source = this.#source
    const { signal } = source
    let upperBound: string | undefined
    let offset = 0
    // The oldest instant returned so far, and the ids returned at exactly that instant.
    let boundaryTime = Number.POSITIVE_INFINITY
    const boundaryIds = new Set<string | number>()
    let previous: { first: string | number; last: string | number } | undefined
    let repeatedPages = 0

    for (;;) {
      if (signal?.aborted) throw RequestAbortedError.fromSignal(signal)
      const page = await source.fetchPage(offset, upperBound, signal)
      const { items } = page
      const fail = (path: string, expected: string, actual: string): never => {
        throw page.shapeError(path, expected, actual)
      }
      const first = items[0]
      const last = items[items.length - 1]
      if (first === undefined || last === undefined) return
      if (upperBound === undefined && !source.hasUpperBound) upperBound = source.timeOf(first)

      // A server that ignores `offset` would otherwise be paged forever. One repeated page is legitimate (exactly a
      // page of events inserted at or below the pin since the last request), so only a run of them counts.
      const ends = { first: source.idOf(first), last: source.idOf(last) }
      const repeated =
        previous !== undefined &&
        items.length === source.pageSize &&
        ends.first === previous.first &&
        ends.last === previous.last
      repeatedPages = repeated ? repeatedPages + 1 : 0
      if (repeatedPages >= MAX_REPEATED_PAGES) {
        fail(
          '$',
          `the items from offset ${offset}`,
          `the same page ${repeatedPages + 1} times in a row (offset ignored?)`,
        )
      }
      previous = ends

      const fresh: T[] = []
      let pageTime = Number.POSITIVE_INFINITY
      for (let index = 0; index < items.length; index++) {
        const item = items[index] as T
        const text = source.timeOf(item)
        const time = instantOf(text)
        if (time === null) return fail(`$[${index}]`, 'an RFC 3339 date-time', JSON.stringify(text))
        if (time > pageTime) fail(`$[${index}]`, 'items sorted newest first', `${text} after an older item`)
        pageTime = time
        if (time > boundaryTime) continue
        const id = source.idOf(item)
        if (time === boundaryTime) {
          if (boundaryIds.has(id)) continue
        } else {
          boundaryTime = time
          boundaryIds.clear()
        }
        boundaryIds.add(id)
        fresh.push(item)
      }
      yield { items: fresh, offset, received: items.length }
      if (items.length < source.pageSize) return
      offset += items.length
    }
  }

  /**
   * Item by item, fetching the next page only when the current one is used up. Hand-written rather than an async
   * generator: handing out an already fetched item is then one resolved promise, which keeps iteration close to a
   * plain loop over the pages.
   */
  [Symbol.asyncIterator](): AsyncIterator<T, void, undefined> {
    const pages = this.pages()
    let items: T[] = []
    let index = 0
    const nextPage = async (): Promise<IteratorResult<T, void>> => {
      for (;;) {
        const page = await pages.next()
        if (page.done) return { done: true, value: undefined }
        items = page.value.items
        index = 0
        if (items.length > 0) return { done: false, value: items[index++] as T }
      }
    }
    return {
      next: () =>
        index < items.length ? Promise.resolve({ done: false, value: items[index++] as T }) : nextPage(),
      return: async () => {
        items = []
        await pages.return(undefined)
        return { done: true, value: undefined }
      },
    }
  }
}

/**
 * The query of one page of a walk: the caller's checked query, the walk's offset, and the pinned upper bound under
 * the API's own name for it (`before` on kaiten.sh, `to` on kaiten.ru).
 */
export function pageQuery(
  base: URLSearchParams,
  offset: number,
  boundParameter: string,
  upperBound: string | undefined,
): URLSearchParams {
  const query = new URLSearchParams(base)
  query.set('offset', String(offset))
  if (upperBound !== undefined) query.set(boundParameter, upperBound)
  return query
}

/** Iteration manages offsets itself; a caller's offset would silently skip items, so it is refused. */
export function iterationOffsetIssue(params: object | undefined): ParameterIssue | undefined {
  const offset = (params as { offset?: unknown } | undefined)?.offset
  if (offset === undefined) return undefined
  return {
    parameter: 'offset',
    value: offset,
    allowed: 'no offset: iteration manages offsets (list one page at an offset with the list method)',
    kind: 'constraint',
  }
}
