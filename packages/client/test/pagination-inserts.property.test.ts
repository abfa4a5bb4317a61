// Offset paging over a newest-first list that grows while it is read: for any insert schedule, the iterator returns
// every item that existed when it started, none twice, in newest-first order, and nothing newer than its pinned
// upper bound. Served by the mocks' faithful responders, called in-process as the client's injected fetch.
import {
  createKaitenRuResponder,
  createKaitenRuStore,
  createKaitenShResponder,
  createKaitenShStore,
  MOCK_TOKENS,
} from '@kaiten-audit/mocks'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createKaitenRuClient, createKaitenShClient, type FetchFunction } from '../src/index.js'

const START_MS = Date.UTC(2026, 3, 1, 12, 0, 0)

/**
 * Where an inserted item lands in time, relative to the items present at the start:
 * - `newer`: after the newest (the usual case: events happen now);
 * - `at-pin`: the same instant as the newest one, which is the pinned bound;
 * - `at-existing`: the same instant as some existing item, so it joins a group of equal timestamps;
 * - `older`: back-dated between or below existing items (late delivery).
 */
const insertArbitrary = fc.record({
  kind: fc.constantFrom('newer', 'at-pin', 'at-existing', 'older'),
  pick: fc.nat(),
})
type Insert = { kind: 'newer' | 'at-pin' | 'at-existing' | 'older'; pick: number }

const scenarioArbitrary = fc.record({
  // Few distinct instants, so equal timestamps at page boundaries and at the pin are common.
  initialSteps: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }),
  pageSize: fc.integer({ min: 1, max: 7 }),
  // One batch before each request after the first; later requests get none. Fewer batches than the pager's
  // repeated-page limit (10): only an endless run of exactly page-sized bursts would look like an ignored offset.
  schedule: fc.array(fc.array(insertArbitrary, { maxLength: 4 }), { maxLength: 9 }),
  callerUpperBound: fc.boolean(),
})

/** The instant (in steps of `unitMs`) an insert lands at. */
function insertStep(insert: Insert, initialSteps: readonly number[], maxStep: number): number {
  const existing = initialSteps.length > 0 ? initialSteps : [0]
  switch (insert.kind) {
    case 'newer':
      return maxStep + 1 + (insert.pick % 3)
    case 'at-pin':
      return maxStep
    case 'at-existing':
      return existing[insert.pick % existing.length] as number
    case 'older':
      return (existing[insert.pick % existing.length] as number) - 1 - (insert.pick % 2)
  }
}

/** Wraps a responder so that each request after the first first applies the next batch of inserts. */
function insertingFetch(
  respond: FetchFunction,
  schedule: readonly Insert[][],
  insert: (item: Insert) => void,
) {
  let requests = 0
  const fetch = async (request: Request): Promise<Response> => {
    if (requests > 0) for (const item of schedule[requests - 1] ?? []) insert(item)
    requests++
    return respond(request)
  }
  return { fetch, requests: () => requests }
}

/**
 * The pin's worth: items inserted above it never shift the walk, so it needs no more pages than the items at or
 * below the bound (present at the start or inserted later) fill, plus the final short one.
 */
function maxRequests(itemsAtOrBelowBound: number, pageSize: number): number {
  return Math.floor(itemsAtOrBelowBound / pageSize) + 1
}

function checkWalk(
  returned: readonly { id: string | number; at: number }[],
  initial: readonly { id: string | number; at: number }[],
  upperBound: number,
): void {
  const ids = returned.map((item) => item.id)
  expect(new Set(ids).size).toBe(ids.length)
  const returnedIds = new Set(ids)
  const missing = initial.filter((item) => item.at <= upperBound && !returnedIds.has(item.id))
  expect(missing).toEqual([])
  for (const item of returned) expect(item.at).toBeLessThanOrEqual(upperBound)
  for (let index = 1; index < returned.length; index++) {
    expect((returned[index] as { at: number }).at).toBeLessThanOrEqual(
      (returned[index - 1] as { at: number }).at,
    )
  }
}

