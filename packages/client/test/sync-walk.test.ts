// The sync's walk against in-memory listings: how many requests a long history costs, that it streams, and that a
// hostile server ends it with a typed error in a bounded number of requests.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ResponseShapeError, TooManyTiesError } from '../src/index.js'
import { type PageQuery, type Position, walk } from '../src/sync/engine.js'
import {
  type MemoryEvent,
  MemoryListing,
  memorySource,
  START_MS,
  timeText,
} from './support/memory-listing.js'

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)
console.log(`sync-walk: fast-check seed ${seed} (replay with FC_SEED=${seed})`)

/**
 * `count` events one millisecond apart, computed from the query rather than stored, so a million of them cost no
 * memory in the test itself.
 */
function arithmeticListing(count: number) {
  return (query: PageQuery): MemoryEvent[] => {
    const from = query.from === undefined ? 0 : Date.parse(query.from) - START_MS
    const to = query.to === undefined ? count - 1 : Date.parse(query.to) - START_MS
    const newest = Math.min(count - 1, to) - query.offset
    const oldest = Math.max(Math.max(0, from), newest - query.limit + 1)
    const items: MemoryEvent[] = []
    for (let index = newest; index >= oldest; index--) items.push({ id: index + 1, time: timeText(index) })
    return items
  }
}

async function drain(source: ReturnType<typeof memorySource>, start: Position = { instant: null, ids: [] }) {
  const delivered: MemoryEvent[] = []
  for await (const batch of walk(source, start, { maxIdsAtInstant: 10_000 })) delivered.push(...batch.items)
  return delivered
}

describe('a long history', () => {
  it('reads 1,000,000 events oldest first with under 3 % extra requests, the first batch after a logarithmic search', async () => {
    const count = 1_000_000
    const pageSize = 500
    const source = memorySource(arithmeticListing(count), pageSize)
    let firstBatchAfter: number | undefined
    let delivered = 0
    let expectedId = 1
    let largestBatch = 0
    for await (const batch of walk(source, { instant: null, ids: [] }, { maxIdsAtInstant: 10_000 })) {
      firstBatchAfter ??= batch.requests
      for (const item of batch.items) {
        if (item.id !== expectedId) throw new Error(`expected event ${expectedId}, got ${item.id}`)
        expectedId++
      }
      delivered += batch.items.length
      largestBatch = Math.max(largestBatch, batch.items.length)
    }
    expect(delivered).toBe(count)
    // Streaming: each batch is one page, and the first arrives after the end is found, not after the whole read.
    expect(largestBatch).toBeLessThanOrEqual(pageSize)
    expect(firstBatchAfter).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(count / pageSize)) + 3)
    const pagesAtLeast = Math.ceil(count / pageSize)
    expect(source.requests()).toBeLessThan(pagesAtLeast * 1.03)
  }, 120_000)

  it('resumes from a checkpoint with two requests when little or nothing is new', async () => {
    const listing = new MemoryListing()
    for (let step = 0; step < 30; step++) listing.insert(step)
    const first = memorySource((query) => listing.answer(query), 7)
    let position: Position = { instant: null, ids: [] }
    for await (const batch of walk(first, position, { maxIdsAtInstant: 100 })) position = batch.position
    expect(position).toEqual({ instant: timeText(29), ids: [30] })

    const idle = memorySource((query) => listing.answer(query), 7)
    expect(await drain(idle, position)).toEqual([])
    // The second request confirms that a page shorter than the limit really is the end.
    expect(idle.requests()).toBe(2)

    listing.insert(29)
    listing.insert(31)
    const next = memorySource((query) => listing.answer(query), 7)
    expect((await drain(next, position)).map((event) => event.id)).toEqual([31, 32])
    expect(next.requests()).toBe(2)
  })
})

