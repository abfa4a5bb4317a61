import {
  checkInstanceSlug,
  KAITEN_SH_LIMIT,
  type KaitenShListParams,
  type ParameterIssue,
  toKaitenShSearchParams,
} from '@kaiten-audit/query'
import type { AuditTrailEntry, KaitenShPaths } from '@kaiten-audit/types'
import createClient, { type Client } from 'openapi-fetch'
import { InvalidParameterError, redactError } from './core/errors.js'
import { attemptResultOf, helperGetOptions } from './core/openapi-result.js'
import { type ClientOptions, checkCallOptions, transportConfig } from './core/options.js'
import { AuditPages, iterationOffsetIssue, pageQuery } from './core/pagination.js'
import type { RateLimiter } from './core/rate-limit.js'
import { safeUrl } from './core/redact.js'
import { type ItemCheck, isDateTime, parseItems, shapeError } from './core/response-shape.js'
import {
  type CallOptions,
  type Exchange,
  rawClientFetch,
  sendWithRetries,
  type TransportConfig,
} from './core/transport.js'
import { type KaitenShSyncParams, syncKaitenShAuditTrails } from './sync/kaiten-sh.js'
import type { SyncBatch, SyncOptions } from './sync/sync.js'

export type { KaitenShListParams }

/** Iteration takes the list filters; `limit` is the page size (default 200, the API's maximum) and offsets are managed. */
export type KaitenShIterateParams = Omit<KaitenShListParams, 'offset'>

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
  readonly rateLimiter: RateLimiter | undefined
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

/** A client for kaiten.sh instance audit trails, e.g. `https://demo.kaiten.sh` or a self-hosted `…/api`. */
export function createKaitenShClient(options: KaitenShClientOptions): KaitenShClient {
  const config = transportConfig(options, { rateLimit: false, useRateLimitReset: false })
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  // Error messages name the URL; user info is removed once here rather than on every call.
  const safeBase = safeUrl(baseUrl).replace(/\/+$/, '')
  const raw = createClient<KaitenShPaths>({ baseUrl, fetch: rawClientFetch(config) })

  const pageWith = async (instanceSlug: string, search: URLSearchParams, call: CallOptions) => {
    const exchange = await get(raw, config, safeBase, instanceSlug, search, call)
    return { items: parseItems<AuditTrailEntry>(exchange, auditTrailEntryMismatch), exchange }
  }

  return {
    raw,
    rateLimiter: config.rateLimiter,

    syncAuditTrails: (instanceSlug, params, syncOptions) =>
      syncKaitenShAuditTrails(
        (search, call) => pageWith(instanceSlug, search, call),
        instanceSlug,
        params,
        syncOptions,
      ),

    async listAuditTrails(instanceSlug, params, callOptions) {
      const call = checkCallOptions(callOptions)
      const slugIssue = checkInstanceSlug(instanceSlug)
      const search = toKaitenShSearchParams(params)
      const issues = [...(slugIssue ? [slugIssue] : []), ...(search.ok ? [] : search.issues)]
      if (issues.length > 0 || !search.ok)
        throw redactError(new InvalidParameterError(issues), config.redactor.redact)
      const exchange = await get(raw, config, safeBase, instanceSlug, search.value, call)
      return parseItems<AuditTrailEntry>(exchange, auditTrailEntryMismatch)
    },

    iterateAuditTrails(instanceSlug, params, callOptions) {
      const call = checkCallOptions(callOptions)
      // Only an absent limit takes the default: null is checked, and refused, like any other value.
      const pageSize = params?.limit === undefined ? KAITEN_SH_LIMIT.max : params.limit
      // The offset is reported once, by iterationOffsetIssue, not again by the query check.
      const { offset: _managedOffset, ...rest }: KaitenShListParams = params ?? {}
      const search = toKaitenShSearchParams({ ...rest, limit: pageSize })
      const issues = [
        checkInstanceSlug(instanceSlug) ?? undefined,
        iterationOffsetIssue(params),
        ...(search.ok ? [] : search.issues),
      ].filter((issue): issue is ParameterIssue => issue !== undefined)
      if (issues.length > 0 || !search.ok)
        throw redactError(new InvalidParameterError(issues), config.redactor.redact)
      const base = search.value
      return new AuditPages<AuditTrailEntry>({
        pageSize,
        hasUpperBound: params?.before !== undefined,
        signal: call.signal,
        idOf: (entry) => entry.id,
        timeOf: (entry) => entry.timestamp,
        async fetchPage(offset, upperBound) {
          const page = pageQuery(base, offset, 'before', upperBound)
          const exchange = await get(raw, config, safeBase, instanceSlug, page, call)
          return {
            items: parseItems<AuditTrailEntry>(exchange, auditTrailEntryMismatch),
            shapeError: (path, expected, actual) => shapeError(exchange, path, expected, actual),
          }
        },
      })
    },
  }
}

async function get(
  raw: Client<KaitenShPaths>,
  config: TransportConfig,
  safeBase: string,
  instanceSlug: string,
  search: URLSearchParams,
  call: CallOptions,
): Promise<Exchange> {
  const query = search.toString()
  const path = `/instances/${encodeURIComponent(instanceSlug)}/audit-trails`
  const description = { method: 'GET', url: `${safeBase}${path}${query ? `?${query}` : ''}` }
  return sendWithRetries(
    config,
    call,
    description,
    async (attempt) =>
      attemptResultOf(
        await raw.GET('/instances/{instanceSlug}/audit-trails', {
          // openapi-fetch percent-encodes path parameters with encodeURIComponent, as `path` above does.
          params: { path: { instanceSlug } },
          ...helperGetOptions(config, attempt, query),
        }),
      ),
    { throwOnHttpError: true },
  )
}