describe('iteration under concurrent inserts (property)', () => {
  it('kaiten.ru: no duplicates, no losses, nothing newer than the pin', async () => {
    const unitMs = 1
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ({ initialSteps, pageSize, schedule, callerUpperBound }) => {
        const store = createKaitenRuStore({ events: 0 })
        const at = (step: number) => new Date(START_MS + step * unitMs).toISOString()
        for (const step of initialSteps) store.append({ created: at(step) })
        const initial = store.events().map((event) => ({ id: event.id, at: Date.parse(event.created) }))
        const maxStep = Math.max(0, ...initialSteps)
        // A caller bound sits inside the data, so items both above and below it exist.
        const boundStep = Math.floor(maxStep / 2)
        const respond = createKaitenRuResponder({ store, basePath: '/api/latest', rateLimit: false })
        const upperStep = callerUpperBound ? boundStep : maxStep
        let insertedAtOrBelow = 0
        const served = insertingFetch(respond, schedule, (insert) => {
          const step = insertStep(insert, initialSteps, maxStep)
          if (step <= upperStep) insertedAtOrBelow++
          store.append({ created: at(step) })
        })
        const client = createKaitenRuClient({
          baseUrl: 'https://example.kaiten.ru/api/latest',
          token: MOCK_TOKENS.kaitenRu.valid,
          rateLimit: false,
          fetch: served.fetch,
        })
        const params = callerUpperBound ? { limit: pageSize, to: at(boundStep) } : { limit: pageSize }
        const returned = []
        for await (const event of client.iterateAuditLogs(params)) {
          returned.push({ id: event.id, at: Date.parse(event.created) })
        }
        checkWalk(returned, initial, START_MS + upperStep * unitMs)
        const initialAtOrBelow = initialSteps.filter((step) => step <= upperStep).length
        expect(served.requests()).toBeLessThanOrEqual(
          maxRequests(initialAtOrBelow + insertedAtOrBelow, pageSize),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('kaiten.sh: no duplicates, no losses, nothing newer than the pin', async () => {
    const unitMs = 1000
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ({ initialSteps, pageSize, schedule, callerUpperBound }) => {
        const store = createKaitenShStore({ entries: 0, instances: 1 })
        const slug = store.instances()[0]?.slug as string
        const at = (step: number) => new Date(START_MS + step * unitMs).toISOString().replace('.000Z', 'Z')
        for (const step of initialSteps) store.append(slug, { timestamp: at(step) })
        const initial = store
          .entries(slug)
          .map((entry) => ({ id: entry.id, at: Date.parse(entry.timestamp) }))
        const maxStep = Math.max(0, ...initialSteps)
        const boundStep = Math.floor(maxStep / 2)
        const respond = createKaitenShResponder({ store })
        const upperStep = callerUpperBound ? boundStep : maxStep
        let insertedAtOrBelow = 0
        const served = insertingFetch(respond, schedule, (insert) => {
          const step = insertStep(insert, initialSteps, maxStep)
          if (step <= upperStep) insertedAtOrBelow++
          store.append(slug, { timestamp: at(step) })
        })
        const client = createKaitenShClient({
          baseUrl: 'https://demo.kaiten.sh',
          token: MOCK_TOKENS.kaitenSh.valid,
          fetch: served.fetch,
        })
        const params = callerUpperBound ? { limit: pageSize, before: at(boundStep) } : { limit: pageSize }
        const returned = []
        for await (const entry of client.iterateAuditTrails(slug, params)) {
          returned.push({ id: entry.id, at: Date.parse(entry.timestamp) })
        }
        checkWalk(returned, initial, START_MS + upperStep * unitMs)
        const initialAtOrBelow = initialSteps.filter((step) => step <= upperStep).length
        expect(served.requests()).toBeLessThanOrEqual(
          maxRequests(initialAtOrBelow + insertedAtOrBelow, pageSize),
        )
      }),
      { numRuns: 300 },
    )
  })
})
