// Servers that break the paging contract, served from memory: every walk ends, in a bounded number of requests,
// with every item or with a ResponseShapeError that says what the server did; none ends normally with items lost.
import { describe, expect, it } from 'vitest'
import { AuditPages } from '../src/core/pagination.js'
import { ResponseShapeError } from '../src/index.js'
import { type MemoryItem, memorySource, walk } from './support/memory-pages.js'

const START_MS = Date.UTC(2026, 3, 1, 12, 0, 0)
const at = (seconds: number) => new Date(START_MS + seconds * 1000).toISOString()

/** `count` items one second apart, newest first: ids count..1, the newest at `count` seconds. */
function distinctItems(count: number): MemoryItem[] {
  return Array.from({ length: count }, (_unused, index) => ({ id: count - index, time: at(count - index) }))
}

function shapeErrorOf(error: unknown): ResponseShapeError {
  expect(error).toBeInstanceOf(ResponseShapeError)
  return error as ResponseShapeError
}

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
