import { auditTrailStatusValues, knownEventNameValues } from '@kaiten-audit/types'
import { describe, expect, it } from 'vitest'
import { createKaitenShStore } from '../../src/store/kaiten-sh.js'
import { STATUS_BY_EVENT_NAME } from '../../src/store/kaiten-sh-data.js'

const allEntries = (store: ReturnType<typeof createKaitenShStore>) =>
  store.instances().flatMap((instance) => store.entries(instance.slug))

describe('createKaitenShStore', () => {
  it('gives the same data for the same seed and different data for another seed', () => {
    expect(allEntries(createKaitenShStore({ seed: 5 }))).toEqual(allEntries(createKaitenShStore({ seed: 5 })))
    expect(allEntries(createKaitenShStore({ seed: 5 }))).not.toEqual(
      allEntries(createKaitenShStore({ seed: 6 })),
    )
  })

  it('has about 1000 entries over 3 instances by default, and honours other sizes', () => {
    const store = createKaitenShStore()
    expect(store.instances()).toHaveLength(3)
    expect(allEntries(store)).toHaveLength(1000)
    const small = createKaitenShStore({ entries: 40, instances: 5 })
    expect(small.instances()).toHaveLength(5)
    expect(allEntries(small)).toHaveLength(40)
    expect(new Set(small.instances().map((instance) => instance.slug)).size).toBe(5)
  })

  it('is realistic: months of spread, every event name in every instance, statuses as the guide pairs them', () => {
    const store = createKaitenShStore()
    for (const { slug, id } of store.instances()) {
      const entries = store.entries(slug)
      expect(new Set(entries.map((entry) => entry.eventName))).toEqual(new Set(knownEventNameValues))
      expect(entries.every((entry) => entry.instanceSlug === slug && entry.instanceId === id)).toBe(true)
    }
    const entries = allEntries(store)
    expect(new Set(entries.map((entry) => entry.status))).toEqual(new Set(auditTrailStatusValues))
    for (const entry of entries) {
      expect(entry.status).toBe(STATUS_BY_EVENT_NAME[entry.eventName as keyof typeof STATUS_BY_EVENT_NAME])
    }
    const times = entries.map((entry) => Date.parse(entry.timestamp))
    const spanDays = (Math.max(...times) - Math.min(...times)) / 86_400_000
    expect(spanDays).toBeGreaterThan(90)
    expect(entries.some((entry) => entry.payload === null)).toBe(true)
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length)
  })

  it('keeps every trail newest first with ties present and broken by id descending', () => {
    const store = createKaitenShStore()
    let ties = 0
    for (const { slug } of store.instances()) {
      const entries = store.entries(slug)
      for (let i = 1; i < entries.length; i++) {
        const newer = entries[i - 1]!
        const older = entries[i]!
        const difference = Date.parse(newer.timestamp) - Date.parse(older.timestamp)
        expect(difference).toBeGreaterThanOrEqual(0)
        if (difference === 0) {
          ties++
          expect(newer.id).toBeGreaterThan(older.id)
        }
      }
    }
    expect(ties).toBeGreaterThan(5)
  })

  it('appends newest by default, in order for an explicit older timestamp, and resets to the seeded data', () => {
    const store = createKaitenShStore({ entries: 60 })
    const slug = store.instances()[0]!.slug
    const before = store.entries(slug)
    const appended = store.append(slug)
    expect(store.entries(slug)[0]).toEqual(appended)
    expect(appended.id).toBeGreaterThan(
      Math.max(
        ...allEntries(store)
          .filter((e) => e !== appended)
          .map((e) => e.id),
      ),
    )
    expect(Date.parse(appended.timestamp)).toBeGreaterThan(Date.parse(before[0]!.timestamp))

    // An entry without a tie of its own, so "directly before it" is well defined.
    const older = before.find(
      (entry, i) =>
        i > 0 && before[i - 1]!.timestamp !== entry.timestamp && before[i + 1]?.timestamp !== entry.timestamp,
    )!
    const tied = store.append(slug, {
      timestamp: older.timestamp,
      eventName: 'kaiten.v1.entitlement.value.get',
    })
    const after = store.entries(slug)
    // Same timestamp, higher id: the appended entry comes directly before the older one.
    expect(after.indexOf(tied)).toBe(after.indexOf(older) - 1)
    expect(tied.status).toBe('ACCEPTED')

    store.reset()
    expect(store.entries(slug)).toEqual(before)
  })

  it('rejects bad input with the parameter, the value and what is allowed', () => {
    const store = createKaitenShStore({ entries: 10 })
    expect(() => store.entries('nope')).toThrow(
      /instanceSlug: "nope" is not allowed; allowed: one of acme-production/,
    )
    expect(() => store.append('acme-production', { timestamp: 'yesterday' })).toThrow(
      /timestamp: "yesterday"/,
    )
    expect(() => store.append('acme-production', { id: 5 })).toThrow(/id: 5 is not allowed/)
    expect(() => store.append('acme-production', { instanceSlug: 'other' })).toThrow(/instanceSlug: "other"/)
    expect(() => createKaitenShStore({ entries: -1 })).toThrow(/entries: -1 is not allowed/)
    expect(() => createKaitenShStore({ instances: 0, entries: 3 })).toThrow(/instances: 0 is not allowed/)
  })

  it('hands out frozen entries, so a caller cannot change the stored trail by accident', () => {
    const store = createKaitenShStore({ entries: 5 })
    const entry = store.entries('acme-production')[0]!
    expect(Object.isFrozen(entry)).toBe(true)
  })
})
