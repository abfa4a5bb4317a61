import {
  effectiveKaitenRuLimit,
  KAITEN_RU_LIMIT,
  KAITEN_RU_RATE_LIMIT,
  type KaitenRuListParams,
  toKaitenRuSearchParams,
} from '@kaiten-audit/query'
import type { AuditLogEvent, KaitenRuPaths } from '@kaiten-audit/types'
import createClient, { type Client } from 'openapi-fetch'
import { type ClientOptions, clientSetup } from './core/options.js'
import type { RequestPacer } from './core/pacing.js'
import type { AuditPages } from './core/pagination.js'
import {
  type ItemCheck,
  isDateTime,
  isIntegerOrNull,
  isObjectOrNull,
  isStringOrNull,
} from './core/response-shape.js'
import { type CallOptions, createTransport } from './core/transport.js'
import { type ListOperation, listHelpers } from './list-endpoint.js'
import type { SyncBatch, SyncOptions } from './sync/sync.js'

export type { KaitenRuListParams }

/** Iteration takes the list filters; `limit` is the page size (default 500, the API's maximum) and offsets are managed. */
export type KaitenRuIterateParams = Omit<KaitenRuListParams, 'offset'>

/**
 * The list filters. `from` is where a sync without a checkpoint starts, `to` an upper bound it never passes, and
 * `limit` the page size (default 500, the API's maximum). Offsets are managed.
 */
export type KaitenRuSyncParams = Omit<KaitenRuListParams, 'offset'>

export interface KaitenRuClientOptions extends ClientOptions {}

/** A kaiten.ru audit-logs client, made by `createKaitenRuClient`. */
export interface KaitenRuClient {
  /** One page of `GET /audit-logs`, newest first. Limits above 500 are applied as 500 by the API. */
  listAuditLogs(params?: KaitenRuListParams, options?: CallOptions): Promise<AuditLogEvent[]>
  /**
   * Every matching event, newest first, item by item (`for await … of`) or page by page (`.pages()`). Stable while
   * events are being added: none is returned twice and none that existed at the start is skipped.
   * Invalid parameters throw `InvalidParameterError` here, before any request.
   */
  iterateAuditLogs(params?: KaitenRuIterateParams, options?: CallOptions): AuditPages<AuditLogEvent>
  /** New events since `options.checkpoint`, oldest first, in batches that each carry the checkpoint to store after them. */
  syncAuditLogs(
    params?: KaitenRuSyncParams,
    options?: SyncOptions,
  ): AsyncGenerator<SyncBatch<AuditLogEvent>, void>
  /** The openapi-fetch client, with the same auth, retries, timeout and pacing, for anything the helpers lack. */
  readonly raw: Client<KaitenRuPaths>
  /** The pacing shared by every call of this client; undefined when `rateLimit: false`. */
  readonly pacer: RequestPacer | undefined
}

/** Required fields of `AuditLogEvent` and their types (specs/kaiten-ru/openapi.yaml). */
const auditLogEventMismatch: ItemCheck = (event) => {
  if (typeof event.id !== 'string') return { field: 'id', expected: 'a string' }
  if (!isStringOrNull(event.app_name)) return { field: 'app_name', expected: 'a string or null' }
  if (!isStringOrNull(event.company_uid)) return { field: 'company_uid', expected: 'a string or null' }
  if (!isIntegerOrNull(event.author_id)) return { field: 'author_id', expected: 'an integer or null' }
  if (!isStringOrNull(event.author_uid)) return { field: 'author_uid', expected: 'a string or null' }
  if (!isStringOrNull(event.author_username))
    return { field: 'author_username', expected: 'a string or null' }
  if (!isStringOrNull(event.author_remote_address))
    return { field: 'author_remote_address', expected: 'a string or null' }
  if (!isObjectOrNull(event.author)) return { field: 'author', expected: 'an object or null' }
  if (typeof event.category !== 'string') return { field: 'category', expected: 'a string' }
  if (typeof event.action !== 'string') return { field: 'action', expected: 'a string' }
  if (typeof event.message !== 'string') return { field: 'message', expected: 'a string' }
  if (!isObjectOrNull(event.details)) return { field: 'details', expected: 'an object or null' }
  if (!isDateTime(event.created)) return { field: 'created', expected: 'an RFC 3339 date-time' }
  return undefined
}

const auditLogs: ListOperation<AuditLogEvent, KaitenRuListParams, undefined> = {
  api: 'kaiten-ru',
  path: '/audit-logs',
  checkPath: () => [],
  pathParams: () => ({}),
  pathScope: () => ({}),
  query: toKaitenRuSearchParams,
  maxLimit: KAITEN_RU_LIMIT.max,
  appliedLimit: effectiveKaitenRuLimit,
  // The spec sets no maximum.
  maxOffset: Number.MAX_SAFE_INTEGER,
  bounds: { lower: 'from', upper: 'to' },
  listFilters: ['categories', 'actions'],
  itemCheck: auditLogEventMismatch,
  item: { id: 'id', idKind: 'string', time: 'created' },
}

/** A client for the kaiten.ru audit log: `https://{domain}.kaiten.ru/api/latest`. */
export function createKaitenRuClient(options: KaitenRuClientOptions): KaitenRuClient {
  const setup = clientSetup(options, { rateLimit: { ...KAITEN_RU_RATE_LIMIT }, useRateLimitReset: true })
  const transport = createTransport(setup.transport)
  const helpers = listHelpers(auditLogs, setup.baseUrl, transport)
  return {
    raw: createClient<KaitenRuPaths>({ baseUrl: setup.baseUrl, fetch: transport.fetch }),
    pacer: transport.pacer,
    listAuditLogs: (params, options) => helpers.list(undefined, params, options),
    iterateAuditLogs: (params, options) => helpers.iterate(undefined, params, options),
    syncAuditLogs: (params, options) => helpers.sync(undefined, params, options),
  }
}
