import { type KaitenRuListParams, toKaitenRuSearchParams } from '@kaiten-audit/query'
import { type ApiModel, type AuditLogEvent, type KaitenRuPaths, kaitenRuModel } from '@kaiten-audit/types'
import type { Client } from 'openapi-fetch'
import type { ClientOptions } from './core/options.js'
import type { RequestPacer } from './core/pacing.js'
import type { AuditPages } from './core/pagination.js'
import type { CallOptions } from './core/transport.js'
import { type ListOperationCode, listClient } from './list-endpoint.js'
import type { SyncBatch, SyncOptions } from './sync/sync.js'

export type { KaitenRuListParams }

/**
 * Iteration takes the list filters; `limit` is the page size (default: the most the model says the API applies) and
 * offsets are managed.
 */
export type KaitenRuIterateParams = Omit<KaitenRuListParams, 'offset'>

/**
 * The list filters. `from` is where a sync without a checkpoint starts, `to` an upper bound it never passes, and
 * `limit` the page size (default: the most the model says the API applies). Offsets are managed.
 */
export type KaitenRuSyncParams = Omit<KaitenRuListParams, 'offset'>

export interface KaitenRuClientOptions extends ClientOptions {
  /**
   * The API model the client follows: the operation's path, servers, parameters, documented statuses, item fields
   * and rate limit. Default: the one generated from the spec.
   */
  model?: ApiModel
}

/**
 * A kaiten.ru audit-logs client, made by `createKaitenRuClient`. `Extra` types query parameters that a `model`
 * documents and the generated types do not; the model checks them either way.
 */
export interface KaitenRuClient<Extra extends object = NoExtra> {
  /**
   * One page of the model's `retrieveAuditLogEvents` (`GET /audit-logs`), newest first. A limit above the model's
   * `x-kaiten-limit-clamp` is applied as its clamp by the API.
   */
  listAuditLogs(params?: KaitenRuListParams & Extra, options?: CallOptions): Promise<AuditLogEvent[]>
  /**
   * Every matching event, newest first, item by item (`for await … of`) or page by page (`.pages()`). Stable while
   * events are being added: none is returned twice and none that existed at the start is skipped.
   * Invalid parameters throw `InvalidParameterError` here, before any request.
   */
  iterateAuditLogs(params?: KaitenRuIterateParams & Extra, options?: CallOptions): AuditPages<AuditLogEvent>
  /** New events since `options.checkpoint`, oldest first, in batches that each carry the checkpoint to store after them. */
  syncAuditLogs(
    params?: KaitenRuSyncParams & Extra,
    options?: SyncOptions,
  ): AsyncGenerator<SyncBatch<AuditLogEvent>, void>
  /** The openapi-fetch client, with the same auth, retries, timeout and pacing, for anything the helpers lack. */
  readonly raw: Client<KaitenRuPaths>
  /** The pacing shared by every call of this client (default: the model's `x-rate-limit`); undefined when `rateLimit: false`. */
  readonly pacer: RequestPacer | undefined
}

/** No query parameters beyond the generated types. */
type NoExtra = Record<never, never>

/** What the code says about `retrieveAuditLogEvents`; every fact of the spec comes from the model. */
const auditLogs: ListOperationCode<KaitenRuListParams, undefined> = {
  api: 'kaiten-ru',
  operationId: 'retrieveAuditLogEvents',
  checkPath: () => [],
  pathParams: () => ({}),
  pathScope: () => ({}),
  query: toKaitenRuSearchParams,
  bounds: { lower: 'from', upper: 'to' },
  item: { id: 'id', time: 'created' },
}

/** A client for the kaiten.ru audit log, e.g. `https://acme.kaiten.ru/api/latest` (or `serverVariables: { domain: 'acme' }`). */
export function createKaitenRuClient<Extra extends object = NoExtra>(
  options: KaitenRuClientOptions,
): KaitenRuClient<Extra> {
  const { raw, pacer, helpers } = listClient<
    AuditLogEvent,
    KaitenRuListParams & Extra,
    undefined,
    KaitenRuPaths
  >(options, kaitenRuModel, auditLogs)
  return {
    raw,
    pacer,
    listAuditLogs: (params, options) => helpers.list(undefined, params, options),
    iterateAuditLogs: (params, options) => helpers.iterate(undefined, params, options),
    syncAuditLogs: (params, options) => helpers.sync(undefined, params, options),
  }
}
