import type { ParameterIssue } from '@kaiten-audit/query'
import { epochMicrosOf } from '../core/date-time.js'
import type { ItemId, Position } from './engine.js'

/** The format version written into every checkpoint; a checkpoint of another version is refused. */
export const SYNC_CHECKPOINT_VERSION = 1

/**
 * The largest group of events with one timestamp a checkpoint records by default. Both APIs sort by time only, so
 * resuming exactly at an inclusive bound needs the ids already delivered at that instant; this bounds them.
 */
export const DEFAULT_MAX_IDS_AT_INSTANT = 10_000

/** The API a checkpoint belongs to; a checkpoint is never resumed against the other one. */
export type SyncApi = 'kaiten-ru' | 'kaiten-sh'

/**
 * Where a sync stands, as plain JSON: small (it never grows with history, only with the events that share its
 * instant) and versioned. Store it after the batch that came with it.
 */
export interface SyncCheckpoint {
  v: typeof SYNC_CHECKPOINT_VERSION
  api: SyncApi
  /** kaiten.sh: the instance slug the position belongs to. */
  instance?: string
  /** The filters the position belongs to, as canonical query text (`''` for none). */
  filters: string
  /** Time text of the newest delivered event, as the API sent it (or the `from`/`after` bound); null: none yet. */
  instant: string | null
  /**
   * Ids of the delivered events at or after `instant`: those at `instant` (and, briefly, those of a second large
   * group of equal timestamps right after it).
   */
  ids: ItemId[]
}

/** What a checkpoint must match to be resumed: the same API, instance and filters. */
export interface SyncScope {
  api: SyncApi
  instance?: string
  filters: string
}

/**
 * Canonical text of the filters that select events (time bounds and paging excluded): parameters sorted by name,
 * comma-separated lists sorted, so the same filters written in another order are the same scope.
 */
export function filtersText(
  search: URLSearchParams,
  excluded: readonly string[],
  lists: readonly string[],
): string {
  const entries: [string, string][] = []
  for (const [name, value] of search) {
    if (excluded.includes(name)) continue
    entries.push([name, lists.includes(name) ? value.split(',').sort().join(',') : value])
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return new URLSearchParams(entries).toString()
}

export function checkpointOf(scope: SyncScope, position: Position): SyncCheckpoint {
  return {
    v: SYNC_CHECKPOINT_VERSION,
    api: scope.api,
    ...(scope.instance === undefined ? {} : { instance: scope.instance }),
    filters: scope.filters,
    instant: position.instant,
    ids: position.ids,
  }
}

const describeScope = (scope: SyncScope): string =>
  `${scope.api}${scope.instance === undefined ? '' : ` instance ${scope.instance}`} with filters ${JSON.stringify(scope.filters)}`

/** Reads a stored checkpoint back, refusing one of another version, API, instance or filter set. */
export function positionFromCheckpoint(
  value: unknown,
  scope: SyncScope,
  idKind: 'string' | 'integer',
  maxIds: number,
): { position: Position } | { issues: ParameterIssue[] } {
  const issue = (parameter: string, given: unknown, allowed: string) => ({
    issues: [{ parameter, value: given, allowed, kind: 'constraint' as const }],
  })
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return issue('checkpoint', value, 'a checkpoint object, as a sync batch carries it')
  }
  const record = value as Record<string, unknown>
  if (record.v !== SYNC_CHECKPOINT_VERSION) {
    return issue('checkpoint.v', record.v, `${SYNC_CHECKPOINT_VERSION} (the only checkpoint version)`)
  }
  const mismatch = (field: string, given: unknown) =>
    issue(`checkpoint.${field}`, given, `a checkpoint of ${describeScope(scope)}`)
  if (record.api !== scope.api) return mismatch('api', record.api)
  if (record.instance !== scope.instance) return mismatch('instance', record.instance)
  if (record.filters !== scope.filters) return mismatch('filters', record.filters)
  const { instant, ids } = record
  if (instant !== null && (typeof instant !== 'string' || epochMicrosOf(instant) === null)) {
    return issue('checkpoint.instant', instant, 'an RFC 3339 date-time, or null')
  }
  const idAllowed =
    idKind === 'string'
      ? 'an array of distinct event ids (strings)'
      : 'an array of distinct entry ids (integers)'
  if (!Array.isArray(ids)) return issue('checkpoint.ids', ids, idAllowed)
  const valid = ids.every((id) => (idKind === 'string' ? typeof id === 'string' : Number.isSafeInteger(id)))
  if (!valid || new Set(ids).size !== ids.length) return issue('checkpoint.ids', ids, idAllowed)
  if (instant === null && ids.length > 0) {
    return issue('checkpoint.ids', ids, 'an empty array when instant is null')
  }
  if (ids.length > 2 * maxIds) {
    return issue('checkpoint.ids', `${ids.length} ids`, `at most twice maxIdsAtInstant (${2 * maxIds}) ids`)
  }
  return { position: { instant, ids: ids as ItemId[] } }
}

/** Where a sync starts: the checkpoint, unless the caller's lower bound lies after it. */
export function startPosition(since: string | undefined, checkpoint: Position | undefined): Position {
  if (checkpoint === undefined || checkpoint.instant === null) return { instant: since ?? null, ids: [] }
  if (
    since !== undefined &&
    (epochMicrosOf(since) as number) > (epochMicrosOf(checkpoint.instant) as number)
  ) {
    return { instant: since, ids: [] }
  }
  return checkpoint
}
