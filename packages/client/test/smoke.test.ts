import {
  createKaitenRuStore,
  createKaitenShStore,
  kaitenRuHandlers,
  kaitenShHandlers,
} from '@kaiten-audit/mocks'
import { expect, it } from 'vitest'
import { ruClient, shClient } from './support/clients.js'
import { RU_BASE_URL, SH_BASE_URL, useMswServer } from './support/msw.js'

const shStore = createKaitenShStore()
const ruStore = createKaitenRuStore({ events: 300 })
useMswServer(
  ...kaitenShHandlers({ baseUrl: SH_BASE_URL, store: shStore }),
  ...kaitenRuHandlers({ baseUrl: RU_BASE_URL, store: ruStore, rateLimit: false }),
)

it('lists and iterates both APIs', async () => {
  const slug = shStore.instances()[0]?.slug ?? ''
  const sh = shClient()
  const page = await sh.listAuditTrails(slug, { limit: 10 })
  expect(page.map((e) => e.id)).toEqual(
    shStore
      .entries(slug)
      .slice(0, 10)
      .map((e) => e.id),
  )
  const all = []
  for await (const entry of sh.iterateAuditTrails(slug)) all.push(entry.id)
  expect(all).toEqual(shStore.entries(slug).map((e) => e.id))
  const ru = ruClient()
  const events = []
  for await (const event of ru.iterateAuditLogs({ limit: 1000 })) events.push(event.id)
  expect(events).toEqual(ruStore.events().map((e) => e.id))
})
