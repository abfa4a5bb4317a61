import { auditLogActionValues, auditLogCategoryValues } from '@kaiten-audit/types'
import { describe, expect, it } from 'vitest'
import { createKaitenRuStore } from '../../src/store/kaiten-ru.js'
import { ACTION_KINDS } from '../../src/store/kaiten-ru-data.js'

describe('createKaitenRuStore', () => {
  it('gives the same data for the same seed and different data for another seed', () => {
    expect(createKaitenRuStore({ seed: 9 }).events()).toEqual(createKaitenRuStore({ seed: 9 }).events())
    expect(createKaitenRuStore({ seed: 9 }).events()).not.toEqual(createKaitenRuStore({ seed: 10 }).events())
  })

  it('has 3000 events by default and honours other sizes', () => {
    expect(createKaitenRuStore().events()).toHaveLength(3000)
    expect(createKaitenRuStore({ events: 17 }).events()).toHaveLength(17)
    expect(() => createKaitenRuStore({ events: 2.5 })).toThrow(/events: 2.5 is not allowed/)
  })

  it('uses every documented category and action, each action in a plausible category', () => {
    const events = createKaitenRuStore().events()
    expect(new Set(events.map((event) => event.category))).toEqual(new Set(auditLogCategoryValues))
    expect(new Set(events.map((event) => event.action))).toEqual(new Set(auditLogActionValues))
    const pairs = new Set(ACTION_KINDS.map((kind) => `${kind.category}/${kind.action}`))
    for (const event of events) expect(pairs).toContain(`${event.category}/${event.action}`)
  })

  it('has many authors, deleted ones with their stored fields kept, renamed ones, and system events', () => {
    const events = createKaitenRuStore().events()
    expect(new Set(events.map((event) => event.author_id).filter((id) => id !== null)).size).toBeGreaterThan(
      30,
    )
    const deleted = events.filter((event) => event.author === null && event.author_id !== null)
    expect(deleted.length).toBeGreaterThan(0)
    for (const event of deleted) {
      expect(event.author_uid).toEqual(expect.any(String))
      expect(event.author_username).toEqual(expect.any(String))
    }
    const renamed = events.filter((event) => event.author && event.author.username !== event.author_username)
    expect(renamed.length).toBeGreaterThan(0)
    expect(events.some((event) => event.author_id === null && event.app_name !== null)).toBe(true)
    const times = events.map((event) => Date.parse(event.created))
    expect((Math.max(...times) - Math.min(...times)) / 86_400_000).toBeGreaterThan(90)
  })

  it('keeps events newest first with ties present and broken by id descending', () => {
    const events = createKaitenRuStore().events()
    let ties = 0
    for (let i = 1; i < events.length; i++) {
      const difference = Date.parse(events[i - 1]!.created) - Date.parse(events[i]!.created)
      expect(difference).toBeGreaterThanOrEqual(0)
      if (difference === 0) {
        ties++
        expect(events[i - 1]!.id > events[i]!.id).toBe(true)
      }
    }
    expect(ties).toBeGreaterThan(10)
  })

  it('appends newest by default, keeps given fields, refuses a duplicate id, and resets', () => {
    const store = createKaitenRuStore({ events: 50 })
    const before = store.events()
    const appended = store.append({ category: 'auth', action: 'sign_out', author_id: 1 })
    expect(store.events()[0]).toEqual(appended)
    expect(appended).toMatchObject({ category: 'auth', action: 'sign_out', author_id: 1 })
    expect(Date.parse(appended.created)).toBeGreaterThan(Date.parse(before[0]!.created))
    expect(() => store.append({ id: appended.id })).toThrow(
      /id: ".*" is not allowed; allowed: an id no stored event has/,
    )
    expect(() => store.append({ created: 'soon' })).toThrow(/created: "soon" is not allowed/)
    store.reset()
    expect(store.events()).toEqual(before)
  })
})
