import {
  effectiveKaitenRuLimit,
  KAITEN_RU_LIMIT,
  KAITEN_RU_RATE_LIMIT,
  type KaitenRuListParams,
  type ParameterIssue,
  toKaitenRuSearchParams,
} from '@kaiten-audit/query'
import type { AuditLogEvent, KaitenRuPaths } from '@kaiten-audit/types'
import createClient, { type Client } from 'openapi-fetch'
import { InvalidParameterError, redactError } from './core/errors.js'
import { attemptResultOf, helperGetOptions } from './core/openapi-result.js'
import { type ClientOptions, checkCallOptions, transportConfig } from './core/options.js'
import { AuditPages, iterationOffsetIssue, pageQuery } from './core/pagination.js'
import type { RateLimiter } from './core/rate-limit.js'
import { safeUrl } from './core/redact.js'
import {
  type ItemCheck,
  isDateTime,
  isIntegerOrNull,
  isObjectOrNull,
  isStringOrNull,
  parseItems,
  shapeError,
} from './core/response-shape.js'
import {
  type CallOptions,
  type Exchange,
  rawClientFetch,
  sendWithRetries,
  type TransportConfig,
} from './core/transport.js'
import { type KaitenRuSyncParams, syncKaitenRuAuditLogs } from './sync/kaiten-ru.js'
import type { SyncBatch, SyncOptions } from './sync/sync.js'

export type { KaitenRuListParams }

/** Iteration takes the list filters; `limit` is the page size (default 500, the API's maximum) and offsets are managed. */
export type KaitenRuIterateParams = Omit<KaitenRuListParams, 'offset'>

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
  readonly rateLimiter: RateLimiter | undefined
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

/** A client for the kaiten.ru audit log: `https://{domain}.kaiten.ru/api/latest`. */
export function createKaitenRuClient(options: KaitenRuClientOptions): KaitenRuClient {
  const config = transportConfig(options, { rateLimit: { ...KAITEN_RU_RATE_LIMIT }, useRateLimitReset: true })
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  // Error messages name the URL; user info is removed once here rather than on every call.
  const safeBase = safeUrl(baseUrl).replace(/\/+$/, '')
  const raw = createClient<KaitenRuPaths>({ baseUrl, fetch: rawClientFetch(config) })

  const listWith = async (search: URLSearchParams, call: CallOptions): Promise<AuditLogEvent[]> => {
    const exchange = await get(raw, config, safeBase, search, call)
    return parseItems<AuditLogEvent>(exchange, auditLogEventMismatch)
  }
  const pageWith = async (search: URLSearchParams, call: CallOptions) => {
    const exchange = await get(raw, config, safeBase, search, call)
    return { items: parseItems<AuditLogEvent>(exchange, auditLogEventMismatch), exchange }
  }

  return {
    raw,
    rateLimiter: config.rateLimiter,

    async listAuditLogs(params, callOptions) {
      const call = checkCallOptions(callOptions)
      const search = toKaitenRuSearchParams(params)
      if (!search.ok) throw redactError(new InvalidParameterError(search.issues), config.redactor.redact)
      return listWith(search.value, call)
    },

    syncAuditLogs: (params, syncOptions) => syncKaitenRuAuditLogs(pageWith, params, syncOptions),

    iterateAuditLogs(params, callOptions) {
      const call = checkCallOptions(callOptions)
      // Only an absent limit takes the default: null is checked, and refused, like any other value.
      const requested = params?.limit === undefined ? KAITEN_RU_LIMIT.max : params.limit
      // The offset is reported once, by iterationOffsetIssue, not again by the query check.
      const { offset: _managedOffset, ...rest }: KaitenRuListParams = params ?? {}
      const checked = toKaitenRuSearchParams({ ...rest, limit: requested })
      const issues = [iterationOffsetIssue(params), ...(checked.ok ? [] : checked.issues)].filter(
        (issue): issue is ParameterIssue => issue !== undefined,
      )
      if (issues.length > 0 || !checked.ok)
        throw redactError(new InvalidParameterError(issues), config.redactor.redact)
      const base = checked.value
      return new AuditPages<AuditLogEvent>({
        // The API clamps the limit; a page is short only against the size it actually applies.
        pageSize: effectiveKaitenRuLimit(requested),
        hasUpperBound: params?.to !== undefined,
        signal: call.signal,
        idOf: (event) => event.id,
        timeOf: (event) => event.created,
        async fetchPage(offset, upperBound) {
          const exchange = await get(raw, config, safeBase, pageQuery(base, offset, 'to', upperBound), call)
          return {
            items: parseItems<AuditLogEvent>(exchange, auditLogEventMismatch),
            shapeError: (path, expected, actual) => shapeError(exchange, path, expected, actual),
          }
        },
      })
    },
  }
}

async function get(
  raw: Client<KaitenRuPaths>,
  config: TransportConfig,
  safeBase: string,
  search: URLSearchParams,
  call: CallOptions,
): Promise<Exchange> {
  const query = search.toString()
  const description = { method: 'GET', url: `${safeBase}/audit-logs${query ? `?${query}` : ''}` }
  return sendWithRetries(
    config,
    call,
    description,
    async (attempt) =>
      attemptResultOf(await raw.GET('/audit-logs', helperGetOptions(config, attempt, query))),
    { throwOnHttpError: true },
  )
}
