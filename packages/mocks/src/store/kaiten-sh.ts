// Seeded, in-memory kaiten.sh audit trails: a few instances, each with its own append-only trail.

import { type AuditTrailEntry, knownEventNameValues } from '@kaiten-audit/types'
import { checkSeed, createRandom, deriveSeed, type Random } from '../random.js'
import { deepFreeze } from './deep-freeze.js'
import { EVENT_NAME_WEIGHTS, INSTANCE_SLUGS, payloadFor, STATUS_BY_EVENT_NAME } from './kaiten-sh-data.js'
import { insertNewestFirst, sortNewestFirst } from './newest-first.js'
import { ascendingInstants, storedEpochMicros, TIMELINE_END_MS, toSecondsText } from './timeline.js'
import type { Timeline } from './timeline-index.js'

/** A kaiten.sh instance: its UUID and its slug, the path parameter of the audit-trails operation. */
export interface KaitenShInstance {
  id: string
  slug: string
}

/** Options of {@link createKaitenShStore}. */
export interface KaitenShStoreOptions {
  /** Same seed, same data, on every machine. Default 1. */
  seed?: number
  /** Trail entries across all instances. Default 1000. */
  entries?: number
  /** Number of instances. Default 3. */
  instances?: number
}

/** Seeded, in-memory kaiten.sh audit-trail entries of several instances, for the fakes to serve and tests to inspect. */
export interface KaitenShStore {
  readonly api: 'kaiten-sh'
  /** The instances, in creation order (`acme-production` first). */
  instances(): KaitenShInstance[]
  /** The instance's entries, newest first (ties: higher id first). Throws for an unknown slug. */
  entries(slug: string): AuditTrailEntry[]
  /** The same entries with their instants, for selecting by time without a scan; rebuilt when the trail changes. */
  timeline(slug: string): Timeline<AuditTrailEntry>
  /** Appends an entry (default: newest in the store, one second after the latest). Returns it. */
  append(slug: string, partial?: Partial<AuditTrailEntry>): AuditTrailEntry
  /** Back to the seeded data. */
  reset(): void
}

interface StoredEntry {
  at: number
  tie: number
  entry: AuditTrailEntry
}

interface State {
  instances: KaitenShInstance[]
  trails: Map<string, StoredEntry[]>
  /** Per instance slug, built on first use; an append clears its instance's. */
  timelines: Map<string, Timeline<AuditTrailEntry>>
  nextId: number
  latestMs: number
}

const DEFAULTS = { seed: 1, entries: 1000, instances: 3 } as const
/** Ids start here so they look like a trail that has been running for a while. */
const FIRST_ID = 1001

function checkCount(name: string, value: unknown, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max) return value
  throw new Error(`${name}: ${JSON.stringify(value)} is not allowed; allowed: an integer from 0 to ${max}`)
}

function generate(seed: number, entryCount: number, instanceCount: number): State {
  const random = createRandom(deriveSeed(seed, 'kaiten-sh'))
  const instances = Array.from({ length: instanceCount }, (_, index) => ({
    id: random.uuid(),
    slug: INSTANCE_SLUGS[index] ?? `tenant-${index + 1}`,
  }))
  // Earlier instances are busier, like a production install next to its staging copy.
  const instanceWeights = instances.map((instance, index) => [instance, instanceCount - index] as const)
  const instants = ascendingInstants(random, entryCount, 1000, 0.05)

  const plan: { instance: KaitenShInstance; eventName: string }[] = []
  for (let i = 0; i < entryCount; i++) {
    const tied = i > 0 && instants[i] === instants[i - 1]
    // A tie happens within one instance (one burst of calls), so tie-breaking is visible in a single trail.
    const instance = tied ? (plan[i - 1] as (typeof plan)[number]).instance : random.weighted(instanceWeights)
    plan.push({ instance, eventName: random.weighted(EVENT_NAME_WEIGHTS) })
  }
  ensureEveryEventNamePerInstance(plan, instants, instances, random)

  const state: State = {
    instances,
    trails: new Map(instances.map((instance) => [instance.slug, []])),
    timelines: new Map(),
    nextId: FIRST_ID,
    latestMs: TIMELINE_END_MS - 1000,
  }
  plan.forEach(({ instance, eventName }, i) => {
    const ms = instants[i] as number
    store(
      state,
      instance,
      {
        eventName,
        payload: payloadFor(eventName, random),
        status: STATUS_BY_EVENT_NAME[eventName as keyof typeof STATUS_BY_EVENT_NAME],
        timestamp: toSecondsText(ms),
      },
      true,
    )
  })
  for (const trail of state.trails.values()) sortNewestFirst(trail)
  return state
}

