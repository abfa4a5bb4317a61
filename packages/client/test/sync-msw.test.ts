// The sync under the mocks' own inserts scenario (MSW): new events arrive before every request after the first.
import {
  createKaitenRuStore,
  createKaitenShStore,
  kaitenRuHandlers,
  kaitenShHandlers,
  scenarios,
} from '@kaiten-audit/mocks'
import { describe, expect, it } from 'vitest'
import type { SyncCheckpoint } from '../src/index.js'
import { ruClient, shClient } from './support/clients.js'
import { RU_BASE_URL, SH_BASE_URL, useMswServer } from './support/msw.js'

const ruStore = createKaitenRuStore({ seed: 11, events: 1600 })
const shStore = createKaitenShStore({ seed: 11, entries: 900, instances: 2 })
const server = useMswServer(
  ...kaitenRuHandlers({ baseUrl: RU_BASE_URL, store: ruStore, rateLimit: false }),
  ...kaitenShHandlers({ baseUrl: SH_BASE_URL, store: shStore }),
)

describe('sync with the insertDuringPaging scenario', () => {
  it('kaiten.ru: every event once; each sync picks up what arrived during the one before', async () => {
    ruStore.reset()
    server.use(scenarios.insertDuringPaging(RU_BASE_URL, { store: ruStore, count: 4, times: 30 }))
    const client = ruClient()
    const ids: string[] = []
    let checkpoint: SyncCheckpoint | undefined
    // Until a sync finds nothing: the scenario's insert budget is spent and the last inserts were picked up.
    for (let run = 0, found = -1; found !== 0; run++) {
      expect(run).toBeLessThan(40)
      found = 0
      for await (const batch of client.syncAuditLogs({ limit: 200 }, { checkpoint })) {
        ids.push(...batch.items.map((event) => event.id))
        checkpoint = batch.checkpoint
        found += batch.items.length
      }
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.sort()).toEqual(
      ruStore
        .events()
        .map((event) => event.id)
        .sort(),
    )
  }, 30_000)

  it('kaiten.sh: the same per instance', async () => {
    shStore.reset()
    server.use(scenarios.insertDuringPaging(SH_BASE_URL, { store: shStore, count: 2, times: 20 }))
    const client = shClient()
    const slug = shStore.instances()[0]?.slug as string
    const ids: number[] = []
    let checkpoint: SyncCheckpoint | undefined
    // Until a sync finds nothing: the scenario's insert budget is spent and the last inserts were picked up.
    for (let run = 0, found = -1; found !== 0; run++) {
      expect(run).toBeLessThan(40)
      found = 0
      for await (const batch of client.syncAuditTrails(slug, { limit: 50 }, { checkpoint })) {
        ids.push(...batch.items.map((entry) => entry.id))
        checkpoint = batch.checkpoint
        found += batch.items.length
      }
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.sort((a, b) => a - b)).toEqual(
      shStore
        .entries(slug)
        .map((entry) => entry.id)
        .sort((a, b) => a - b),
    )
  }, 30_000)
})
