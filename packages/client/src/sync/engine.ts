import { epochMicrosOf } from '../core/date-time.js'
import { RequestAbortedError, type RequestDescription, ResponseShapeError } from '../core/errors.js'
import { TooManyTiesError } from './errors.js'

/** An item's id: a number on kaiten.sh, a string on kaiten.ru. */
export type ItemId = string | number

/** One request of a sync: inclusive time bounds (as text), an offset into the newest-first listing, a limit. */
export interface PageQuery {
  from: string | undefined
  to: string | undefined
  offset: number
  limit: number
}

/** What a page source answered, and which request it was (named in errors). */
export interface SourcePage<T> {
  items: readonly T[]
  request: RequestDescription
  status: number
  requestId?: string | undefined
}

/**
 * A newest-first, offset-paged listing with inclusive time bounds: both audit APIs, or an in-memory model of them.
 * `fetchPage` returns the items with times in [from, to], newest first, skipping `offset`, at most `pageSize`.
 */
export interface PageSource<T> {
  /** The page size the API applies to `limit` (after its own clamping); at least 2. */
  pageSize: number
  /** The largest offset the API accepts. */
  maxOffset: number
  /** The item's time field, for error paths (`created`, `timestamp`). */
  timeField: string
  fetchPage(query: PageQuery, signal: AbortSignal | undefined): Promise<SourcePage<T>>
  idOf(item: T): ItemId
  timeOf(item: T): string
}

/** Where a sync stands: every event older than `instant` was delivered, and of the others those in `ids`. */
export interface Position {
  /** Time text of the newest delivered event (or the starting bound); null: before the first event. */
  instant: string | null
  /**
   * Ids of the delivered events at or after `instant`: those at `instant`, and while a large group of equal
   * timestamps is stepped over onto another, those of the second group too.
   */
  ids: ItemId[]
}

export interface WalkBatch<T> {
  /** Oldest first; empty when only the position moved. */
  items: T[]
  /** Valid once `items` are stored. */
  position: Position
  /** Requests this walk has sent so far (each counted once, however many attempts it took). */
  requests: number
}

export interface WalkOptions {
  /** Inclusive upper bound (time text); absent: pinned at the newest event when the walk starts. */
  until?: string | undefined
  maxIdsAtInstant: number
  signal?: AbortSignal | undefined
}

/**
 * Offset search for the end of a listing: enough probes to go from 0 to the largest offset by doubling, then to
 * halve that range down to one page, with room for a listing that changes while it is searched.
 */
const MAX_PROBES_PER_SEARCH = 160
/** Attempts to re-locate the end in a row without delivering anything; only a listing that never settles hits it. */
const MAX_ATTEMPTS_WITHOUT_PROGRESS = 32
/** Re-reads of one group of equal timestamps that keep finding events added while it was read. */
const MAX_GROUP_PASSES = 32

interface Instant {
  text: string
  at: number
}

/** What the next step knows of the listing [instant, upper]: its exact count, a lower bound, or that it is done. */
type Next = { expectedCount: number } | { knownAtLeast: number } | 'done'

interface Tail<T> {
  /** Offset of the page; `items` run to the end of the listing. */
  offset: number
  items: T[]
}

/**
 * Reads every event from `start` on, oldest first, in batches that each carry the position valid once they are
 * stored. The listing is newest first and paged by offset while events keep arriving, so the walk reads it
 * backwards from its end:
 *
 * - The upper bound is pinned at the newest event's own time text when the walk starts (or the caller's `until`),
 *   so newer events never shift offsets; the next sync starts where this one ended.
 * - The lower bound is the position's instant: every request asks for [instant, upper], whose END is the oldest
 *   undelivered event. A page that is not full proves it reaches that end; a full page where a short one was
 *   expected means events were added inside the window, and the end is found again by offset search (doubling,
 *   then halving, each probe a page). The events at the instant come back at the end of each page (the overlap)
 *   and those already delivered are dropped by id.
 * - A group of equal timestamps too large to show in one page beside a newer event is read on its own
 *   ([instant, instant]) until one full pass sees every event it holds, then stepped over.
 *
 * The position moves past an instant only on the strength of the request sent just before the batch is yielded:
 * that request alone must show every event in between (a page reaching the end of the listing, or a count of
 * [instant, new instant] that equals what was delivered). Events added between two requests are then either in
 * what that request saw, or at or after the new instant. Memory: one page, plus the ids at the position's instant
 * (two groups of equal timestamps while one large group is stepped over onto another). Every page is checked (size,
 * order, bounds, unique ids), and every search and retry is bounded, so a server that ignores offset or bounds ends
 * the walk with a `ResponseShapeError` instead of a loop or a silent gap.
 */