/** Rare events must still appear in every instance; overwrite untied slots that were planned otherwise. */
function ensureEveryEventNamePerInstance(
  plan: { instance: KaitenShInstance; eventName: string }[],
  instants: number[],
  instances: KaitenShInstance[],
  random: Random,
): void {
  const untied = plan
    .map((_, i) => i)
    .filter((i) => instants[i] !== instants[i - 1] && instants[i] !== instants[i + 1])
  const free = random.shuffle(untied)
  for (const instance of instances) {
    for (const eventName of knownEventNameValues) {
      if (plan.some((p) => p.instance === instance && p.eventName === eventName)) continue
      const slot = free.pop()
      if (slot === undefined) return
      plan[slot] = { instance, eventName }
    }
  }
}

/** Stores one entry; `bulk` leaves ordering to one sort after generation (see `sortNewestFirst`). */
function store(
  state: State,
  instance: KaitenShInstance,
  fields: Omit<AuditTrailEntry, 'id' | 'instanceId' | 'instanceSlug'>,
  bulk = false,
): AuditTrailEntry {
  const entry: AuditTrailEntry = deepFreeze({
    id: state.nextId++,
    instanceId: instance.id,
    instanceSlug: instance.slug,
    ...fields,
  })
  const at = storedEpochMicros('timestamp', entry.timestamp)
  state.latestMs = Math.max(state.latestMs, Math.floor(at / 1000))
  const trail = state.trails.get(instance.slug) as StoredEntry[]
  const stored = { at, tie: entry.id, entry }
  if (bulk) trail.push(stored)
  else insertNewestFirst(trail, stored)
  state.timelines.delete(instance.slug)
  return entry
}

function rejectField(field: string, value: unknown, allowed: string): never {
  throw new Error(`${field}: ${JSON.stringify(value)} is not allowed; allowed: ${allowed}`)
}

/** A seeded kaiten.sh audit-trail store; the data is generated on first use. */
export function createKaitenShStore(options: KaitenShStoreOptions = {}): KaitenShStore {
  const seed = checkSeed(options.seed ?? DEFAULTS.seed)
  const entryCount = checkCount('entries', options.entries ?? DEFAULTS.entries, 1_000_000)
  const instanceCount = checkCount('instances', options.instances ?? DEFAULTS.instances, 1000)
  if (instanceCount === 0 && entryCount > 0)
    throw new Error('instances: 0 is not allowed when entries > 0; allowed: an integer from 1 to 1000')
  // Generated on first use, so importing the default handlers costs nothing until a request arrives.
  let state: State | undefined
  const current = (): State => {
    state ??= generate(seed, entryCount, instanceCount)
    return state
  }
  const instanceBySlug = (slug: string): KaitenShInstance => {
    const instance = current().instances.find((candidate) => candidate.slug === slug)
    if (instance) return instance
    const known = current()
      .instances.map((candidate) => candidate.slug)
      .join(', ')
    throw new Error(`instanceSlug: ${JSON.stringify(slug)} is not allowed; allowed: one of ${known}`)
  }
  return {
    api: 'kaiten-sh',
    instances: () => current().instances.map((instance) => ({ ...instance })),
    entries: (slug) =>
      (current().trails.get(instanceBySlug(slug).slug) as StoredEntry[]).map((stored) => stored.entry),
    timeline(slug) {
      const state = current()
      const known = instanceBySlug(slug).slug
      let timeline = state.timelines.get(known)
      if (!timeline) {
        const trail = state.trails.get(known) as StoredEntry[]
        timeline = { items: trail.map((stored) => stored.entry), instants: trail.map((stored) => stored.at) }
        state.timelines.set(known, timeline)
      }
      return timeline
    },
    append(slug, partial = {}) {
      const instance = instanceBySlug(slug)
      // The store owns these: ids increase with insertion, and the instance fields follow from the slug.
      if (partial.id !== undefined)
        rejectField('id', partial.id, 'omitted (the store assigns increasing ids)')
      if (partial.instanceId !== undefined && partial.instanceId !== instance.id)
        rejectField('instanceId', partial.instanceId, `omitted or ${JSON.stringify(instance.id)}`)
      if (partial.instanceSlug !== undefined && partial.instanceSlug !== instance.slug)
        rejectField('instanceSlug', partial.instanceSlug, `omitted or ${JSON.stringify(instance.slug)}`)
      const state = current()
      const eventName = partial.eventName ?? 'kaiten.v1.feature_flag.evaluate'
      const timestamp = partial.timestamp ?? toSecondsText(state.latestMs + 1000)
      return store(state, instance, {
        eventName,
        payload: 'payload' in partial ? partial.payload : { flag: 'appended', value: true },
        status:
          partial.status ??
          STATUS_BY_EVENT_NAME[eventName as keyof typeof STATUS_BY_EVENT_NAME] ??
          'ACCEPTED',
        timestamp,
      })
    },
    reset() {
      state = undefined
    },
  }
}
