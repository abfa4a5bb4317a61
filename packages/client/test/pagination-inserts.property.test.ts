// Offset paging over a newest-first list that grows while it is read: for any insert schedule, the walk returns
// every item that existed when it started, none twice, in newest-first order, and nothing newer than its upper bound.
// The properties run against an in-memory list, so thousands of walks take well under a second; one property walks
// the mocks' responders through the real clients, with few runs, to keep the two views tied together.
import {
  createKaitenRuResponder,
  createKaitenRuStore,
  createKaitenShResponder,
  createKaitenShStore,
  MOCK_TOKENS,
} from '@kaiten-audit/mocks'
import { effectiveKaitenRuLimit } from '@kaiten-audit/query'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AuditPages, MAX_PAGES_WITHOUT_NEW_ITEMS } from '../src/core/pagination.js'
import {
  createKaitenRuClient,
  createKaitenShClient,
  type FetchFunction,
  ResponseShapeError,
} from '../src/index.js'
import { MemoryLog, memorySource, walk } from './support/memory-pages.js'
import { propertyParameters } from './support/property.js'

const START_MS = Date.UTC(2026, 3, 1, 12, 0, 0)

/**
 * Where an inserted item lands in time, relative to the items present at the start:
 * - `newer`: after the newest (the usual case: events happen now);
 * - `at-pin`: the same instant as the newest one, which is the pinned bound;
 * - `at-existing`: the same instant as some existing item, so it joins a group of equal timestamps;
 * - `older`: back-dated between or below existing items (late delivery).
 * `count` items land at that instant at once.
 */
type Insert = { kind: 'newer' | 'at-pin' | 'at-existing' | 'older'; pick: number; count: number }
const insertArbitrary = (maxCount: number): fc.Arbitrary<Insert> =>
  fc.record({
    kind: fc.constantFrom('newer', 'at-pin', 'at-existing', 'older'),
    pick: fc.nat(),
    count: fc.integer({ min: 1, max: maxCount }),
  })

interface Scenario {
  /** The instants of the items present at the start, in steps of the API's time unit. */
  initialSteps: number[]
  /** The `limit` the caller asks for. */
  limit: number
  /** One batch of inserts before each request after the first; later requests get none. */
  schedule: Insert[][]
  /** Whether the caller gives an upper bound (inside the data), or the pager pins one. */
  callerUpperBound: boolean
}

const scenarioArbitrary = (options: {
  limit: fc.Arbitrary<number>
  initialSteps: fc.Arbitrary<number[]>
  maxInsertCount: number
}): fc.Arbitrary<Scenario> =>
  fc.record({
    initialSteps: options.initialSteps,
    limit: options.limit,
    schedule: fc.array(fc.array(insertArbitrary(options.maxInsertCount), { maxLength: 4, size: 'max' }), {
      maxLength: 9,
      size: 'max',
    }),
    callerUpperBound: fc.boolean(),
  })

// Few distinct instants, so equal timestamps at page boundaries and at the pin are common. (`size: 'max'`: by
// default fast-check keeps arrays to about ten items whatever the maximum.)
const fewItems = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40, size: 'max' })
/** Up to 400 items at each of up to seven instants: enough for several pages of 100 or 500. */
const manyItems = fc
  .array(fc.nat({ max: 400 }), { minLength: 1, maxLength: 7, size: 'max' })
  .map((counts) => counts.flatMap((count, step) => Array.from({ length: count }, () => step)))

/** Small pages over few items: many page boundaries, ties and inserts landing among them. */
const smallScenario = scenarioArbitrary({
  limit: fc.integer({ min: 1, max: 7 }),
  initialSteps: fewItems,
  maxInsertCount: 3,
})

/** What the pager sees of one API: time texts, ids and their tie order, and the page size it applies. */
interface ApiProfile {
  unitMs: number
  timeText(epochMs: number): string
  /** The id of the item appended `sequence`-th; equal instants are ordered by id, the larger first. */
  idFor(sequence: number): string | number
  /** The page size the API applies to a requested limit; the clients tell the pager the same. */
  pageSize(limit: number): number
}

