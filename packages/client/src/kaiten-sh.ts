import { checkInstanceSlug, type KaitenShListParams, toKaitenShSearchParams } from '@kaiten-audit/query'
import { type ApiModel, type AuditTrailEntry, type KaitenShPaths, kaitenShModel } from '@kaiten-audit/types'
import type { Client } from 'openapi-fetch'
import type { ClientOptions } from './core/options.js'
import type { RequestPacer } from './core/pacing.js'
import type { AuditPages } from './core/pagination.js'
import type { CallOptions } from './core/transport.js'
import { type ListOperationCode, listClient } from './list-endpoint.js'
import type { SyncBatch, SyncOptions } from './sync/sync.js'

export type { KaitenShListParams }

/** Iteration takes the list filters; `limit` is the page size (default: the model's maximum) and offsets are managed. */
export type KaitenShIterateParams = Omit<KaitenShListParams, 'offset'>

/**
 * The list filters. `after` is where a sync without a checkpoint starts, `before` an upper bound it never passes,
 * and `limit` the page size (default: the model's maximum). Offsets are managed.
 */
export type KaitenShSyncParams = Omit<KaitenShListParams, 'offset'>

export interface KaitenShClientOptions extends ClientOptions {
  /**
   * The API model the client follows: the operation's path, servers, parameters, documented statuses, item fields
   * and rate limit. Default: the one generated from the spec.
   */
  model?: ApiModel
}

/**
 * A kaiten.sh audit-trails client, made by `createKaitenShClient`. `Extra` types query parameters that a `model`
 * documents and the generated types do not; the model checks them either way.
 */
export interface KaitenShClient<Extra extends object = NoExtra> {
  /** One page of the model's `getAuditTrails` (`GET /instances/{instanceSlug}/audit-trails`), newest first. */
  listAuditTrails(
    instanceSlug: string,
    params?: KaitenShListParams & Extra,
    options?: CallOptions,
  ): Promise<AuditTrailEntry[]>
  /**
   * Every matching entry, newest first, item by item (`for await … of`) or page by page (`.pages()`). Stable while
   * entries are being added: none is returned twice and none that existed at the start is skipped.
   * Invalid parameters throw `InvalidParameterError` here, before any request.
   */
  iterateAuditTrails(
    instanceSlug: string,
    params?: KaitenShIterateParams & Extra,
    options?: CallOptions,
  ): AuditPages<AuditTrailEntry>
  /** New entries since `options.checkpoint`, oldest first, in batches that each carry the checkpoint to store after them. */
  syncAuditTrails(
    instanceSlug: string,
    params?: KaitenShSyncParams & Extra,
    options?: SyncOptions,
  ): AsyncGenerator<SyncBatch<AuditTrailEntry>, void>
  /** The openapi-fetch client, with the same auth, retries, timeout and pacing, for anything the helpers lack. */
  readonly raw: Client<KaitenShPaths>
  /** The pacing of every call of this client; undefined when neither `rateLimit` nor the model's `x-rate-limit` sets one. */
  readonly pacer: RequestPacer | undefined
}

/** No query parameters beyond the generated types. */
type NoExtra = Record<never, never>

/** What the code says about `getAuditTrails`; every fact of the spec comes from the model. */
const auditTrails: ListOperationCode<KaitenShListParams, string> = {
  api: 'kaiten-sh',
  operationId: 'getAuditTrails',
  checkPath: (instanceSlug) => {
    const issue = checkInstanceSlug(instanceSlug)
    return issue ? [issue] : []
  },
  // openapi-fetch percent-encodes path parameters with encodeURIComponent: one path segment, whatever the slug holds.
  pathParams: (instanceSlug) => ({ instanceSlug }),
  pathScope: (instanceSlug) => ({ instance: instanceSlug }),
  query: toKaitenShSearchParams,
  bounds: { lower: 'after', upper: 'before' },
  item: { id: 'id', time: 'timestamp' },
}

/** A client for kaiten.sh instance audit trails, e.g. `https://demo.kaiten.sh` or a self-hosted `…/api`. */
export function createKaitenShClient<Extra extends object = NoExtra>(
  options: KaitenShClientOptions,
): KaitenShClient<Extra> {
  const { raw, pacer, helpers } = listClient<
    AuditTrailEntry,
    KaitenShListParams & Extra,
    string,
    KaitenShPaths
  >(options, kaitenShModel, auditTrails)
  return {
    raw,
    pacer,
    listAuditTrails: helpers.list,
    iterateAuditTrails: helpers.iterate,
    syncAuditTrails: helpers.sync,
  }
}
