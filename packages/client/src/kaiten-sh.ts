import {
  checkInstanceSlug,
  INT32_MAX,
  KAITEN_SH_LIMIT,
  type KaitenShListParams,
  toKaitenShSearchParams,
} from '@kaiten-audit/query'
import type { AuditTrailEntry, KaitenShPaths } from '@kaiten-audit/types'
import createClient, { type Client } from 'openapi-fetch'
import { type ClientOptions, clientSetup } from './core/options.js'
import type { RequestPacer } from './core/pacing.js'
import type { AuditPages } from './core/pagination.js'
import { type ItemCheck, isDateTime } from './core/response-shape.js'
import { type CallOptions, createTransport } from './core/transport.js'
import { type ListOperation, listHelpers } from './list-endpoint.js'
import type { SyncBatch, SyncOptions } from './sync/sync.js'

export type { KaitenShListParams }

/** Iteration takes the list filters; `limit` is the page size (default 200, the API's maximum) and offsets are managed. */
export type KaitenShIterateParams = Omit<KaitenShListParams, 'offset'>

/**
 * The list filters. `after` is where a sync without a checkpoint starts, `before` an upper bound it never passes,
 * and `limit` the page size (default 200, the API's maximum). Offsets are managed.
 */
export type KaitenShSyncParams = Omit<KaitenShListParams, 'offset'>

export interface KaitenShClientOptions extends ClientOptions {}

/** A kaiten.sh audit-trails client, made by `createKaitenShClient`. */
export interface KaitenShClient {
  /** One page of `GET /instances/{instanceSlug}/audit-trails`, newest first. */
  listAuditTrails(
    instanceSlug: string,
    params?: KaitenShListParams,
    options?: CallOptions,
  ): Promise<AuditTrailEntry[]>
  /**
   * Every matching entry, newest first, item by item (`for await … of`) or page by page (`.pages()`). Stable while
   * entries are being added: none is returned twice and none that existed at the start is skipped.
   * Invalid parameters throw `InvalidParameterError` here, before any request.
   */
  iterateAuditTrails(
    instanceSlug: string,
    params?: KaitenShIterateParams,
    options?: CallOptions,
  ): AuditPages<AuditTrailEntry>
  /** New entries since `options.checkpoint`, oldest first, in batches that each carry the checkpoint to store after them. */
  syncAuditTrails(
    instanceSlug: string,
    params?: KaitenShSyncParams,
    options?: SyncOptions,
  ): AsyncGenerator<SyncBatch<AuditTrailEntry>, void>
  /** The openapi-fetch client, with the same auth, retries, timeout and pacing, for anything the helpers lack. */
  readonly raw: Client<KaitenShPaths>
  /** Undefined unless `rateLimit` was set: kaiten.sh documents no rate limit. */
  readonly pacer: RequestPacer | undefined
}

/** Required fields of `AuditTrailEntry` and their types (specs/kaiten-sh/openapi.yaml). */
const auditTrailEntryMismatch: ItemCheck = (entry) => {
  if (!Number.isSafeInteger(entry.id)) return { field: 'id', expected: 'an integer' }
  if (typeof entry.instanceId !== 'string') return { field: 'instanceId', expected: 'a string' }
  if (typeof entry.instanceSlug !== 'string') return { field: 'instanceSlug', expected: 'a string' }
  if (typeof entry.eventName !== 'string') return { field: 'eventName', expected: 'a string' }
  // Any JSON value, null included, but the key must be there.
  if (entry.payload === undefined) return { field: 'payload', expected: 'any JSON value (null included)' }
  if (typeof entry.status !== 'string') return { field: 'status', expected: 'a string' }
  if (!isDateTime(entry.timestamp)) return { field: 'timestamp', expected: 'an RFC 3339 date-time' }
  return undefined
}

const auditTrails: ListOperation<AuditTrailEntry, KaitenShListParams, string> = {
  api: 'kaiten-sh',
  path: '/instances/{instanceSlug}/audit-trails',
  checkPath: (instanceSlug) => {
    const issue = checkInstanceSlug(instanceSlug)
    return issue ? [issue] : []
  },
  // openapi-fetch percent-encodes path parameters with encodeURIComponent: one path segment, whatever the slug holds.
  pathParams: (instanceSlug) => ({ instanceSlug }),
  pathScope: (instanceSlug) => ({ instance: instanceSlug }),
  query: toKaitenShSearchParams,
  maxLimit: KAITEN_SH_LIMIT.max,
  appliedLimit: (limit) => limit,
  maxOffset: INT32_MAX,
  bounds: { lower: 'after', upper: 'before' },
  listFilters: [],
  itemCheck: auditTrailEntryMismatch,
  item: { id: 'id', idKind: 'integer', time: 'timestamp' },
}

/** A client for kaiten.sh instance audit trails, e.g. `https://demo.kaiten.sh` or a self-hosted `…/api`. */
export function createKaitenShClient(options: KaitenShClientOptions): KaitenShClient {
  const setup = clientSetup(options, { rateLimit: false, useRateLimitReset: false })
  const transport = createTransport(setup.transport)
  const helpers = listHelpers(auditTrails, setup.baseUrl, transport)
  return {
    raw: createClient<KaitenShPaths>({ baseUrl: setup.baseUrl, fetch: transport.fetch }),
    pacer: transport.pacer,
    listAuditTrails: helpers.list,
    iterateAuditTrails: helpers.iterate,
    syncAuditTrails: helpers.sync,
  }
}
