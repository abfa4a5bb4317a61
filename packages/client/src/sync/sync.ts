import type { ParameterIssue } from '@kaiten-audit/query'
import { InvalidParameterError } from '../core/errors.js'
import { checkCallOptions } from '../core/options.js'
import type { CallOptions } from '../core/transport.js'
import {
  checkpointOf,
  DEFAULT_MAX_IDS_AT_INSTANT,
  positionFromCheckpoint,
  type SyncCheckpoint,
  type SyncScope,
  startPosition,
} from './checkpoint.js'
import { type PageSource, walk } from './engine.js'

export interface SyncOptions extends CallOptions {
  /**
   * Resume from here: the checkpoint of the last batch you stored. Absent: start at the `from`/`after` parameter,
   * or at the first event. A checkpoint of another API, instance or filter set is refused.
   */
  checkpoint?: SyncCheckpoint | undefined
  /** The most events sharing one timestamp a checkpoint may record (default 10 000); see `TooManyTiesError`. */
  maxIdsAtInstant?: number
}

/** New events, oldest first, and the checkpoint to store once they are stored. */
export interface SyncBatch<T> {
  items: T[]
  checkpoint: SyncCheckpoint
  /** Requests this sync has sent so far, each counted once however many attempts it took. */
  requests: number
}

/** What an API's sync function has worked out from its parameters. */
export interface SyncPlan<T> {
  scope: SyncScope
  idKind: 'string' | 'integer'
  /** Issues found in the parameters; the plan is not run when there are any. */
  issues: ParameterIssue[]
  source: (call: CallOptions) => PageSource<T>
  pageSize: number
  /** The lower bound given (`from` / `after`), as text. */
  since: string | undefined
  /** The upper bound given (`to` / `before`), as text. */
  until: string | undefined
}

/** Checks everything before any request (throwing `InvalidParameterError`), then returns the batches to iterate. */
export function startSync<T>(
  plan: SyncPlan<T>,
  options: SyncOptions | undefined,
): AsyncGenerator<SyncBatch<T>, void, undefined> {
  const { checkpoint, maxIdsAtInstant = DEFAULT_MAX_IDS_AT_INSTANT, ...callOptions } = options ?? {}
  const call = checkCallOptions(callOptions)
  const issues = [...plan.issues]
  if (!Number.isSafeInteger(maxIdsAtInstant) || maxIdsAtInstant < plan.pageSize) {
    issues.push({
      parameter: 'maxIdsAtInstant',
      value: maxIdsAtInstant,
      allowed: `an integer ≥ the page size (${plan.pageSize})`,
      kind: 'constraint',
    })
  }
  let resumed: ReturnType<typeof positionFromCheckpoint> | undefined
  if (checkpoint !== undefined) {
    resumed = positionFromCheckpoint(checkpoint, plan.scope, plan.idKind, maxIdsAtInstant)
    if ('issues' in resumed) issues.push(...resumed.issues)
  }
  if (issues.length > 0) throw new InvalidParameterError(issues)
  const start = startPosition(plan.since, resumed && 'position' in resumed ? resumed.position : undefined)
  const source = plan.source(call)
  return walk(source, start, { until: plan.until, maxIdsAtInstant, signal: call.signal }, (batch) => ({
    items: batch.items,
    checkpoint: checkpointOf(plan.scope, batch.position),
    requests: batch.requests,
  }))
}

/** Paging is the sync's to manage: an offset would skip events. */
export function managedOffsetIssue(params: object | undefined): ParameterIssue | undefined {
  const offset = (params as { offset?: unknown } | undefined)?.offset
  if (offset === undefined) return undefined
  return {
    parameter: 'offset',
    value: offset,
    allowed: 'no offset: a sync manages offsets itself',
    kind: 'constraint',
  }
}

/** A sync reads one new event per page at the least beside the one that confirms its position. */
export function pageSizeIssue(pageSize: number, requested: unknown): ParameterIssue | undefined {
  if (pageSize >= 2) return undefined
  return {
    parameter: 'limit',
    value: requested,
    allowed: 'a page size of at least 2 (a sync re-reads one event per page to confirm its position)',
    kind: 'constraint',
  }
}