/** kaiten.sh: timestamps in seconds (so many ties), integer ids that grow, so a new item heads its instant. */
const KAITEN_SH: ApiProfile = {
  unitMs: 1000,
  timeText: (epochMs) => new Date(epochMs).toISOString().replace('.000Z', 'Z'),
  idFor: (sequence) => sequence + 1,
  pageSize: (limit) => limit,
}

/** kaiten.ru: milliseconds, string ids in no particular order, so a new item lands anywhere among its equals. */
const KAITEN_RU: ApiProfile = {
  unitMs: 1,
  timeText: (epochMs) => new Date(epochMs).toISOString(),
  idFor: (sequence) => (Math.imul(sequence + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0'),
  pageSize: effectiveKaitenRuLimit,
}

/** The instant (in steps) an insert lands at. */
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

/**
 * The pin's worth: items inserted above it never shift the walk, so it needs no more pages than the items at or
 * below the bound (present at the start or inserted later) fill, plus the final short one.
 */
function maxRequests(itemsAtOrBelowBound: number, pageSize: number): number {
  return Math.floor(itemsAtOrBelowBound / pageSize) + 1
}

interface Seen {
  id: string | number
  at: number
}

/**
 * What every walk must hold to, given what existed at its start and its inclusive upper bound. A walk that ended
 * early (see `endedEarly`) is checked for everything but completeness.
 */
function checkWalk(
  returned: readonly Seen[],
  initial: readonly Seen[],
  upperBound: number,
  complete = true,
): void {
  const returnedIds = new Set(returned.map((item) => item.id))
  expect(returnedIds.size).toBe(returned.length)
  if (complete)
    expect(initial.filter((item) => item.at <= upperBound && !returnedIds.has(item.id))).toEqual([])
  expect(returned.filter((item) => item.at > upperBound)).toEqual([])
  expect(returned.findIndex((item, index) => index > 0 && item.at > (returned[index - 1] as Seen).at)).toBe(
    -1,
  )
}

/**
 * The one way an honest walk may end early: a run of full pages without a new item. That takes at least
 * `MAX_PAGES_WITHOUT_NEW_ITEMS` pages' worth of items inserted at or below the bound, which small pages under
 * bursts of inserts reach; anything else is a failure.
 */
function endedEarly(error: unknown, insertedAtOrBelow: number, pageSize: number): boolean {
  if (error === undefined) return false
  expect(error).toBeInstanceOf(ResponseShapeError)
  expect((error as ResponseShapeError).actual).toMatch(/full pages in a row without a new item/)
  expect(insertedAtOrBelow).toBeGreaterThanOrEqual(MAX_PAGES_WITHOUT_NEW_ITEMS * pageSize)
  return true
}

/** One scenario against the in-memory list, under one API's profile. */
async function walkInMemory(profile: ApiProfile, scenario: Scenario): Promise<void> {
  const { initialSteps, limit, schedule, callerUpperBound } = scenario
  const log = new MemoryLog()
  const text = (step: number) => profile.timeText(START_MS + step * profile.unitMs)
  let sequence = 0
  const append = (step: number) => log.append({ id: profile.idFor(sequence++), time: text(step) })
  for (const step of initialSteps) append(step)
  const seen = (item: { id: string | number; time: string }): Seen => ({
    id: item.id,
    at: Date.parse(item.time),
  })
  const initial = log.items.map(seen)
  const maxStep = Math.max(0, ...initialSteps)
  // A caller bound sits inside the data, so items both above and below it exist.
  const boundStep = Math.floor(maxStep / 2)
  const upperStep = callerUpperBound ? boundStep : maxStep
  const pageSize = profile.pageSize(limit)
  let insertedAtOrBelow = 0
  const source = memorySource({
    log,
    pageSize,
    ...(callerUpperBound ? { upperBound: text(boundStep) } : {}),
    beforeRequest: (request) => {
      for (const insert of schedule[request.index - 1] ?? []) {
        const step = insertStep(insert, initialSteps, maxStep)
        for (let count = 0; count < insert.count; count++) append(step)
        if (step <= upperStep) insertedAtOrBelow += insert.count
      }
    },
  })
  const { items, error } = await walk(new AuditPages(source))
  const complete = !endedEarly(error, insertedAtOrBelow, pageSize)
  checkWalk(items.map(seen), initial, START_MS + upperStep * profile.unitMs, complete)
  const initialAtOrBelow = initialSteps.filter((step) => step <= upperStep).length
  expect(source.requests.length).toBeLessThanOrEqual(
    maxRequests(initialAtOrBelow + insertedAtOrBelow, pageSize),
  )
}

// In-memory walks cost microseconds; the timeout only keeps a busy machine from failing them.
const IN_MEMORY_TIMEOUT_MS = 60_000

describe('iteration under concurrent inserts, in memory (property)', () => {
  it(
    'kaiten.sh: no duplicates, no losses, nothing newer than the bound, no more requests than needed',
    async () => {
      await fc.assert(
        fc.asyncProperty(smallScenario, (scenario) => walkInMemory(KAITEN_SH, scenario)),
        propertyParameters('kaiten.sh in memory', 1000),
      )
    },
    IN_MEMORY_TIMEOUT_MS,
  )

  it(
    'kaiten.ru: no duplicates, no losses, nothing newer than the bound, no more requests than needed',
    async () => {
      await fc.assert(
        fc.asyncProperty(smallScenario, (scenario) => walkInMemory(KAITEN_RU, scenario)),
        propertyParameters('kaiten.ru in memory', 1000),
      )
    },
    IN_MEMORY_TIMEOUT_MS,
  )

  it(
    'kaiten.ru: the same for limits the API replaces (0 gives 100, above 500 gives 500)',
    async () => {
      const clamped = scenarioArbitrary({
        limit: fc.oneof(fc.constant(0), fc.integer({ min: 501, max: 5000 })),
        initialSteps: manyItems,
        maxInsertCount: 200,
      })
      await fc.assert(
        fc.asyncProperty(clamped, (scenario) => walkInMemory(KAITEN_RU, scenario)),
        propertyParameters('kaiten.ru clamped limits in memory', 100),
      )
    },
    IN_MEMORY_TIMEOUT_MS,
  )
})

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

describe('iteration under concurrent inserts, over HTTP against the mocks (property)', () => {
  // Each run is a full walk through the client, its transport and the mocks' responders: a few runs tie the
  // in-memory properties to the real clients; the breadth comes from the in-memory ones.
  it('both clients: no duplicates, no losses, nothing newer than the bound, no more requests than needed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('kaiten.sh', 'kaiten.ru'), smallScenario, async (api, scenario) => {
        const walked = api === 'kaiten.sh' ? await walkKaitenSh(scenario) : await walkKaitenRu(scenario)
        checkHttpWalk(walked)
      }),
      propertyParameters('both clients over HTTP', 16),
    )
  }, 120_000)

  // Twenty inserts at the pin, two before most requests, keep pushing the returned items down for ten full pages of
  // two: the legitimate early ending. The walk must end with the typed error, and be judged as ended early rather
  // than as having lost the items below where it stopped.
  it('kaiten.sh: a burst of inserts at the pin ends the walk with the typed error, not a silent loss', async () => {
    const atPin = (count: number): Insert => ({ kind: 'at-pin', pick: 0, count })
    const scenario: Scenario = {
      initialSteps: [0, 0, 1],
      limit: 2,
      schedule: [
        [atPin(2)],
        [atPin(2), atPin(2)],
        [atPin(2)],
        [atPin(2)],
        [atPin(1), { kind: 'at-existing', pick: 2, count: 2 }],
        [atPin(3), atPin(2), atPin(2)],
      ],
      callerUpperBound: false,
    }
    const walked = await walkKaitenSh(scenario)
    expect(walked.insertedAtOrBelow).toBe(MAX_PAGES_WITHOUT_NEW_ITEMS * scenario.limit)
    expect(walked.error).toBeInstanceOf(ResponseShapeError)
    checkHttpWalk(walked)
  }, 30_000)
})

