import {
  effectiveKaitenRuLimit,
  KAITEN_RU_LIMIT,
  KAITEN_RU_RATE_LIMIT,
  type KaitenRuListParams,
  toKaitenRuSearchParams,
} from '@kaiten-audit/query'
import type { AuditLogEvent, KaitenRuPaths } from '@kaiten-audit/types'
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

export type { KaitenRuListParams }

/** Iteration takes the list filters; `limit` is the page size (default 500, the API's maximum) and offsets are managed. */
export type KaitenRuIterateParams = Omit<KaitenRuListParams, 'offset'>

export interface KaitenRuClientOptions extends ClientOptions {}

export interface KaitenRuClient {
  /** One page of `GET /audit-logs`, newest first. Limits above 500 are applied as 500 by the API. */
  listAuditLogs(params?: KaitenRuListParams, options?: CallOptions): Promise<AuditLogEvent[]>
  /**
   * Every matching event, newest first, item by item (`for await … of`) or page by page (`.pages()`). Stable while
   * events are being added: none is returned twice and none that existed at the start is skipped.
   * Invalid parameters throw `InvalidParameterError` here, before any request.
   */
  iterateAuditLogs(params?: KaitenRuIterateParams, options?: CallOptions): AuditPages<AuditLogEvent>
  /** The openapi-fetch client, with the same auth, retries, timeout and pacing, for anything the helpers lack. */
  readonly raw: Client<KaitenRuPaths>
  /** The pacing shared by every call of this client; undefined when `rateLimit: false`. */
  readonly rateLimiter: RateLimiter | undefined
}

/** Required fields of `AuditLogEvent` (specs/kaiten-ru/openapi.yaml). */
const AUDIT_LOG_EVENT_SHAPE: ItemShape = {
  id: 'string',
  app_name: 'string-or-null',
  company_uid: 'string-or-null',
  author_id: 'integer-or-null',
  author_uid: 'string-or-null',
  author_username: 'string-or-null',
  author_remote_address: 'string-or-null',
  author: 'object-or-null',
  category: 'string',
  action: 'string',
  message: 'string',
  details: 'object-or-null',
  created: 'date-time',
}

/** A client for the kaiten.ru audit log: `https://{domain}.kaiten.ru/api/latest`. */
export function createKaitenRuClient(options: KaitenRuClientOptions): KaitenRuClient {
  const config = transportConfig(options, { rateLimit: { ...KAITEN_RU_RATE_LIMIT }, useRateLimitReset: true })
  const raw = createClient<KaitenRuPaths>({
    baseUrl: options.baseUrl,
    fetch: async (request) =>
      bufferedResponse(await send(config, request, {}, { readBody: true, throwOnHttpError: false })),
  })

  const listWith = async (search: URLSearchParams, call: CallOptions): Promise<AuditLogEvent[]> => {
    const exchange = await get(raw, config, search, call)
    return parseItems<AuditLogEvent>(exchange, AUDIT_LOG_EVENT_SHAPE)
  }

  return {
    raw,
    rateLimiter: config.rateLimiter,

    async listAuditLogs(params, callOptions) {
      const call = checkCallOptions(callOptions)
      const search = toKaitenRuSearchParams(params)
      if (!search.ok) throw new InvalidParameterError(search.issues)
      return listWith(search.value, call)
    },

    iterateAuditLogs(params, callOptions) {
      const call = checkCallOptions(callOptions)
      const requested = params?.limit ?? KAITEN_RU_LIMIT.max
      const offsetIssue = iterationOffsetIssue(params)
      if (offsetIssue) throw new InvalidParameterError([offsetIssue])
      const checked = toKaitenRuSearchParams({ ...params, limit: requested })
      if (!checked.ok) throw new InvalidParameterError(checked.issues)
      const base = checked.value
      return new AuditPages<AuditLogEvent>({
        // The API clamps the limit; a page is short only against the size it actually applies.
        pageSize: effectiveKaitenRuLimit(requested),
        hasUpperBound: params?.to !== undefined,
        signal: call.signal,
        idOf: (event) => event.id,
        timeOf: (event) => event.created,
        async fetchPage(offset, upperBound) {
          const search = new URLSearchParams(base)
          search.set('offset', String(offset))
          if (upperBound !== undefined) search.set('to', upperBound)
          const exchange = await get(raw, config, search, call)
          return { items: parseItems<AuditLogEvent>(exchange, AUDIT_LOG_EVENT_SHAPE), exchange }
        },
      })
    },
  }
}

async function get(
  raw: Client<KaitenRuPaths>,
  config: TransportConfig,
  search: URLSearchParams,
  call: CallOptions,
): Promise<Exchange> {
  let exchange: Exchange | undefined
  await raw.GET('/audit-logs', {
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