export function walk<T, B = WalkBatch<T>>(
  source: PageSource<T>,
  start: Position,
  options: WalkOptions,
  present: (batch: WalkBatch<T>) => B = (batch) => batch as B,
): AsyncGenerator<B, void, undefined> {
  // Batches are shaped here rather than by a wrapping generator, which would hold the last page while the next
  // request is awaited.
  return new Walk(source, start, options, present).run()
}

/** An id delivered at or after the position's instant, not yet seen again since a resume. */
const UNKNOWN_INSTANT = Number.POSITIVE_INFINITY

class Walk<T, B> {
  readonly #source: PageSource<T>
  readonly #options: WalkOptions
  readonly #present: (batch: WalkBatch<T>) => B
  readonly #pageSize: number
  #requests = 0
  /** The position's instant; null until the first event: the walk starts before every event. */
  #instant: Instant | null
  /** Ids delivered at or after the position's instant, with their instants (epoch µs). */
  #delivered: Map<ItemId, number>
  #upper: Instant | undefined
  #withoutProgress = 0

  constructor(
    source: PageSource<T>,
    start: Position,
    options: WalkOptions,
    present: (batch: WalkBatch<T>) => B,
  ) {
    this.#source = source
    this.#options = options
    this.#present = present
    this.#pageSize = source.pageSize
    this.#instant = start.instant === null ? null : this.#parseBound(start.instant)
    // A checkpoint carries ids only; their instants are learnt when the events are seen again.
    this.#delivered = new Map(start.ids.map((id) => [id, UNKNOWN_INSTANT]))
  }

  async *run(): AsyncGenerator<B, void, undefined> {
    // Each page lives in the frame of the step that reads it, so nothing holds it while the next request is awaited.
    let next = yield* this.#begin()
    while (next !== 'done') next = yield* this.#step(next)
  }

