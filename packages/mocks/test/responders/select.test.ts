// Selecting a page touches what the page needs, not the whole log: time bounds are found by binary search over the
// newest-first timeline, an unfiltered page is a slice, a filtered one stops once it has its items. Counted by reads,
// so the verdict does not depend on the machine's speed.
import type { KaitenRuQuery, KaitenShQuery } from '@kaiten-audit/query'
import { parseDateTime } from '@kaiten-audit/query'
import { describe, expect, it } from 'vitest'
import { selectKaitenRuPage, selectKaitenShPage } from '../../src/responders/select.js'
import { createKaitenRuStore } from '../../src/store/kaiten-ru.js'
import { createKaitenShStore } from '../../src/store/kaiten-sh.js'
import type { Timeline } from '../../src/store/timeline-index.js'

/** The timeline with its items behind a proxy that counts every item read. */
function counted<T>(timeline: Timeline<T>): { timeline: Timeline<T>; reads: () => number } {
  let reads = 0
  const items = new Proxy(timeline.items as T[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++
      return Reflect.get(target, key, receiver)
    },
  })
  return { timeline: { items, instants: timeline.instants }, reads: () => reads }
}

const ru = createKaitenRuStore({ events: 20_000 })
const events = ru.events()
const micros = (text: string) => parseDateTime(text) as number
const ruQuery = (query: Partial<KaitenRuQuery>): KaitenRuQuery => ({ limit: 100, offset: 0, ...query })

describe('selectKaitenRuPage', () => {
  it('reads only the events inside the time bounds, and returns exactly them', () => {
    const from = micros(events[10_040]!.created)
    const to = micros(events[10_000]!.created)
    const { timeline, reads } = counted(ru.timeline())
    const page = selectKaitenRuPage(timeline, ruQuery({ from, to, limit: 500 }))
    expect(page).toEqual(
      events.filter((event) => micros(event.created) >= from && micros(event.created) <= to),
    )
    expect(reads()).toBeLessThanOrEqual(page.length + 2)
  })

  it('reads only the page for a deep offset without other filters', () => {
    const { timeline, reads } = counted(ru.timeline())
    const page = selectKaitenRuPage(
      timeline,
      ruQuery({ to: micros(events[0]!.created), offset: 15_000, limit: 100 }),
    )
    expect(page).toEqual(events.slice(15_000, 15_100))
    expect(reads()).toBe(100)
  })

  it('stops reading once a filtered page has its events', () => {
    const { timeline, reads } = counted(ru.timeline())
    const page = selectKaitenRuPage(timeline, ruQuery({ categories: ['auth'], limit: 5 }))
    expect(page).toEqual(events.filter((event) => event.category === 'auth').slice(0, 5))
    expect(reads()).toBeLessThan(1000)
  })

  it('keeps the timeline in step with appended events', () => {
    const store = createKaitenRuStore({ events: 10 })
    const appended = store.append()
    const timeline = store.timeline()
    expect(timeline.items[0]).toEqual(appended)
    expect(timeline.items).toEqual(store.events())
    expect(timeline.instants).toEqual(store.events().map((event) => micros(event.created)))
  })
})

describe('selectKaitenShPage', () => {
  const sh = createKaitenShStore({ entries: 20_000, instances: 1 })
  const slug = sh.instances()[0]!.slug
  const entries = sh.entries(slug)
  const shQuery = (query: Partial<KaitenShQuery>): KaitenShQuery => ({ limit: 50, offset: 0, ...query })

  it('reads only the entries inside the time bounds, and returns exactly them', () => {
    const after = micros(entries[12_040]!.timestamp)
    const before = micros(entries[12_000]!.timestamp)
    const { timeline, reads } = counted(sh.timeline(slug))
    const page = selectKaitenShPage(timeline, shQuery({ after, before, limit: 200 }))
    const inside = entries.filter(
      (entry) => micros(entry.timestamp) >= after && micros(entry.timestamp) <= before,
    )
    expect(page).toEqual(inside)
    expect(reads()).toBeLessThanOrEqual(page.length + 2)
  })

  it('reads only the page for a deep offset', () => {
    const { timeline, reads } = counted(sh.timeline(slug))
    expect(selectKaitenShPage(timeline, shQuery({ offset: 19_000, limit: 200 }))).toEqual(
      entries.slice(19_000, 19_200),
    )
    expect(reads()).toBe(200)
  })
})
