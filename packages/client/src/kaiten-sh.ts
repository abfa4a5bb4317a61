import {
  checkInstanceSlug,
  KAITEN_SH_LIMIT,
  type KaitenShListParams,
  type ParameterIssue,
  toKaitenShSearchParams,
} from '@kaiten-audit/query'
import type { AuditTrailEntry, KaitenShPaths } from '@kaiten-audit/types'
import createClient, { type Client } from 'openapi-fetch'
import { InvalidParameterError } from './core/errors.js'
import { type ClientOptions, checkCallOptions, transportConfig } from './core/options.js'
import { AuditPages, iterationOffsetIssue } from './core/pagination.js'
import type { RateLimiter } from './core/rate-limit.js'
import { type ItemShape, parseItems } from './core/response-shape.js'
import {
  bufferedResponse,
  type CallOptions,
  type Exchange,
  send,
  type TransportConfig,
} from './core/transport.js'

export type { KaitenShListParams }

/** Iteration takes the list filters; `limit` is the page size (default 200, the API's maximum) and offsets are managed. */
export type KaitenShIterateParams = Omit<KaitenShListParams, 'offset'>

export interface KaitenShClientOptions extends ClientOptions {}

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
  /** The openapi-fetch client, with the same auth, retries, timeout and pacing, for anything the helpers lack. */
  readonly raw: Client<KaitenShPaths>
  /** Undefined unless `rateLimit` was set: kaiten.sh documents no rate limit. */
  readonly rateLimiter: RateLimiter | undefined
}

/** Required fields of `AuditTrailEntry` (specs/kaiten-sh/openapi.yaml). */
const AUDIT_TRAIL_ENTRY_SHAPE: ItemShape = {
  id: 'integer',
  instanceId: 'string',
  instanceSlug: 'string',
  eventName: 'string',
  payload: 'present',
  status: 'string',
  timestamp: 'date-time',
}

/** A client for kaiten.sh instance audit trails, e.g. `https://demo.kaiten.sh` or a self-hosted `…/api`. */
export function createKaitenShClient(options: KaitenShClientOptions): KaitenShClient {
  const config = transportConfig(options, { rateLimit: false, useRateLimitReset: false })
  const raw = createClient<KaitenShPaths>({
    baseUrl: options.baseUrl,
    fetch: async (request) =>
      bufferedResponse(await send(config, request, {}, { readBody: true, throwOnHttpError: false })),
  })

  return {
    raw,
    rateLimiter: config.rateLimiter,

    async listAuditTrails(instanceSlug, params, callOptions) {
      const call = checkCallOptions(callOptions)
      const slugIssue = instanceSlugIssue(instanceSlug)
      const search = toKaitenShSearchParams(params)
      const issues = [...(slugIssue ? [slugIssue] : []), ...(search.ok ? [] : search.issues)]
      if (issues.length > 0 || !search.ok) throw new InvalidParameterError(issues)
      const exchange = await get(raw, config, instanceSlug, search.value, call)
      return parseItems<AuditTrailEntry>(exchange, AUDIT_TRAIL_ENTRY_SHAPE)
    },

    iterateAuditTrails(instanceSlug, params, callOptions) {
      const call = checkCallOptions(callOptions)
      const pageSize = params?.limit ?? KAITEN_SH_LIMIT.max
      const search = toKaitenShSearchParams({ ...params, limit: pageSize })
      const issues = [
        instanceSlugIssue(instanceSlug),
        iterationOffsetIssue(params),
        ...(search.ok ? [] : search.issues),
      ].filter((issue): issue is ParameterIssue => issue !== undefined)
      if (issues.length > 0 || !search.ok) throw new InvalidParameterError(issues)
      const base = search.value
      return new AuditPages<AuditTrailEntry>({
        pageSize,
        hasUpperBound: params?.before !== undefined,
        signal: call.signal,
        idOf: (entry) => entry.id,
        timeOf: (entry) => entry.timestamp,
        async fetchPage(offset, upperBound) {
          const page = new URLSearchParams(base)
          page.set('offset', String(offset))
          if (upperBound !== undefined) page.set('before', upperBound)
          const exchange = await get(raw, config, instanceSlug, page, call)
          return { items: parseItems<AuditTrailEntry>(exchange, AUDIT_TRAIL_ENTRY_SHAPE), exchange }
        },
      })
    },
  }
}

/**
 * The slug is percent-encoded into one path segment (so `../x` or `a/b?c#d` cannot change the path or query), but
 * `.` and `..` are dot segments that URL parsing removes even when percent-encoded (WHATWG URL), so they are refused.
 */
function instanceSlugIssue(slug: unknown): ParameterIssue | undefined {
  const issue = checkInstanceSlug(slug)
  if (issue) return issue
  if (slug === '.' || slug === '..') {
    return {
      parameter: 'instanceSlug',
      value: slug,
      allowed: 'a non-empty instance slug other than "." or ".."',
      kind: 'constraint',
    }
  }
  return undefined
}

async function get(
  raw: Client<KaitenShPaths>,
  config: TransportConfig,
  instanceSlug: string,
  search: URLSearchParams,
  call: CallOptions,
): Promise<Exchange> {
  let exchange: Exchange | undefined
  await raw.GET('/instances/{instanceSlug}/audit-trails', {
    // openapi-fetch percent-encodes path parameters with encodeURIComponent.
    params: { path: { instanceSlug } },
    // The query text was built and checked by @kaiten-audit/query; openapi-fetch only appends it.
    querySerializer: () => search.toString(),
    parseAs: 'text',
    fetch: async (request: Request) => {
      exchange = await send(config, request, call, { readBody: true, throwOnHttpError: true })
      return bufferedResponse(exchange)
    },
  })
  if (exchange === undefined) throw new Error('unreachable: openapi-fetch returned without calling fetch')
  return exchange
}
