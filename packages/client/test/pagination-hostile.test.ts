// Servers that break the paging contract, served from memory: every walk ends, in a bounded number of requests,
// with every item or with a ResponseShapeError that says what the server did; none ends normally with items lost.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AuditPages, MAX_PAGES_WITHOUT_NEW_ITEMS } from '../src/core/pagination.js'
import { ResponseShapeError } from '../src/index.js'
import { type MemoryItem, MemoryLog, memorySource, RequestCapError, walk } from './support/memory-pages.js'
import { propertyParameters } from './support/property.js'

const START_MS = Date.UTC(2026, 3, 1, 12, 0, 0)
const at = (seconds: number) => new Date(START_MS + seconds * 1000).toISOString()

/** `count` items one second apart, newest first: ids count..1, the newest at `count` seconds. */
function distinctItems(count: number): MemoryItem[] {
  return Array.from({ length: count }, (_unused, index) => ({ id: count - index, time: at(count - index) }))
}

function logOf(items: readonly MemoryItem[]): MemoryLog {
  const log = new MemoryLog()
  for (const item of items) log.append(item)
  return log
}

function shapeErrorOf(error: unknown): ResponseShapeError {
  expect(error).toBeInstanceOf(ResponseShapeError)
  return error as ResponseShapeError
}

const ids = (items: readonly MemoryItem[]) => items.map((item) => item.id)

describe('shape errors without a transport', () => {
  it('reports an unsorted page through the source, naming the request', async () => {
    const [newer, older] = distinctItems(2) as [MemoryItem, MemoryItem]
    const source = memorySource({ pageSize: 10, serve: () => [older, newer] })
    const error = shapeErrorOf((await walk(new AuditPages(source))).error)
    expect(error.path).toBe('$[1]')
    expect(error.expected).toBe('items sorted newest first')
    expect(error.url).toBe('memory:?offset=0')
    expect(error.status).toBe(200)
  })
})