/**
 * What the in-memory properties check, for a walk through a real client: one that ended with an error is held to
 * `endedEarly`, so a legitimate early ending is not taken for a loss and any other error fails.
 */
function checkHttpWalk(walked: HttpWalk): void {
  const complete = !endedEarly(walked.error, walked.insertedAtOrBelow, walked.pageSize)
  checkWalk(walked.returned, walked.initial, walked.upperBound, complete)
  expect(walked.requests).toBeLessThanOrEqual(maxRequests(walked.atOrBelowBound, walked.pageSize))
}

interface HttpWalk {
  returned: Seen[]
  initial: Seen[]
  upperBound: number
  /** Items at or below the bound: present at the start or inserted during the walk. */
  atOrBelowBound: number
  insertedAtOrBelow: number
  /** The page size the API applied to the caller's limit. */
  pageSize: number
  requests: number
  error: unknown
}

async function walkKaitenRu({
  initialSteps,
  limit,
  schedule,
  callerUpperBound,
}: Scenario): Promise<HttpWalk> {
  const store = createKaitenRuStore({ events: 0 })
  const at = (step: number) => KAITEN_RU.timeText(START_MS + step * KAITEN_RU.unitMs)
  for (const step of initialSteps) store.append({ created: at(step) })
  const initial = store.events().map((event) => ({ id: event.id, at: Date.parse(event.created) }))
  const maxStep = Math.max(0, ...initialSteps)
  const boundStep = Math.floor(maxStep / 2)
  const upperStep = callerUpperBound ? boundStep : maxStep
  const initialAtOrBelow = initialSteps.filter((step) => step <= upperStep).length
  let insertedAtOrBelow = 0
  const respond = createKaitenRuResponder({ store, basePath: '/api/latest', rateLimit: false })
  const served = insertingFetch(respond, schedule, (insert) => {
    const step = insertStep(insert, initialSteps, maxStep)
    for (let count = 0; count < insert.count; count++) store.append({ created: at(step) })
    if (step <= upperStep) insertedAtOrBelow += insert.count
  })
  const client = createKaitenRuClient({
    baseUrl: 'https://example.kaiten.ru/api/latest',
    token: MOCK_TOKENS.kaitenRu.valid,
    rateLimit: false,
    fetch: served.fetch,
  })
  const params = callerUpperBound ? { limit, to: at(boundStep) } : { limit }
  const { items, error } = await walk(client.iterateAuditLogs(params))
  const returned = items.map((event) => ({ id: event.id, at: Date.parse(event.created) }))
  return {
    returned,
    initial,
    upperBound: START_MS + upperStep * KAITEN_RU.unitMs,
    atOrBelowBound: initialAtOrBelow + insertedAtOrBelow,
    insertedAtOrBelow,
    pageSize: KAITEN_RU.pageSize(limit),
    requests: served.requests(),
    error,
  }
}

