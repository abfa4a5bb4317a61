// An in-memory model of both audit APIs' listings: inclusive time bounds, newest first, a stable order among equal
// timestamps, offset and limit. Inserts may land anywhere in time, as late-delivered events do.
import type { PageQuery, PageSource } from '../../src/sync/engine.js'

export interface MemoryEvent {
  id: number
  time: string
}

/** How events with equal timestamps are ordered: by id either way, or by a stable scramble of the id. */
export type TieOrder = 'id-desc' | 'id-asc' | 'scrambled'

interface Stored {
  event: MemoryEvent
  at: number
  tie: number
}

export const START_MS = Date.UTC(2026, 3, 1, 12, 0, 0)

export const timeText = (step: number): string => new Date(START_MS + step).toISOString()

export class MemoryListing {
  readonly #tieOrder: TieOrder
  /** Newest first. */
  readonly #stored: Stored[] = []
  #nextId = 1

  constructor(tieOrder: TieOrder = 'id-desc') {
    this.#tieOrder = tieOrder
  }

  /** Adds an event at `step` milliseconds after the start instant. */
  insert(step: number): MemoryEvent {
    const id = this.#nextId++
    const event = { id, time: timeText(step) }
    const stored = { event, at: START_MS + step, tie: this.#tieKey(id) }
    const index = this.#stored.findIndex(
      (other) => other.at < stored.at || (other.at === stored.at && other.tie < stored.tie),
    )
    this.#stored.splice(index === -1 ? this.#stored.length : index, 0, stored)
    return event
  }

  get size(): number {
    return this.#stored.length
  }

  /** Milliseconds after the start of the newest event, or undefined when there is none. */
  newestStep(): number | undefined {
    const newest = this.#stored[0]
    return newest === undefined ? undefined : newest.at - START_MS
  }

  all(): MemoryEvent[] {
    return this.#stored.map((stored) => stored.event)
  }

  /** What the API answers: events within [from, to], newest first, from `offset`, at most `limit`. */
  answer(query: PageQuery): MemoryEvent[] {
    const from = query.from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(query.from)
    const to = query.to === undefined ? Number.POSITIVE_INFINITY : Date.parse(query.to)
    const matching = this.#stored.filter((stored) => stored.at >= from && stored.at <= to)
    return matching.slice(query.offset, query.offset + query.limit).map((stored) => stored.event)
  }

  #tieKey(id: number): number {
    switch (this.#tieOrder) {
      case 'id-desc':
        return id
      case 'id-asc':
        return -id
      case 'scrambled':
        return Math.imul(id, 2654435761) >>> 0
    }
  }
}

/** A page source over `answer`, calling `beforeRequest` first so a test can insert between requests. */
export function memorySource(
  answer: (query: PageQuery) => readonly MemoryEvent[],
  pageSize: number,
  beforeRequest: (query: PageQuery) => void = () => {},
): PageSource<MemoryEvent> & { requests: () => number } {
  let requests = 0
  return {
    pageSize,
    maxOffset: 2 ** 31 - 1,
    timeField: 'time',
    idOf: (event) => event.id,
    timeOf: (event) => event.time,
    requests: () => requests,
    async fetchPage(query) {
      requests++
      beforeRequest(query)
      const url = `memory:?from=${query.from ?? ''}&to=${query.to ?? ''}&offset=${query.offset}&limit=${query.limit}`
      return { items: answer(query), request: { method: 'GET', url }, status: 200 }
    },
  }
}