  /** The first page, unbounded above: pins the upper bound; a page that is not full is the whole listing. */
  async *#begin(): AsyncGenerator<B, Next, undefined> {
    const until = this.#options.until === undefined ? undefined : this.#parseBound(this.#options.until)
    if (until && this.#instant && until.at < this.#instant.at) return 'done'
    const size = this.#pageSize
    let first = await this.#fetch({ from: this.#instant?.text, to: until?.text, offset: 0, limit: size })
    if (first.length === 0) return 'done'
    this.#upper = this.#timeOf(first[0] as T)
    let restarts = 0
    // A short page is the end only from a server that fills its pages: one applying a smaller limit than documented
    // would otherwise pass for a complete listing. Until a full page is seen, an end is confirmed by asking past it.
    while (first.length < size) {
      const beyond = await this.#listing(first.length)
      if (beyond.length === 0) {
        yield* this.#deliverTail(first)
        return 'done'
      }
      if (beyond.length === size) return { knownAtLeast: first.length + size }
      // Either events were added inside the window between the two requests, or pages are capped below the limit.
      if (++restarts > MAX_ATTEMPTS_WITHOUT_PROGRESS) {
        this.#fail(
          '$',
          `no more items after a page of ${first.length} (fewer than the limit ${size})`,
          `${beyond.length} more at offset ${first.length}, ${restarts} times: the server applies a smaller limit than asked`,
        )
      }
      first = await this.#listing(0)
      if (first.length === 0) return 'done'
    }
    return { knownAtLeast: first.length }
  }

  /** Finds the end of [instant, upper] and delivers the page there (or steps over a large group). */
  async *#step(next: Exclude<Next, 'done'>): AsyncGenerator<B, Next, undefined> {
    const size = this.#pageSize
    const tail =
      'expectedCount' in next
        ? await this.#tailAt(next.expectedCount)
        : await this.#findEnd(next.knownAtLeast)
    if (tail.items.length === 0) return 'done'
    const top = this.#timeOf(tail.items[0] as T)
    const instant = this.#instant
    if (instant !== null && top.at === instant.at && tail.offset > 0) {
      // Every item is at the current instant and more lie above: a larger page may show the whole group.
      if (tail.items.length < size - 1) {
        this.#noProgress('the end of the listing moved')
        return { expectedCount: tail.offset + tail.items.length }
      }
      const after = yield* this.#stepOverGroup()
      if (after === 'done') return 'done'
      return after === undefined ? { knownAtLeast: 0 } : { expectedCount: after }
    }
    const atTop = yield* this.#deliverTail(tail.items)
    if (tail.offset === 0) return 'done'
    // The listing now starts at `top`: what lies above the page, plus the page's items at `top`.
    return { expectedCount: tail.offset + atTop }
  }

  /**
   * Delivers `items`, which the last request showed to be everything in [instant, their newest time] except,
   * possibly, more events at that newest time above them. Returns how many of them are at their newest time.
   */
  async *#deliverTail(items: readonly T[]): AsyncGenerator<B, number, undefined> {
    const top = this.#timeOf(items[0] as T)
    const fresh = this.#fresh(items)
    let atTop = 0
    for (const item of items) if (this.#timeOf(item).at === top.at) atTop++
    yield* this.#moveTo(top, fresh)
    return atTop
  }

  /** Items not delivered yet, oldest first, now recorded as delivered; learns the instants of delivered ones. */
  #fresh(items: readonly T[]): T[] {
    const fresh: T[] = []
    for (let index = items.length - 1; index >= 0; index--) {
      const item = items[index] as T
      const id = this.#source.idOf(item)
      const at = epochMicrosOf(this.#source.timeOf(item)) as number
      const known = this.#delivered.get(id)
      this.#delivered.set(id, at)
      if (known === undefined) fresh.push(item)
    }
    return fresh
  }

  /** Moves the position to `instant` (forgetting ids below it) and yields the batch, if anything changed. */
  async *#moveTo(instant: Instant, fresh: T[]): AsyncGenerator<B, void, undefined> {
    const moved = this.#instant === null || this.#instant.at !== instant.at
    this.#instant = instant
    if (moved) for (const [id, at] of this.#delivered) if (at < instant.at) this.#delivered.delete(id)
    this.#checkTies(instant)
    if (fresh.length > 0) this.#withoutProgress = 0
    if (fresh.length > 0 || moved) yield this.#batch(fresh)
  }

  /**
   * The position's instant holds a group larger than a page can show beside a newer event. Reads it alone until a
   * pass sees all of it, then reads the page just above it, and moves on only once one request has counted
   * [instant, new instant] to be exactly what was delivered. Returns the count of the listing from the new
   * position, 'done' when the window is complete, or undefined when it must be searched for.
   */
  async *#stepOverGroup(): AsyncGenerator<B, number | 'done' | undefined, undefined> {
    const size = this.#pageSize
    const group = this.#instant as Instant
    for (;;) {
      yield* this.#readGroup(group)
      const groupSize = this.#deliveredWithin(group.at, group.at)
      const end = await this.#findEnd(groupSize)
      const newer = end.offset + end.items.length - groupSize
      if (newer < 0) {
        this.#noProgress('events were added at the current instant')
        continue
      }
      if (newer === 0) {
        // Nothing newer than the group inside the window, unless it grew since it was read.
        if ((await this.#page(group, group, groupSize)).length === 0) return 'done'
        this.#noProgress('events were added at the current instant')
        continue
      }
      const offset = Math.max(0, newer - (size - 1))
      const page = await this.#listing(offset)
      let boundary = page.findIndex((item) => this.#timeOf(item).at === group.at)
      if (boundary === -1) boundary = page.length
      if (boundary !== newer - offset || boundary >= page.length) {
        this.#noProgress('events were added inside the window')
        continue
      }
      const above = page.slice(0, boundary)
      const newest = this.#timeOf(above[0] as T)
      const olderIndex = above.findIndex((item) => this.#timeOf(item).at < newest.at)
      if (olderIndex !== -1) {
        // Deliver up to the newest instant below the page's first: every event at it is in the page.
        const target = this.#timeOf(above[olderIndex] as T)
        const taken = above.slice(olderIndex)
        if (!(await this.#countIs(group, target, this.#countWithin(group.at, target.at, taken)))) {
          this.#noProgress('events were added inside the window')
          continue
        }
        yield* this.#moveTo(target, this.#fresh(taken))
        return offset + olderIndex + taken.filter((item) => this.#timeOf(item).at === target.at).length
      }
      if (offset === 0) {
        // The page's events share one instant and nothing lies above them: the window ends there.
        if (!(await this.#countIs(group, newest, this.#countWithin(group.at, newest.at, above)))) {
          this.#noProgress('events were added inside the window')
          continue
        }
        yield* this.#moveTo(newest, this.#fresh(above))
        return 'done'
      }
      // A second large group right above the first: read it too, keeping the position at the first until one count
      // shows both complete.
      yield* this.#readGroup(newest)
      if (!(await this.#countIs(group, newest, this.#deliveredWithin(group.at, newest.at)))) {
        this.#noProgress('events were added inside the window')
        continue
      }
      yield* this.#moveTo(newest, [])
      return undefined
    }
  }

  /** Passes over [group, group] until one pass sees every event it holds; the position stays where it is. */
  async *#readGroup(group: Instant): AsyncGenerator<B, void, undefined> {
    const size = this.#pageSize
    const limit = this.#options.maxIdsAtInstant
    for (let pass = 1; ; pass++) {
      if (pass > MAX_GROUP_PASSES) {
        this.#fail(
          '$',
          `a group of events at ${group.text} that stops growing`,
          `new events at that instant on each of ${MAX_GROUP_PASSES} passes`,
        )
      }
      const seen = new Set<ItemId>()
      let offset = 0
      let count: number
      for (;;) {
        const page = await this.#page(group, group, offset)
        for (const item of page) seen.add(this.#source.idOf(item))
        const fresh = this.#fresh(page)
        this.#checkTies(group)
        if (fresh.length > 0) {
          this.#withoutProgress = 0
          yield this.#batch(fresh)
        }
        if (page.length < size) {
          count = offset + page.length
          break
        }
        offset += size
        // Full pages past the limit without that many distinct ids: the server repeats itself.
        if (offset > limit + size) {
          this.#fail(
            '$',
            `the events at ${group.text} from offset ${offset}`,
            `full pages up to offset ${offset} holding only ${seen.size} distinct ids (offset ignored?)`,
          )
        }
      }
      if (seen.size >= count) return
    }
  }

  /** One request: does [from, to] hold exactly `expected` events? (A page that is not full shows the end.) */
  async #countIs(from: Instant, to: Instant, expected: number): Promise<boolean> {
    const offset = Math.max(0, expected - (this.#pageSize - 1))
    const page = await this.#page(from, to, offset)
    return page.length === expected - offset
  }

  /** Delivered ids with instants in [from, to]. */
  #deliveredWithin(from: number, to: number): number {
    let count = 0
    for (const at of this.#delivered.values()) if (at >= from && at <= to) count++
    return count
  }

  /** Events in [from, to]: those delivered, plus those of `items` not delivered yet. */
  #countWithin(from: number, to: number, items: readonly T[]): number {
    let count = this.#deliveredWithin(from, to)
    for (const item of items) {
      const at = this.#timeOf(item).at
      if (at >= from && at <= to && !this.#delivered.has(this.#source.idOf(item))) count++
    }
    return count
  }

  /** The page at `offset` of [instant, upper] when the listing should hold `expected` items, or the end found anew. */
  async #tailAt(expected: number): Promise<Tail<T>> {
    const offset = Math.max(0, expected - (this.#pageSize - 1))
    const items = await this.#listing(offset)
    if (items.length === this.#pageSize) {
      this.#noProgress('events were added inside the window')
      return this.#findEnd(offset + items.length)
    }
    if (items.length === 0 && offset > 0) {
      this.#noProgress('the listing shrank')
      return this.#findEnd(0, offset)
    }
    return { offset, items }
  }

  /**
   * Finds a page that runs to the end of [instant, upper], knowing the listing holds at least `low` and at most
   * `high` items: doubling steps while the end is not bracketed, then halving. A page that is neither full nor
   * empty gives the end exactly. Bounds that contradict each other (the listing changed) reopen the search.
   */
  async #findEnd(knownAtLeast: number, knownAtMost = Number.POSITIVE_INFINITY): Promise<Tail<T>> {
    const size = this.#pageSize
    let low = knownAtLeast
    let high = knownAtMost
    let step = 0
    for (let probe = 1; ; probe++) {
      if (probe > MAX_PROBES_PER_SEARCH) {
        this.#fail(
          '$',
          'a page that is not full at the end of the listing',
          `none after ${MAX_PROBES_PER_SEARCH} offsets (offset ignored, or the listing keeps changing?)`,
        )
      }
      let offset: number
      if (high === Number.POSITIVE_INFINITY) {
        offset = low + step
        step = step === 0 ? size : step * 2
      } else if (high - low <= size - 1) {
        offset = Math.max(0, high - (size - 1))
      } else {
        offset = low + Math.floor((high - low - size) / 2)
      }
      if (offset > this.#source.maxOffset) {
        this.#fail(
          '$',
          `the end of the listing within offset ${this.#source.maxOffset} (the largest the API accepts)`,
          `full pages up to offset ${low} (offset ignored?)`,
        )
      }
      const items = await this.#listing(offset)
      if (items.length === size) {
        low = Math.max(low, offset + size)
        // Events were added since the upper bound was learnt: search upwards again.
        if (low > high) {
          high = Number.POSITIVE_INFINITY
          step = size
        }
      } else if (items.length === 0) {
        if (offset === 0) return { offset, items }
        high = Math.min(high, offset)
        if (high < low) low = 0
      } else {
        return { offset, items }
      }
    }
  }

  #listing(offset: number): Promise<T[]> {
    return this.#fetch({
      from: this.#instant?.text,
      to: this.#upper?.text,
      offset,
      limit: this.#pageSize,
    })
  }

  #page(from: Instant, to: Instant, offset: number): Promise<T[]> {
    return this.#fetch({ from: from.text, to: to.text, offset, limit: this.#pageSize })
  }

  /** Sends one request and checks the page: size, order, bounds, unique ids. */
  async #fetch(query: PageQuery): Promise<T[]> {
    const { signal } = this.#options
    if (signal?.aborted) throw RequestAbortedError.fromSignal(signal)
    this.#requests++
    const page = await this.#source.fetchPage(query, signal)
    const source = this.#source
    const fail = (path: string, expected: string, actual: string): never => {
      throw new ResponseShapeError(
        { path, expected, actual },
        { request: page.request, status: page.status, requestId: page.requestId },
      )
    }
    const { items } = page
    if (items.length > query.limit) {
      fail('$', `at most ${query.limit} items (the limit sent)`, `${items.length} items`)
    }
    const from = query.from === undefined ? Number.NEGATIVE_INFINITY : (epochMicrosOf(query.from) as number)
    const to = query.to === undefined ? Number.POSITIVE_INFINITY : (epochMicrosOf(query.to) as number)
    const ids = new Set<ItemId>()
    let previous = Number.POSITIVE_INFINITY
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as T
      const text = source.timeOf(item)
      const path = `$[${index}].${source.timeField}`
      const at = epochMicrosOf(text)
      if (at === null) return fail(path, 'an RFC 3339 date-time', JSON.stringify(text))
      if (at > previous) fail(path, 'items sorted newest first', `${text} after an older item`)
      if (at < from || at > to) {
        fail(path, `a time within the bounds sent [${query.from ?? '…'}, ${query.to ?? '…'}]`, text)
      }
      previous = at
      const id = source.idOf(item)
      if (ids.has(id)) fail(`$[${index}]`, 'ids unique within a page', `id ${JSON.stringify(id)} twice`)
      ids.add(id)
    }
    return items as T[]
  }

  #batch(items: T[]): B {
    return this.#present({
      items,
      position: { instant: (this.#instant as Instant).text, ids: [...this.#delivered.keys()] },
      requests: this.#requests,
    })
  }

  #checkTies(group: Instant): void {
    const limit = this.#options.maxIdsAtInstant
    if (this.#delivered.size > limit && this.#deliveredWithin(group.at, group.at) > limit) {
      throw new TooManyTiesError(group.text, limit)
    }
  }

  /** Counts an attempt that delivered nothing; a listing that never settles ends the walk. */
  #noProgress(reason: string): void {
    if (++this.#withoutProgress <= MAX_ATTEMPTS_WITHOUT_PROGRESS) return
    throw new ResponseShapeError(
      {
        path: '$',
        expected: 'a listing that settles long enough to read a page',
        actual: `${reason}, ${MAX_ATTEMPTS_WITHOUT_PROGRESS} times in a row`,
      },
      { request: { method: 'GET', url: '(several requests)' }, status: 200, requestId: undefined },
    )
  }

  #fail(path: string, expected: string, actual: string): never {
    throw new ResponseShapeError(
      { path, expected, actual },
      { request: { method: 'GET', url: '(several requests)' }, status: 200, requestId: undefined },
    )
  }

  #timeOf(item: T): Instant {
    const text = this.#source.timeOf(item)
    return { text, at: epochMicrosOf(text) as number }
  }

  #parseBound(text: string): Instant {
    const at = epochMicrosOf(text)
    if (at === null) throw new TypeError(`position: ${JSON.stringify(text)} is not an RFC 3339 date-time`)
    return { text, at }
  }
}