async function walkKaitenSh({
  initialSteps,
  limit,
  schedule,
  callerUpperBound,
}: Scenario): Promise<HttpWalk> {
  const store = createKaitenShStore({ entries: 0, instances: 1 })
  const slug = store.instances()[0]?.slug as string
  const at = (step: number) => KAITEN_SH.timeText(START_MS + step * KAITEN_SH.unitMs)
  for (const step of initialSteps) store.append(slug, { timestamp: at(step) })
  const initial = store.entries(slug).map((entry) => ({ id: entry.id, at: Date.parse(entry.timestamp) }))
  const maxStep = Math.max(0, ...initialSteps)
  const boundStep = Math.floor(maxStep / 2)
  const upperStep = callerUpperBound ? boundStep : maxStep
  const initialAtOrBelow = initialSteps.filter((step) => step <= upperStep).length
  let insertedAtOrBelow = 0
  const respond = createKaitenShResponder({ store })
  const served = insertingFetch(respond, schedule, (insert) => {
    const step = insertStep(insert, initialSteps, maxStep)
    for (let count = 0; count < insert.count; count++) store.append(slug, { timestamp: at(step) })
    if (step <= upperStep) insertedAtOrBelow += insert.count
  })
  const client = createKaitenShClient({
    baseUrl: 'https://demo.kaiten.sh',
    token: MOCK_TOKENS.kaitenSh.valid,
    fetch: served.fetch,
  })
  const params = callerUpperBound ? { limit, before: at(boundStep) } : { limit }
  const { items, error } = await walk(client.iterateAuditTrails(slug, params))
  const returned = items.map((entry) => ({ id: entry.id, at: Date.parse(entry.timestamp) }))
  return {
    returned,
    initial,
    upperBound: START_MS + upperStep * KAITEN_SH.unitMs,
    atOrBelowBound: initialAtOrBelow + insertedAtOrBelow,
    insertedAtOrBelow,
    pageSize: KAITEN_SH.pageSize(limit),
    requests: served.requests(),
    error,
  }
}
