// Exactly once across stops and resumes while events keep arriving: every event that a sync can see is delivered
// once, oldest first, whatever the insert schedule, the order of equal timestamps, the page size and the batches
// after which the consumer stops and resumes from its stored checkpoint.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Position, walk } from '../src/sync/engine.js'
import { MemoryListing, memorySource, START_MS, type TieOrder, timeText } from './support/memory-listing.js'

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)
console.log(`sync.property: fast-check seed ${seed} (replay with FC_SEED=${seed})`)

/**
 * Where an insert lands in time, relative to what the consumer has stored when it happens:
 * - `newer`: after the newest event (events happen now);
 * - `at-newest`: the newest event's instant;
 * - `at-position`: the stored checkpoint's instant (a late event at the bound a resume starts from);
 * - `in-window`: back-dated between the checkpoint and the newest event (the window a sync still covers);
 * - `below-position`: back-dated before the checkpoint's instant, which no offset or time paging can find again.
 */
type InsertKind = 'newer' | 'at-newest' | 'at-position' | 'in-window' | 'below-position'
const insertArbitrary = fc.record({
  kind: fc.constantFrom<InsertKind>('newer', 'at-newest', 'at-position', 'in-window', 'below-position'),
  pick: fc.nat(),
})

const scenarioArbitrary = fc.record({
  // Few distinct instants, so groups of equal timestamps, and groups larger than a page, are common.
  initialSteps: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 60 }),
  pageSize: fc.integer({ min: 2, max: 7 }),
  tieOrder: fc.constantFrom<TieOrder>('id-desc', 'id-asc', 'scrambled'),
  // One batch of inserts before each request; fewer batches than any retry bound of the sync.
  schedule: fc.array(fc.array(insertArbitrary, { maxLength: 3 }), { maxLength: 24 }),
  // The consumer stops after this many batches, then resumes from the checkpoint it stored; one entry per run.
  stops: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 6 }),
  since: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
  until: fc.option(fc.integer({ min: 0, max: 16 }), { nil: undefined }),
})

type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer T> ? T : never

async function runScenario(scenario: Scenario): Promise<void> {
  const { initialSteps, pageSize, tieOrder, schedule, stops, since, until } = scenario
  const listing = new MemoryListing(tieOrder)
  for (const step of initialSteps) listing.insert(step)

  // The consumer's stored state: the checkpoint, and what it has stored.
  let stored: Position = { instant: since === undefined ? null : timeText(since), ids: [] }
  const storedAt = () => (stored.instant === null ? Number.NEGATIVE_INFINITY : Date.parse(stored.instant))
  const delivered: { id: number; at: number }[] = []
  const deliveredIds = new Set<number>()
  // Every event, with the stored checkpoint's instant when it was added (the sync's position at that moment).
  const added = listing.all().map((event) => ({ event, positionAt: storedAt() }))

  let pendingBatches = [...schedule]
  let insertedDuringRun = false
  const insertBatch = () => {
    const batch = pendingBatches[0]
    if (batch === undefined) return
    pendingBatches = pendingBatches.slice(1)
    for (const insert of batch) {
      const newest = listing.newestStep() ?? 0
      const position = stored.instant === null ? 0 : Date.parse(stored.instant) - START_MS
      let step: number
      switch (insert.kind) {
        case 'newer':
          step = newest + 1 + (insert.pick % 3)
          break
        case 'at-newest':
          step = newest
          break
        case 'at-position':
          step = position
          break
        case 'in-window':
          step = position + (insert.pick % (Math.max(newest, position) - position + 1))
          break
        case 'below-position':
          step = position - 1 - (insert.pick % 3)
          break
      }
      added.push({ event: listing.insert(step), positionAt: storedAt() })
      insertedDuringRun = true
    }
  }

  let firstRequest = true
  const source = memorySource(
    (query) => listing.answer(query),
    pageSize,
    () => {
      // The first request sees the initial data; every later one may find new events.
      if (!firstRequest) insertBatch()
      firstRequest = false
    },
  )

  for (let run = 0; ; run++) {
    // Inserts continue across runs; the sync has ended for good once a whole run found nothing and nothing arrived.
    expect(run).toBeLessThan(60)
    insertedDuringRun = false
    const requestsBefore = source.requests()
    const stopAfter = stops[run]
    let batches = 0
    let deliveredThisRun = 0
    const untilText = until === undefined ? undefined : timeText(until)
    // The checkpoint goes through JSON, as a consumer stores it.
    const resumeFrom = JSON.parse(JSON.stringify(stored)) as Position
    for await (const batch of walk(source, resumeFrom, { until: untilText, maxIdsAtInstant: 10_000 })) {
      const positionBefore = storedAt()
      for (const [index, item] of batch.items.entries()) {
        const at = Date.parse(item.time)
        expect(deliveredIds.has(item.id), `event ${item.id} delivered twice`).toBe(false)
        expect(at, 'nothing older than the stored position').toBeGreaterThanOrEqual(positionBefore)
        if (index > 0)
          expect(at, 'oldest first').toBeGreaterThanOrEqual(Date.parse(batch.items[index - 1]!.time))
        deliveredIds.add(item.id)
        delivered.push({ id: item.id, at })
      }
      // The checkpoint lies at or below the newest stored event, and names exactly the stored ids at or after it.
      expect(batch.position.instant).not.toBeNull()
      const instantAt = Date.parse(batch.position.instant as string)
      expect(instantAt).toBeGreaterThanOrEqual(positionBefore)
      expect(instantAt).toBeLessThanOrEqual(Math.max(...delivered.map((item) => item.at)))
      const idsFromInstant = delivered.filter((item) => item.at >= instantAt).map((item) => item.id)
      expect([...batch.position.ids].sort((a, b) => Number(a) - Number(b))).toEqual(
        idsFromInstant.sort((a, b) => a - b),
      )
      stored = batch.position
      deliveredThisRun += batch.items.length
      if (++batches === stopAfter) break
    }
    const stoppedEarly = stopAfter !== undefined && batches === stopAfter
    // Inserts happen only when requests are sent; a run that sends none (e.g. `until` before the start) ends it all.
    const settled = pendingBatches.length === 0 || source.requests() === requestsBefore
    if (!stoppedEarly && deliveredThisRun === 0 && !insertedDuringRun && settled) break
  }

  const untilAt = until === undefined ? Number.POSITIVE_INFINITY : START_MS + until
  const sinceAt = since === undefined ? Number.NEGATIVE_INFINITY : START_MS + since
  const expected = added
    .filter(({ event, positionAt }) => {
      const at = Date.parse(event.time)
      return at >= positionAt && at >= sinceAt && at <= untilAt
    })
    .map(({ event }) => event.id)
    .sort((a, b) => a - b)
  expect([...deliveredIds].sort((a, b) => a - b)).toEqual(expected)
}

describe('sync under concurrent inserts, stops and resumes (property)', () => {
  it('delivers every event it can see exactly once, oldest first, with a checkpoint naming the stored position', async () => {
    await fc.assert(fc.asyncProperty(scenarioArbitrary, runScenario), {
      seed,
      numRuns: Number(process.env.FC_RUNS ?? 400),
    })
  }, 120_000)
})