describe('ties', () => {
  it('refuses to record more ids at one instant than maxIdsAtInstant, naming the instant', async () => {
    const listing = new MemoryListing('scrambled')
    for (let index = 0; index < 40; index++) listing.insert(5)
    listing.insert(6)
    const source = memorySource((query) => listing.answer(query), 5)
    const run = async () => {
      for await (const _batch of walk(source, { instant: null, ids: [] }, { maxIdsAtInstant: 25 })) {
        // drain
      }
    }
    const error = await run().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TooManyTiesError)
    expect((error as TooManyTiesError).instant).toBe(timeText(5))
    expect((error as Error).message).toContain('maxIdsAtInstant')
  })

  it('reads a group of equal timestamps larger than a page exactly once', async () => {
    const listing = new MemoryListing('scrambled')
    for (let index = 0; index < 23; index++) listing.insert(index < 3 ? 1 : 5)
    for (let index = 0; index < 4; index++) listing.insert(9)
    const source = memorySource((query) => listing.answer(query), 4)
    const ids = (await drain(source)).map((event) => event.id)
    expect(ids.sort((a, b) => a - b)).toEqual(
      listing
        .all()
        .map((event) => event.id)
        .sort((a, b) => a - b),
    )
  })
})

/** What a hostile server may do to a page, given the faithful answer. */
type Lie =
  | 'faithful'
  | 'ignore-offset'
  | 'ignore-from'
  | 'ignore-to'
  | 'repeat-item'
  | 'reverse'
  | 'too-many'
  | 'empty'

function lyingAnswer(listing: MemoryListing, lie: Lie, query: PageQuery): MemoryEvent[] {
  const faithful = listing.answer(query)
  switch (lie) {
    case 'faithful':
      return faithful
    case 'ignore-offset':
      return listing.answer({ ...query, offset: 0 })
    case 'ignore-from':
      return listing.answer({ ...query, from: undefined })
    case 'ignore-to':
      return listing.answer({ ...query, to: undefined })
    case 'repeat-item':
      return faithful.length > 0 ? [faithful[0] as MemoryEvent, ...faithful].slice(0, query.limit) : faithful
    case 'reverse':
      return [...faithful].reverse()
    case 'too-many':
      return listing.answer({ ...query, limit: query.limit + 1 })
    case 'empty':
      return []
  }
}

describe('a hostile server', () => {
  const historyOf = (size: number) => {
    const listing = new MemoryListing()
    for (let step = 0; step < size; step++) listing.insert(step)
    return listing
  }

  it.each([
    ['ignore-offset', 'offset ignored'],
    ['ignore-from', 'within the bounds sent'],
    ['repeat-item', 'ids unique within a page'],
    ['reverse', 'sorted newest first'],
    ['too-many', 'at most 5 items'],
  ] as const)('that keeps doing %s ends the sync with a ResponseShapeError', async (lie, expected) => {
    const listing = historyOf(60)
    const source = memorySource((query) => lyingAnswer(listing, lie, query), 5)
    // Resumed from the middle, so a server ignoring `from` shows events below the position.
    const error = await drain(source, { instant: timeText(20), ids: [21] }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect(JSON.stringify((error as ResponseShapeError).toJSON())).toContain(expected)
    expect(source.requests()).toBeLessThan(200)
  })

  it('that lies at random ends the sync, in a bounded number of requests, with a typed error or every event once', async () => {
    const lies = fc.constantFrom<Lie>(
      'faithful',
      'ignore-offset',
      'ignore-from',
      'ignore-to',
      'repeat-item',
      'reverse',
      'too-many',
      'empty',
    )
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(lies, { minLength: 1, maxLength: 30 }),
        async (size, pageSize, script) => {
          const listing = new MemoryListing()
          for (let step = 0; step < size; step++) listing.insert(step % 7 === 0 ? step - 1 : step)
          let request = 0
          const source = memorySource(
            (query) => lyingAnswer(listing, script[request++ % script.length] as Lie, query),
            pageSize,
          )
          const outcome = await drain(source).then(
            (events) => ({ events }),
            (error: unknown) => ({ error }),
          )
          expect(source.requests()).toBeLessThan(2_000)
          if ('error' in outcome) {
            expect(outcome.error).toBeInstanceOf(ResponseShapeError)
          } else {
            // A server whose lies happened to cancel out still got no duplicate past the sync.
            const ids = outcome.events.map((event) => event.id)
            expect(new Set(ids).size).toBe(ids.length)
          }
        },
      ),
      { seed, numRuns: 300 },
    )
  }, 120_000)
})
