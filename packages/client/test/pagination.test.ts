import {
  createKaitenRuStore,
  createKaitenShStore,
  kaitenRuHandlers,
  kaitenShHandlers,
  scenarios,
} from '@kaiten-audit/mocks'
import type { AuditLogEvent, AuditTrailEntry } from '@kaiten-audit/types'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { ResponseShapeError } from '../src/index.js'
import { ruClient, shClient } from './support/clients.js'
import { RU_BASE_URL, recordRequests, SH_BASE_URL, useMswServer } from './support/msw.js'

const ruStore = createKaitenRuStore({ seed: 7, events: 1250 })
const shStore = createKaitenShStore({ seed: 7, entries: 900, instances: 2 })
const server = useMswServer(
  ...kaitenShHandlers({ baseUrl: SH_BASE_URL, store: shStore }),
  ...kaitenRuHandlers({ baseUrl: RU_BASE_URL, store: ruStore, rateLimit: false }),
)
const recorded = recordRequests(server)
const slug = shStore.instances()[0]?.slug ?? ''

// Each test walks pages through MSW and the client's whole transport: no network, but far more work than a unit
// test, so a busy machine gets a generous, explicit timeout rather than vitest's 5 s default.
const WALK_TIMEOUT = { timeout: 30_000 }

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterable) items.push(item)
  return items
}

describe('kaiten.ru iteration', WALK_TIMEOUT, () => {
  it('yields exactly 1,250 unique events for limit 1000, advancing by what each clamped page held', async () => {
    const events = await collect(ruClient().iterateAuditLogs({ limit: 1000 }))
    expect(events).toHaveLength(1250)
    expect(new Set(events.map((event) => event.id)).size).toBe(1250)
    expect(events.map((event) => event.id)).toEqual(ruStore.events().map((event) => event.id))
    const urls = recorded.urls()
    expect(urls.map((url) => url.searchParams.get('offset'))).toEqual(['0', '500', '1000'])
    expect(urls.map((url) => url.searchParams.get('limit'))).toEqual(['1000', '1000', '1000'])
  })

  it('iterates page by page, defaulting to 500 per page and stopping on the short page', async () => {
    const pages = await collect(ruClient().iterateAuditLogs().pages())
    expect(pages.map((page) => [page.offset, page.received, page.items.length])).toEqual([
      [0, 500, 500],
      [500, 500, 500],
      [1000, 250, 250],
    ])
    expect(recorded.urls().every((url) => url.searchParams.get('limit') === '500')).toBe(true)
  })

  it('pins `to` at the newest event after the first page and keeps the filters on every page', async () => {
    const newest = ruStore.events().find((event) => event.category === 'auth') as AuditLogEvent
    const events = await collect(ruClient().iterateAuditLogs({ categories: ['auth'], limit: 50 }))
    expect(events.length).toBe(ruStore.events().filter((event) => event.category === 'auth').length)
    const urls = recorded.urls()
    expect(urls.length).toBeGreaterThan(1)
    expect(urls[0]?.searchParams.has('to')).toBe(false)
    for (const url of urls.slice(1)) expect(url.searchParams.get('to')).toBe(newest.created)
    for (const url of urls) expect(url.searchParams.get('categories')).toBe('auth')
  })

  it("keeps the caller's own upper bound", async () => {
    const to = ruStore.events()[100]?.created as string
    const events = await collect(ruClient().iterateAuditLogs({ to, limit: 500 }))
    expect((events[0]?.created ?? '') <= to).toBe(true)
    for (const url of recorded.urls()) expect(url.searchParams.get('to')).toBe(to)
  })

  it('returns neither a duplicate nor a new event while events are inserted before every page', async () => {
    const before = ruStore.events().map((event) => event.id)
    server.use(scenarios.insertDuringPaging(RU_BASE_URL, { store: ruStore, count: 7 }))
    try {
      const events = await collect(ruClient().iterateAuditLogs({ limit: 100 }))
      expect(events.map((event) => event.id)).toEqual(before)
      expect(ruStore.events().length).toBeGreaterThan(before.length)
    } finally {
      ruStore.reset()
    }
  })

  it('stops fetching when the consumer stops', async () => {
    let seen = 0
    for await (const _event of ruClient().iterateAuditLogs({ limit: 100 })) if (++seen === 150) break
    expect(recorded.requests).toHaveLength(2)
  })

  it('fetches nothing until iterated, and starts a fresh walk on every iteration', async () => {
    const iterable = ruClient().iterateAuditLogs({ limit: 500 })
    expect(recorded.requests).toHaveLength(0)
    expect((await collect(iterable)).length).toBe(1250)
    expect((await collect(iterable)).length).toBe(1250)
    expect(recorded.requests).toHaveLength(6)
  })
})

