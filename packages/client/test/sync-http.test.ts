// syncAuditLogs / syncAuditTrails through the real clients, answered by the mocks' faithful responders.
import {
  createKaitenRuResponder,
  createKaitenRuStore,
  createKaitenShResponder,
  createKaitenShStore,
  MOCK_TOKENS,
} from '@kaiten-audit/mocks'
import { describe, expect, it } from 'vitest'
import {
  createKaitenRuClient,
  createKaitenShClient,
  InvalidParameterError,
  type SyncBatch,
  type SyncCheckpoint,
} from '../src/index.js'

function ruSetup(events: number) {
  const store = createKaitenRuStore({ seed: 3, events })
  const respond = createKaitenRuResponder({ store, basePath: '/api/latest', rateLimit: false })
  let beforeRequest = () => {}
  const client = createKaitenRuClient({
    baseUrl: 'https://example.kaiten.ru/api/latest',
    token: MOCK_TOKENS.kaitenRu.valid,
    rateLimit: false,
    fetch: async (request) => {
      beforeRequest()
      return respond(request)
    },
  })
  return { store, client, onRequest: (hook: () => void) => (beforeRequest = hook) }
}

async function collect<T>(batches: AsyncIterable<SyncBatch<T>>) {
  const items: T[] = []
  let checkpoint: SyncCheckpoint | undefined
  for await (const batch of batches) {
    items.push(...batch.items)
    // Stored as a consumer stores it.
    checkpoint = JSON.parse(JSON.stringify(batch.checkpoint)) as SyncCheckpoint
  }
  return { items, checkpoint }
}

describe('kaiten.ru syncAuditLogs', () => {
  it('delivers the whole log oldest first, then only what is new', async () => {
    const { store, client } = ruSetup(1250)
    const first = await collect(client.syncAuditLogs({ limit: 100 }))
    expect(first.items.map((event) => event.id)).toEqual(
      store
        .events()
        .map((event) => event.id)
        .reverse(),
    )
    expect(first.checkpoint).toMatchObject({ v: 1, api: 'kaiten-ru', filters: '' })
    expect(first.checkpoint?.instant).toBe(store.events()[0]?.created)

    const idle = await collect(client.syncAuditLogs({ limit: 100 }, { checkpoint: first.checkpoint }))
    expect(idle.items).toEqual([])

    const added = [store.append(), store.append({ created: first.checkpoint?.instant as string })]
    const next = await collect(client.syncAuditLogs({ limit: 100 }, { checkpoint: first.checkpoint }))
    expect(next.items.map((event) => event.id).sort()).toEqual(added.map((event) => event.id).sort())
  }, 30_000)

  it('keeps exactly once while events arrive during the sync, stopping and resuming after every batch', async () => {
    const { store, client, onRequest } = ruSetup(150)
    let checkpoint: SyncCheckpoint | undefined
    // Newer events, and late ones at the instant the consumer has stored, before every request.
    onRequest(() => {
      store.append()
      if (checkpoint?.instant) store.append({ created: checkpoint.instant })
    })
    const delivered: string[] = []
    for (let run = 0; run < 400; run++) {
      let batches = 0
      for await (const batch of client.syncAuditLogs({ limit: 50 }, { checkpoint })) {
        delivered.push(...batch.items.map((event) => event.id))
        checkpoint = batch.checkpoint
        batches++
        break
      }
      if (batches === 0) break
    }
    onRequest(() => {})
    const rest = await collect(client.syncAuditLogs({ limit: 50 }, { checkpoint }))
    delivered.push(...rest.items.map((event) => event.id))
    expect(new Set(delivered).size).toBe(delivered.length)
    expect([...delivered].sort()).toEqual(
      store
        .events()
        .map((event) => event.id)
        .sort(),
    )
  }, 60_000)

  it('starts at `from` without a checkpoint and never passes `to`', async () => {
    const { store, client } = ruSetup(600)
    const events = store.events()
    const from = events[400]?.created as string
    const to = events[100]?.created as string
    const { items, checkpoint } = await collect(client.syncAuditLogs({ from, to, limit: 60 }))
    const expected = events.filter((event) => event.created >= from && event.created <= to)
    expect(items.map((event) => event.id)).toEqual(expected.map((event) => event.id).reverse())
    expect(checkpoint?.instant).toBe(to)
  }, 30_000)

  it('refuses, before any request, a checkpoint of another API, filter set or version, and managed parameters', () => {
    const { client } = ruSetup(10)
    const checkpoint: SyncCheckpoint = {
      v: 1,
      api: 'kaiten-ru',
      filters: 'categories=auth',
      instant: '2026-04-01T00:00:00.000Z',
      ids: [],
    }
    const refusal = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidParameterError)
        return (error as InvalidParameterError).message
      }
      throw new Error('expected a refusal')
    }
    expect(refusal(() => client.syncAuditLogs({ categories: ['user_management'] }, { checkpoint }))).toMatch(
      /checkpoint\.filters: "categories=auth" is not allowed; allowed: a checkpoint of kaiten-ru with filters "categories=user_management"/,
    )
    expect(
      refusal(() => client.syncAuditLogs({}, { checkpoint: { ...checkpoint, api: 'kaiten-sh' } })),
    ).toMatch(/checkpoint\.api: "kaiten-sh"/)
    expect(
      refusal(() =>
        client.syncAuditLogs({}, { checkpoint: { ...checkpoint, v: 2 } as unknown as SyncCheckpoint }),
      ),
    ).toMatch(/checkpoint\.v: 2 is not allowed; allowed: 1/)
    expect(refusal(() => client.syncAuditLogs({ offset: 5 } as never))).toMatch(/offset: 5 is not allowed/)
    expect(refusal(() => client.syncAuditLogs({ limit: 1 }))).toMatch(
      /limit: 1 is not allowed; allowed: a page size of at least 2/,
    )
    // The same filters in another order are the same scope.
    expect(() =>
      client.syncAuditLogs(
        { categories: ['user_management', 'auth'] },
        {
          checkpoint: { ...checkpoint, filters: 'categories=auth%2Cuser_management' },
        },
      ),
    ).not.toThrow()
  })
})

describe('kaiten.sh syncAuditTrails', () => {
  it('keeps one position per instance and refuses a checkpoint of another instance', async () => {
    const store = createKaitenShStore({ seed: 5, entries: 700, instances: 2 })
    const respond = createKaitenShResponder({ store })
    const client = createKaitenShClient({
      baseUrl: 'https://demo.kaiten.sh',
      token: MOCK_TOKENS.kaitenSh.valid,
      fetch: async (request) => respond(request),
    })
    const [first, second] = store.instances().map((instance) => instance.slug) as [string, string]
    const one = await collect(client.syncAuditTrails(first, { limit: 40 }))
    expect(one.items.map((entry) => entry.id)).toEqual(
      store
        .entries(first)
        .map((entry) => entry.id)
        .reverse(),
    )
    expect(one.checkpoint).toMatchObject({ api: 'kaiten-sh', instance: first })
    expect(() => client.syncAuditTrails(second, {}, { checkpoint: one.checkpoint })).toThrow(
      /checkpoint\.instance: .* is not allowed; allowed: a checkpoint of kaiten-sh instance/,
    )
    const added = store.append(first)
    const next = await collect(client.syncAuditTrails(first, { limit: 40 }, { checkpoint: one.checkpoint }))
    expect(next.items.map((entry) => entry.id)).toEqual([added.id])
  }, 30_000)
})
