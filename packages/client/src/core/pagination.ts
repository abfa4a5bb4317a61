import type { ParameterIssue } from '@kaiten-audit/query'
import { epochMicrosOf } from './date-time.js'
import { RequestAbortedError } from './errors.js'

/**
 * Full pages in a row without a new item after which a walk ends. Under inserts such a run is legitimate: n of them
 * take at least n × pageSize items inserted at or below the upper bound since the last new item (see `AuditPages`),
 * so ten pages of 200 or 500 take a burst of 2,000 to 5,000 back-dated events within as many requests. On a server
 * that ignores `offset` such a run never ends.
 */
export const MAX_PAGES_WITHOUT_NEW_ITEMS = 10

/** One page as the iterator saw it. */
export interface IteratedPage<T> {
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
 * Offset pagination over a newest-first list that is being appended to, from a server that may not keep its word.
 *
 * Both APIs sort newest first and page by offset, so every event added above the reader's position shifts every
 * later offset. Two rules keep the walk exact:
 * - Pin the upper bound. Unless the caller gave one, the first page is fetched unbounded and the newest item's own
 *   time text becomes the inclusive upper bound of every later page, so events newer than the start never shift
 *   offsets. (Pinning to the server's own text, not the local clock, is immune to clock skew.)
 * - De-duplicate across page boundaries by time, then id. Items come newest first, so after an item with time t every
 *   item of a later page with time > t was already returned (or was added during the walk), and of those at exactly t
 *   only ids not yet seen at t are new. Events added with a time ≤ the pin (same instant, or back-dated) push already
 *   returned items into the next page; this rule drops them.
 *
 * Items are never lost: the list only grows, so an item not yet returned can only move to a higher offset, and the
 * next offset is advanced by what the page actually held (kaiten.ru clamps large limits). A page shorter than
 * `pageSize` is the last.
 *
 * A walk ends on any server, and never ends normally with an item lost, because the server is held to what those
 * rules assume; a page that breaks it ends the walk with the source's `ResponseShapeError`:
 * - A page holds at most `pageSize` items (the size the API applies, which for kaiten.ru may be below the `limit`
 *   sent), each id once, sorted newest first, and after the pin none newer than it.
 * - A repeat is told from an out-of-order item by the shift it implies, not by its id. An item newer than the
 *   boundary (the oldest instant returned) on a later page is a returned item pushed down by inserts, an item
 *   inserted during the walk between the boundary and the bound (its id was never returned, and it is not to be:
 *   the walk has passed its time), or an item the server listed out of order, which skipping would lose. Its id
 *   cannot tell the last two apart, so refusing every id not among those recently returned would end honest walks.
 *   The shift can: whatever moved that item down to this offset was inserted above it, and so also pushed down
 *   every item returned at the boundary instant, which sorts below it. So after an item newer than the boundary,
 *   every id returned at the boundary instant must come again before anything older, or the end of the list. If
 *   one does not, the server listed items out of order (two neighbours swapped across a page boundary, say) and the
 *   walk ends rather than lose one. This needs no memory beyond the ids kept for de-duplication, each with the
 *   number of the page that last listed it, and it does not depend on how the server orders equal times.
 * - Every page returns a new item, is the last, or is one of fewer than `MAX_PAGES_WITHOUT_NEW_ITEMS` full pages in
 *   a row that do not. Every item up to the end of such a run was either above the reader's position when the last
 *   new item came or inserted since, so n full pages without a new item take at least n × pageSize inserts at or
 *   below the bound. A walk over finitely many items therefore ends after finitely many requests.
 *
 * Memory stays bounded by the ids sharing the oldest instant returned, plus one page's ids.
 */
export class AuditPages<T> implements AsyncIterable<T> {
  readonly #source: OffsetPagingSource<T>

  constructor(source: OffsetPagingSource<T>) {
    this.#source = source
  }

  /** Page by page. Each call starts a fresh walk with its own pinned bound. */
  async *pages(): AsyncGenerator<IteratedPage<T>, void, undefined> {
    const source = this.#source
    const { signal, pageSize } = source
    const checks = new WalkChecks(source)
    for (let offset = 0; ; ) {
      if (signal?.aborted) throw RequestAbortedError.fromSignal(signal)
      const page = await source.fetchPage(offset, checks.upperBound, signal)
      const fresh = checks.accept(page, offset)
      if (fresh === undefined) return
      const received = page.items.length
      yield { items: fresh, offset, received }
      if (received < pageSize) return
      offset += received
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
 * One walk's memory between pages (the pin, the boundary, a pending displacement) and the checks that hold each page
 * to the paging contract (see `AuditPages`). A plain class rather than generator state: the per-item loop then
 * runs on locals.
 */
class WalkChecks<T> {
  readonly #source: OffsetPagingSource<T>
  /** The inclusive upper bound sent with each page after the first, when the pager pins it. */
  upperBound: string | undefined
  // The pinned bound as an instant: the server's own text of an item it listed, so an item above it means the bound
  // was ignored. A caller's bound is the server's to apply by its own rules; an item above it on a later page is
  // skipped, and the shift it implies checked, like any item newer than the boundary.
  #upperInstant = Number.POSITIVE_INFINITY
  #pageNumber = -1
  // The oldest instant returned so far, its text, and each id returned at exactly that instant with the number of
  // the page that last counted it (returned it, or repeated it while a displacement was pending).
  #boundaryTime = Number.POSITIVE_INFINITY
  #boundaryText = ''
  readonly #boundaryIds = new InstantIds()
  // An item newer than the boundary came on page `#displacedOn` (-1: none pending), so the `#required` boundary
  // ids must all come again before anything older; `#repeated` of them have.
  #displacedOn = -1
  #displacedBy = ''
  #required = 0
  #repeated = 0
  #fullPagesWithoutNew = 0
  readonly #pageIds = new Set<string | number>()

  constructor(source: OffsetPagingSource<T>) {
    this.#source = source
  }

  /**
   * The page's new items, or undefined when the list has ended (an empty page). Throws the page's shape error when
   * it breaks the contract.
   */
  accept(page: FetchedPage<T>, offset: number): T[] | undefined {
    const source = this.#source
    const { items } = page
    const { pageSize } = source
    const pageNumber = ++this.#pageNumber
    if (items.length > pageSize) {
      throw page.shapeError(
        '$',
        `at most ${pageSize} items, the page size requested`,
        `${items.length} items (limit ignored?)`,
      )
    }
    const first = items[0]
    if (first === undefined) {
      this.#requireRepeats(page, '$', 'the end of the list')
      return undefined
    }
    const pinning = pageNumber === 0 && !source.hasUpperBound
    if (pinning) this.upperBound = source.timeOf(first)

    const boundaryIds = this.#boundaryIds
    const pageIds = this.#pageIds
    const upperInstant = this.#upperInstant
    let boundaryTime = this.#boundaryTime
    let displacedOn = this.#displacedOn
    const fresh: T[] = []
    pageIds.clear()
    let pageTime = Number.POSITIVE_INFINITY
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as T
      const text = source.timeOf(item)
      const time = epochMicrosOf(text)
      if (time === null) throw page.shapeError(`$[${index}]`, 'an RFC 3339 date-time', JSON.stringify(text))
      if (time > pageTime) {
        throw page.shapeError(`$[${index}]`, 'items sorted newest first', `${text} after an older item`)
      }
      pageTime = time
      const id = source.idOf(item)
      const listed = pageIds.size
      if (pageIds.add(id).size === listed) {
        throw page.shapeError(
          `$[${index}]`,
          'each item once in a page',
          `id ${JSON.stringify(id)} a second time`,
        )
      }
      if (time > boundaryTime) {
        if (time > upperInstant) {
          throw page.shapeError(
            `$[${index}]`,
            `items at or before the upper bound ${this.upperBound}`,
            `${JSON.stringify(text)} (upper bound ignored?)`,
          )
        }
        if (displacedOn !== pageNumber) {
          displacedOn = this.#displacedOn = pageNumber
          this.#displacedBy = `id ${JSON.stringify(id)} at ${text}`
          this.#required = boundaryIds.size
          this.#repeated = 0
        }
        continue
      }
      if (time === boundaryTime) {
        const countedOn = boundaryIds.get(id)
        if (countedOn !== undefined) {
          if (countedOn < displacedOn) {
            this.#repeated++
            boundaryIds.set(id, pageNumber)
          }
          continue
        }
        boundaryIds.set(id, pageNumber)
      } else {
        if (displacedOn !== -1) this.#requireRepeats(page, `$[${index}]`, JSON.stringify(text))
        displacedOn = this.#displacedOn = -1
        boundaryTime = this.#boundaryTime = time
        this.#boundaryText = text
        boundaryIds.restart(id, pageNumber)
      }
      fresh.push(item)
    }
    if (pinning) this.#upperInstant = epochMicrosOf(this.upperBound as string) ?? upperInstant

    if (items.length < pageSize) {
      this.#requireRepeats(page, '$', 'the end of the list')
    } else {
      this.#fullPagesWithoutNew = fresh.length === 0 ? this.#fullPagesWithoutNew + 1 : 0
      if (this.#fullPagesWithoutNew === MAX_PAGES_WITHOUT_NEW_ITEMS) {
        throw page.shapeError(
          '$',
          `new items at offset ${offset}`,
          `${this.#fullPagesWithoutNew} full pages in a row without a new item (offset ignored?)`,
        )
      }
    }
    return fresh
  }

  /** Throws unless every boundary id has come again since the pending displacement (if any). */
  #requireRepeats(page: FetchedPage<T>, path: string, older: string): void {
    const required = this.#displacedOn === -1 ? 0 : this.#required
    const missing = required - this.#repeated
    if (missing <= 0) return
    const them = required === 1 ? 'the item' : `the ${required} items`
    throw page.shapeError(
      path,
      `${them} returned at ${this.#boundaryText} again before anything older, since the newer ` +
        `${this.#displacedBy} came after ${required === 1 ? 'it' : 'them'}`,
      `${older} with ${missing} of them missing: items out of order across pages`,
    )
  }
}

/**
 * Ids returned at one instant, each with a page number. Most instants hold a single item, so the first id lives in
 * fields and only further ones in a Map: emptying and refilling a Map for every item costs more than all the other
 * checks of an item together.
 */
class InstantIds {
  #firstId: string | number | undefined
  #firstPage = 0
  readonly #more = new Map<string | number, number>()

  get size(): number {
    return this.#firstId === undefined ? 0 : 1 + this.#more.size
  }

  get(id: string | number): number | undefined {
    if (id === this.#firstId) return this.#firstPage
    return this.#more.size === 0 ? undefined : this.#more.get(id)
  }

  set(id: string | number, page: number): void {
    if (id === this.#firstId) this.#firstPage = page
    else this.#more.set(id, page)
  }

  /** Forgets every id and starts over with `id`, for a new, older instant. */
  restart(id: string | number, page: number): void {
    this.#firstId = id
    this.#firstPage = page
    if (this.#more.size > 0) this.#more.clear()
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