describe('a server that would page forever', () => {
  it('ends on the first page when the server ignores offset and limit (300 items for a page of 200)', async () => {
    const items = distinctItems(300)
    const source = memorySource({ pageSize: 200, serve: () => items })
    const { items: returned, error } = await walk(new AuditPages(source))
    const shape = shapeErrorOf(error)
    expect(shape.path).toBe('$')
    expect(shape.expected).toBe('at most 200 items, the page size requested')
    expect(shape.actual).toBe('300 items (limit ignored?)')
    expect(returned).toEqual([])
    expect(source.requests).toHaveLength(1)
  })

  it('counts the page size the source applies, not the limit asked for (kaiten.ru: 1000 is served as 500)', async () => {
    const log = logOf(distinctItems(1200))
    const honest = memorySource({
      pageSize: 500,
      serve: (request) => log.page(request.offset, 500, undefined),
    })
    expect((await walk(new AuditPages(honest))).items).toHaveLength(1200)
    const oversized = memorySource({
      pageSize: 500,
      serve: (request) => log.page(request.offset, 501, undefined),
    })
    expect(shapeErrorOf((await walk(new AuditPages(oversized))).error).actual).toBe(
      '501 items (limit ignored?)',
    )
    expect(oversized.requests).toHaveLength(1)
  })

  it('ends after a bounded run when the server ignores offset and serves the same full page', async () => {
    const page = distinctItems(300).slice(0, 200)
    const source = memorySource({ pageSize: 200, serve: () => page })
    const { items: returned, error } = await walk(new AuditPages(source))
    const shape = shapeErrorOf(error)
    expect(shape.expected).toBe(`new items at offset ${200 * MAX_PAGES_WITHOUT_NEW_ITEMS}`)
    expect(shape.actual).toBe(
      `${MAX_PAGES_WITHOUT_NEW_ITEMS} full pages in a row without a new item (offset ignored?)`,
    )
    expect(ids(returned)).toEqual(ids(page))
    expect(source.requests).toHaveLength(MAX_PAGES_WITHOUT_NEW_ITEMS + 1)
  })

  it('ends at the first short page when the server serves the first items every time, fewer than the limit', async () => {
    const items = distinctItems(300)
    const source = memorySource({ pageSize: 200, serve: () => items.slice(0, 150) })
    const { items: returned, error } = await walk(new AuditPages(source))
    expect(error).toBeUndefined()
    expect(ids(returned)).toEqual(ids(items.slice(0, 150)))
    expect(source.requests).toHaveLength(1)
  })

  it('ends after a bounded run when the server cycles between two pages', async () => {
    const items = distinctItems(400)
    const pages = [items.slice(0, 200), items.slice(200, 400)]
    const source = memorySource({
      pageSize: 200,
      serve: (request) => pages[request.index % 2] as MemoryItem[],
    })
    const { items: returned, error } = await walk(new AuditPages(source))
    expect(shapeErrorOf(error).actual).toMatch(/full pages in a row without a new item/)
    expect(ids(returned)).toEqual(ids(items))
    expect(source.requests.length).toBeLessThanOrEqual(2 + MAX_PAGES_WITHOUT_NEW_ITEMS)
  })

  it('ends after a bounded run when the server serves ever different windows of items it has served', async () => {
    const items = distinctItems(300)
    // Windows of 100 sliding by 7 through the first 200, wrapping around: no two pages alike, nothing new.
    const source = memorySource({
      pageSize: 100,
      serve: (request) => {
        if (request.index < 2) return items.slice(request.index * 100, request.index * 100 + 100)
        const start = (request.index * 7) % 100
        return items.slice(start, start + 100)
      },
    })
    const { items: returned, error } = await walk(new AuditPages(source))
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect(ids(returned)).toEqual(ids(items.slice(0, 200)))
    expect(source.requests.length).toBeLessThanOrEqual(2 + MAX_PAGES_WITHOUT_NEW_ITEMS)
  })

  it('ends on any server: within a bound set by the distinct items it serves (property)', async () => {
    // A pool of items at few instants (ties), and a server that answers each request with any pick of them,
    // sorted newest first or not, with repeats, longer than the page or not.
    const scenario = fc.record({
      pool: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30, size: 'max' }),
      pageSize: fc.integer({ min: 1, max: 6 }),
      pages: fc.infiniteStream(
        fc.record({
          picks: fc.array(fc.nat(), { maxLength: 8 }),
          sorted: fc.boolean(),
        }),
      ),
    })
    await fc.assert(
      fc.asyncProperty(scenario, async ({ pool: steps, pageSize, pages }) => {
        const pool = steps.map((step, index) => ({ id: index + 1, time: at(step) }))
        const newestFirst = (a: MemoryItem, b: MemoryItem) =>
          a.time === b.time ? Number(b.id) - Number(a.id) : a.time < b.time ? 1 : -1
        const answers = pages[Symbol.iterator]()
        const source = memorySource({
          pageSize,
          serve: () => {
            const { picks, sorted } = answers.next().value as { picks: number[]; sorted: boolean }
            const page = picks.map((pick) => pool[pick % pool.length] as MemoryItem)
            return sorted ? page.sort(newestFirst) : page
          },
        })
        const { items: returned, error } = await walk(new AuditPages(source))
        if (error !== undefined) expect(error).toBeInstanceOf(ResponseShapeError)
        // Every page without a new item is one of at most MAX in a row; every other page returns a new one.
        const bound = pool.length + (pool.length + 1) * MAX_PAGES_WITHOUT_NEW_ITEMS
        expect(source.requests.length).toBeLessThanOrEqual(bound)
        expect(new Set(ids(returned)).size).toBe(returned.length)
        const times = returned.map((item) => item.time)
        expect(times).toEqual([...times].sort().reverse())
      }),
      propertyParameters('ends on any server', 2000),
    )
  }, 60_000)
})

