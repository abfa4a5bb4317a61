// Seeded, in-memory kaiten.ru company audit log.

import type { AuditLogEvent } from '@kaiten-audit/types'
import { checkSeed, createRandom, deriveSeed, type Random } from '../random.js'
import { deepFreeze } from './deep-freeze.js'
import {
  ACTION_KINDS,
  type ActionKind,
  APP_NAMES,
  detailsFor,
  type GeneratedUser,
  generateUsers,
  remoteAddress,
} from './kaiten-ru-data.js'
import { insertNewestFirst, sortNewestFirst } from './newest-first.js'
import { ascendingInstants, storedEpochMicros, TIMELINE_END_MS, toMillisecondsText } from './timeline.js'
import type { Timeline } from './timeline-index.js'

/** Options of {@link createKaitenRuStore}. */
export interface KaitenRuStoreOptions {
  /** Same seed, same data, on every machine. Default 1. */
  seed?: number
  /** Number of events. Default 3000. */
  events?: number
}

/** Seeded, in-memory kaiten.ru events of one company, for the fakes to serve and tests to inspect. */
export interface KaitenRuStore {
  readonly api: 'kaiten-ru'
  /** All events, newest first (ties: higher id first). */
  events(): AuditLogEvent[]
  /** The same events with their instants, for selecting by time without a scan; rebuilt when the store changes. */
  timeline(): Timeline<AuditLogEvent>
  /** Appends an event (default: newest in the store, one millisecond after the latest). Returns it. */
  append(partial?: Partial<AuditLogEvent>): AuditLogEvent
  /** Back to the seeded data. */
  reset(): void
}

interface StoredEvent {
  at: number
  tie: string
  event: AuditLogEvent
}

interface State {
  events: StoredEvent[]
  /** Built from `events` on first use; cleared by every append. */
  timeline: Timeline<AuditLogEvent> | undefined
  ids: Set<string>
  latestMs: number
  companyUid: string
  random: Random
}

const DEFAULT_SEED = 1
const DEFAULT_EVENTS = 3000
const USER_COUNT = 60

function generate(seed: number, count: number): State {
  const random = createRandom(deriveSeed(seed, 'kaiten-ru'))
  const companyUid = random.uuid()
  const users = generateUsers(random, USER_COUNT)
  const instants = ascendingInstants(random, count, 1, 0.03)
  const weights = ACTION_KINDS.map((kind) => [kind, kind.weight] as const)
  const kinds: ActionKind[] = Array.from({ length: count }, () => random.weighted(weights))
  // Rare actions must still appear at least once each.
  const slots = random.shuffle(kinds.map((_, i) => i))
  for (const kind of ACTION_KINDS)
    if (!kinds.includes(kind) && slots.length > 0) kinds[slots.pop() as number] = kind

  const state: State = {
    events: [],
    ids: new Set(),
    latestMs: TIMELINE_END_MS - 1,
    companyUid,
    random,
    timeline: undefined,
  }
  const renameAt = instants[Math.floor(count / 2)] ?? TIMELINE_END_MS
  kinds.forEach((kind, i) => {
    const ms = instants[i] as number
    const author = kind.system ? null : random.pick(users)
    store(
      state,
      {
        id: random.uuid(),
        app_name: kind.system || kind.category === 'import' ? random.pick(APP_NAMES) : null,
        company_uid: companyUid,
        ...authorFields(author, ms < renameAt, kind, random),
        category: kind.category,
        action: kind.action,
        message: kind.message,
        details: detailsFor(kind, random, users),
        created: toMillisecondsText(ms),
      },
      true,
    )
  })
  sortNewestFirst(state.events)
  return state
}

type AuthorFields = Pick<
  AuditLogEvent,
  'author_id' | 'author_uid' | 'author_username' | 'author_remote_address' | 'author'
>

function authorFields(
  user: GeneratedUser | null,
  beforeRename: boolean,
  kind: ActionKind,
  random: Random,
): AuthorFields {
  if (!user) {
    return {
      author_id: null,
      author_uid: null,
      author_username: null,
      author_remote_address: null,
      author: null,
    }
  }
  // A failed sign-in for a name nobody has: only the typed username and the address are known.
  if (kind.action === 'sign_in_fail' && random.chance(0.2)) {
    return {
      author_id: null,
      author_uid: null,
      author_username: `${user.username.split('.')[0]}.unknown`,
      author_remote_address: remoteAddress(random),
      author: null,
    }
  }
  return {
    author_id: user.id,
    author_uid: user.uid,
    author_username: beforeRename && user.formerUsername ? user.formerUsername : user.username,
    author_remote_address: remoteAddress(random),
    author: user.deleted
      ? null
      : { id: user.id, uid: user.uid, full_name: user.fullName, email: user.email, username: user.username },
  }
}

/** Stores one event; `bulk` leaves ordering to one sort after generation (see `sortNewestFirst`). */
function store(state: State, event: AuditLogEvent, bulk = false): AuditLogEvent {
  const frozen = deepFreeze(event)
  const at = storedEpochMicros('created', frozen.created)
  state.latestMs = Math.max(state.latestMs, Math.floor(at / 1000))
  state.ids.add(frozen.id)
  const stored = { at, tie: frozen.id, event: frozen }
  if (bulk) state.events.push(stored)
  else insertNewestFirst(state.events, stored)
  state.timeline = undefined
  return frozen
}

/** A seeded kaiten.ru event store; the data is generated on first use. */
export function createKaitenRuStore(options: KaitenRuStoreOptions = {}): KaitenRuStore {
  const seed = checkSeed(options.seed ?? DEFAULT_SEED)
  const count = options.events ?? DEFAULT_EVENTS
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000)
    throw new Error(`events: ${JSON.stringify(count)} is not allowed; allowed: an integer from 0 to 1000000`)
  // Generated on first use, so importing the default handlers costs nothing until a request arrives.
  let state: State | undefined
  const current = (): State => {
    state ??= generate(seed, count)
    return state
  }
  return {
    api: 'kaiten-ru',
    events: () => current().events.map((stored) => stored.event),
    timeline() {
      const state = current()
      state.timeline ??= {
        items: state.events.map((stored) => stored.event),
        instants: state.events.map((stored) => stored.at),
      }
      return state.timeline
    },
    append(partial = {}) {
      const state = current()
      const id = partial.id ?? state.random.uuid()
      if (state.ids.has(id))
        throw new Error(`id: ${JSON.stringify(id)} is not allowed; allowed: an id no stored event has`)
      return store(state, {
        app_name: null,
        company_uid: state.companyUid,
        author_id: null,
        author_uid: null,
        author_username: null,
        author_remote_address: null,
        author: null,
        category: 'auth',
        action: 'sign_in',
        message: 'Signed in',
        details: null,
        created: toMillisecondsText(state.latestMs + 1),
        ...partial,
        id,
      })
    },
    reset() {
      state = undefined
    },
  }
}