describe('kaiten.sh iteration', WALK_TIMEOUT, () => {
  it('defaults to 200 per page, and yields the whole trail newest first', async () => {
    const entries = await collect(shClient().iterateAuditTrails(slug))
    expect(entries.map((entry) => entry.id)).toEqual(shStore.entries(slug).map((entry) => entry.id))
    const urls = recorded.urls()
    expect(urls.every((url) => url.searchParams.get('limit') === '200')).toBe(true)
    expect(urls.map((url) => Number(url.searchParams.get('offset')))).toEqual(
      urls.map((_url, index) => index * 200),
    )
  })

  it('filters by event name and time range on every page', async () => {
    const trail = shStore.entries(slug)
    const after = trail[trail.length - 1]?.timestamp as string
    const eventName = 'kaiten.v1.feature_flag.evaluate'
    const entries = await collect(
      shClient().iterateAuditTrails(slug, { event_name: eventName, after, limit: 10 }),
    )
    expect(entries.map((entry) => entry.id)).toEqual(
      trail.filter((entry) => entry.eventName === eventName).map((entry) => entry.id),
    )
    for (const url of recorded.urls()) expect(url.searchParams.get('event_name')).toBe(eventName)
  })

  it('returns neither a duplicate nor a new entry while entries are inserted before every page', async () => {
    const before = shStore.entries(slug).map((entry) => entry.id)
    server.use(scenarios.insertDuringPaging(SH_BASE_URL, { store: shStore, count: 3 }))
    try {
      const entries = await collect(shClient().iterateAuditTrails(slug, { limit: 25 }))
      expect(entries.map((entry) => entry.id)).toEqual(before)
    } finally {
      shStore.reset()
    }
  })
})

describe('a server that breaks the paging contract', WALK_TIMEOUT, () => {
  it('fails with ResponseShapeError when a page is not newest first', async () => {
    const [first, second] = ruStore.events()
    server.use(http.get(`${RU_BASE_URL}/audit-logs`, () => HttpResponse.json([second, first])))
    const error = await collect(ruClient().iterateAuditLogs()).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect((error as ResponseShapeError).path).toBe('$[1]')
    expect((error as ResponseShapeError).expected).toBe('items sorted newest first')
  })

  it('fails with ResponseShapeError instead of paging forever when the server ignores offset', async () => {
    const page = ruStore.events().slice(0, 500)
    server.use(http.get(`${RU_BASE_URL}/audit-logs`, () => HttpResponse.json(page)))
    const error = await collect(ruClient().iterateAuditLogs()).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect(String(error)).toMatch(/10 full pages in a row without a new item \(offset ignored\?\)/)
    expect(recorded.requests).toHaveLength(11)
  })

  /** Serves `page` for every request, then an empty page once `cap` requests are used: "forever" fails, not hangs. */
  function sameEveryTime<T>(page: readonly T[], cap = 50) {
    let requests = 0
    return () => HttpResponse.json(++requests > cap ? [] : page)
  }

  it('fails on the first page when the server ignores offset and limit (300 entries for limit=200)', async () => {
    const entries = shStore.entries(slug).slice(0, 300)
    server.use(http.get(`${SH_BASE_URL}/instances/:slug/audit-trails`, sameEveryTime(entries)))
    const error = await collect(shClient().iterateAuditTrails(slug)).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect((error as ResponseShapeError).actual).toBe('300 items (limit ignored?)')
    expect(recorded.requests).toHaveLength(1)
  })

  it('fails on the first page when kaiten.ru serves more than the 500 it applies to limit=1000', async () => {
    server.use(http.get(`${RU_BASE_URL}/audit-logs`, sameEveryTime(ruStore.events().slice(0, 600))))
    const error = await collect(ruClient().iterateAuditLogs({ limit: 1000 })).catch(
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect((error as ResponseShapeError).expected).toBe('at most 500 items, the page size requested')
    expect(recorded.requests).toHaveLength(1)
  })

  it('fails rather than lose an entry swapped with its neighbour across a page boundary', async () => {
    const entries = shStore.entries(slug).slice(0, 400)
    expect(entries[99]?.timestamp).not.toBe(entries[100]?.timestamp)
    const served = [...entries]
    ;[served[99], served[100]] = [entries[100], entries[99]] as [AuditTrailEntry, AuditTrailEntry]
    server.use(
      http.get(`${SH_BASE_URL}/instances/:slug/audit-trails`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset'))
        return HttpResponse.json(served.slice(offset, offset + 100))
      }),
    )
    const error = await collect(shClient().iterateAuditTrails(slug, { limit: 100 })).catch(
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(ResponseShapeError)
    expect((error as ResponseShapeError).expected).toContain(`id ${entries[99]?.id}`)
    expect(recorded.urls().map((url) => url.searchParams.get('offset'))).toEqual(['0', '100'])
  })

  it('reports the drifted cursor envelope on the first page', async () => {
    server.use(scenarios.cursorEnvelope(SH_BASE_URL, { store: shStore }))
    const error = await collect(shClient().iterateAuditTrails(slug)).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ResponseShapeError)
  })
})