describe('a server that would lose items silently', () => {
  it('ends with an error when two items are swapped across a page boundary (99 and 100 of 400, limit 100)', async () => {
    const items = distinctItems(400)
    const served = [...items]
    ;[served[99], served[100]] = [served[100] as MemoryItem, served[99] as MemoryItem]
    const source = memorySource({
      pageSize: 100,
      serve: (request) => served.slice(request.offset, request.offset + 100),
    })
    const { items: returned, error } = await walk(new AuditPages(source))
    const shape = shapeErrorOf(error)
    expect(shape.url).toBe(`memory:?offset=100&to=${items[0]?.time}`)
    expect(shape.path).toBe('$[1]')
    expect(shape.expected).toContain(`id ${items[99]?.id} at ${items[99]?.time}`)
    expect(shape.actual).toMatch(/items out of order across pages/)
    expect(ids(returned)).toEqual(ids(served.slice(0, 100)))
  })

  it('ends with an error when the out-of-order item is the last of the list', async () => {
    const items = distinctItems(4)
    const served = [items[0], items[2], items[1]] as MemoryItem[]
    const source = memorySource({
      pageSize: 2,
      serve: (request) => served.slice(request.offset, request.offset + 2),
    })
    const shape = shapeErrorOf((await walk(new AuditPages(source))).error)
    expect(shape.path).toBe('$')
    expect(shape.expected).toContain(`id ${items[1]?.id} at ${items[1]?.time}`)
    expect(shape.actual).toMatch(/^the end of the list/)
  })

  it('never ends normally with an item missing when a fixed list is served slightly out of order (property)', async () => {
    const scenario = fc.record({
      steps: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 40, size: 'max' }),
      swaps: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 })), { maxLength: 3 }),
      pageSize: fc.integer({ min: 1, max: 7 }),
    })
    await fc.assert(
      fc.asyncProperty(scenario, async ({ steps, swaps, pageSize }) => {
        const log = new MemoryLog()
        for (const [index, step] of steps.entries()) log.append({ id: index + 1, time: at(step) })
        const served = [...log.items]
        for (const [pick, distance] of swaps) {
          const first = pick % served.length
          const second = Math.min(served.length - 1, first + distance)
          ;[served[first], served[second]] = [served[second] as MemoryItem, served[first] as MemoryItem]
        }
        const source = memorySource({
          pageSize,
          serve: (request) => served.slice(request.offset, request.offset + pageSize),
        })
        const { items: returned, error } = await walk(new AuditPages(source))
        if (error === undefined) expect(new Set(ids(returned))).toEqual(new Set(ids(log.items)))
        else expect(error).toBeInstanceOf(ResponseShapeError)
      }),
      propertyParameters('out of order, never lost', 2000),
    )
  }, 60_000)

  it('skips an item inserted between the boundary and the pin that inserts push onto the next page', async () => {
    // Page 1 ends at id 4 (40 s). Before page 2, three items land at 45 s, above it: the list shifts by three, and
    // page 2 holds two of them, then id 4 again. They were never returned, and they are not out of order.
    const log = logOf(distinctItems(6).map((item) => ({ ...item, time: at(Number(item.id) * 10) })))
    let next = 100
    const source = memorySource({
      log,
      pageSize: 3,
      beforeRequest: (request) => {
        if (request.index === 1)
          for (let count = 0; count < 3; count++) log.append({ id: next++, time: at(45) })
      },
    })
    const { items: returned, error } = await walk(new AuditPages(source))
    expect(error).toBeUndefined()
    expect(ids(returned)).toEqual([6, 5, 4, 3, 2, 1])
  })

  it('reads through a burst of back-dated inserts a few pages long', async () => {
    const log = logOf(distinctItems(20))
    let next = 100
    const pageSize = 2
    const burst = pageSize * (MAX_PAGES_WITHOUT_NEW_ITEMS - 1)
    const source = memorySource({
      log,
      pageSize,
      beforeRequest: (request) => {
        if (request.index === 1)
          for (let count = 0; count < burst; count++) log.append({ id: next++, time: at(19.5) })
      },
    })
    const { items: returned, error } = await walk(new AuditPages(source))
    expect(error).toBeUndefined()
    expect(ids(returned)).toEqual(ids(distinctItems(20)))
  })
})

describe('a server that breaks other parts of the contract', () => {
  it('ends with an error on a page that lists an item twice', async () => {
    const [first, second] = distinctItems(2) as [MemoryItem, MemoryItem]
    const tie = { id: 7, time: second.time }
    const source = memorySource({ pageSize: 10, serve: () => [first, tie, second, tie] })
    const shape = shapeErrorOf((await walk(new AuditPages(source))).error)
    expect(shape.path).toBe('$[3]')
    expect(shape.expected).toBe('each item once in a page')
    expect(shape.actual).toBe('id 7 a second time')
  })

  it('ends with an error on a page that lists an item twice at different times', async () => {
    const [first, second] = distinctItems(2) as [MemoryItem, MemoryItem]
    const source = memorySource({ pageSize: 10, serve: () => [first, second, { ...first, time: at(0) }] })
    const { items: returned, error } = await walk(new AuditPages(source))
    expect(shapeErrorOf(error).path).toBe('$[2]')
    expect(returned).toEqual([])
  })

  it('ends with an error when a later page holds items newer than the pinned bound', async () => {
    const log = logOf(distinctItems(6))
    let next = 100
    // The server ignores the bound while newer items keep arriving.
    const source = memorySource({
      log,
      pageSize: 3,
      serve: (request) => log.page(request.offset, 3, undefined),
      beforeRequest: () => {
        for (let count = 0; count < 4; count++) log.append({ id: next, time: at(next++) })
      },
    })
    const { error } = await walk(new AuditPages(source))
    const shape = shapeErrorOf(error)
    expect(shape.path).toBe('$[0]')
    expect(shape.expected).toBe(`items at or before the upper bound ${at(6)}`)
    expect(shape.actual).toBe(`"${at(100)}" (upper bound ignored?)`)
  })

  it('never asks for more pages than the test allows', async () => {
    const source = memorySource({
      pageSize: 1,
      maxRequests: 3,
      serve: (request) => [{ id: -request.index, time: at(-request.index) }],
    })
    expect((await walk(new AuditPages(source))).error).toBeInstanceOf(RequestCapError)
  })
})
