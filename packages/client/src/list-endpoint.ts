// Listing, iterating and syncing one list operation, for either API. An API's client file says only what differs:
// the path, the parameters, the item check and the name of the upper time bound. Everything else lives here once.
import type { ParameterIssue, Parsed } from '@kaiten-audit/query'
import createClient from 'openapi-fetch'
import { InvalidParameterError, redactError } from './core/errors.js'
import { checkCallOptions } from './core/options.js'
import { AuditPages, iterationOffsetIssue, pageQuery } from './core/pagination.js'
import type { ReadResponse } from './core/read-response.js'
import { requestIdOf } from './core/response-headers.js'
import { type ItemCheck, parseItems, shapeError } from './core/response-shape.js'
import { type CallOptions, RequestLine, type Transport } from './core/transport.js'
import { filtersText, type SyncApi } from './sync/checkpoint.js'
import type { ItemId, PageQuery, SourcePage } from './sync/engine.js'
import {
  managedOffsetIssue,
  pageSizeIssue,
  type SyncBatch,
  type SyncOptions,
  startSync,
} from './sync/sync.js'

/** What sets one list operation apart: facts of its spec, and the check of its items. */
export interface ListOperation<Item, Params extends { limit?: unknown; offset?: unknown }, Path> {
  /** The API, as a sync checkpoint names it. */
  api: SyncApi
  /** The spec's path template. */
  path: string
  /** The path parameters' issues (none when the path has none). */
  checkPath(path: Path): ParameterIssue[]
  /** The path parameters for openapi-fetch. */
  pathParams(path: Path): Record<string, string>
  /** What a sync checkpoint records of the path parameters (kaiten.sh: the instance). */
  pathScope(path: Path): { instance?: string }
  /** Checks the query parameters and renders them, or names every issue. */
  query(params: Params | undefined): Parsed<URLSearchParams>
  /** The largest `limit`, which iteration and sync take for their page size when none is given. */
  maxLimit: number
  /** The page size the API applies to a requested `limit` (kaiten.ru applies 500 to larger ones, 100 to 0). */
  appliedLimit(limit: number): number
  /** The largest offset the API accepts. */
  maxOffset: number
  /** The inclusive time bounds' parameter names: where a sync starts, and the bound an iteration pins. */
  bounds: { lower: string; upper: string }
  /** List-valued filters, whose order does not change the selection. */
  listFilters: readonly string[]
  /** The items' required fields and their types. */
  itemCheck: ItemCheck
  /** The id field and its JSON type, and the time field the API sorts by. */
  item: { id: keyof Item & string; idKind: 'string' | 'integer'; time: keyof Item & string }
}

/** The three helpers of one list operation, taking the path parameters first. */
export interface ListHelpers<Item, Params, Path> {
  list(path: Path, params: Params | undefined, options: CallOptions | undefined): Promise<Item[]>
  iterate(
    path: Path,
    params: Omit<Params, 'offset'> | undefined,
    options: CallOptions | undefined,
  ): AuditPages<Item>
  sync(
    path: Path,
    params: Omit<Params, 'offset'> | undefined,
    options: SyncOptions | undefined,
  ): AsyncGenerator<SyncBatch<Item>, void, undefined>
}

/**
 * The helpers of `operation`, sending through `transport`. They have an openapi-fetch client of their own on the
 * same transport as `raw`: middleware a caller adds to `raw` must not change what the helpers check.
 */
export function listHelpers<Item, Params extends { limit?: unknown; offset?: unknown }, Path>(
  operation: ListOperation<Item, Params, Path>,
  baseUrl: string,
  transport: Transport,
): ListHelpers<Item, Params, Path> {
  const client = createClient({
    baseUrl,
    fetch: transport.fetch,
    Request: RequestLine as unknown as typeof Request,
  })
  const { itemCheck, bounds } = operation
  const idField = operation.item.id
  const timeField = operation.item.time
  const idOf = (item: Item): ItemId => (item as Record<string, ItemId>)[idField] as ItemId
  const timeOf = (item: Item): string => (item as Record<string, string>)[timeField] as string
  const redact = transport.redact

  const invalid = (issues: ParameterIssue[]): InvalidParameterError =>
    redactError(new InvalidParameterError(issues), redact)

  /** One page: the request through openapi-fetch and the transport, and its items checked. */
  const get = async (path: Path, search: URLSearchParams, call: CallOptions): Promise<ReadResponse> => {
    const query = search.toString()
    // The spec's paths type the public `raw`; here the path is the operation's own, so openapi-fetch is untyped.
    const { response } = await client.GET(
      operation.path as never,
      {
        params: { path: operation.pathParams(path) },
        // Built and checked by @kaiten-audit/query; openapi-fetch only appends it.
        querySerializer: () => query,
        parseAs: 'text',
        fetch: transport.forCall(call),
      } as never,
    )
    return response as ReadResponse
  }

  /** The checked query of an iteration or a sync, whose offsets are managed, and its page size. */
  const managed = (
    path: Path,
    params: Omit<Params, 'offset'> | undefined,
    offsetIssue: ParameterIssue | undefined,
  ) => {
    // Only an absent limit takes the default: null is checked, and refused, like any other value.
    const limit = params?.limit === undefined ? operation.maxLimit : params.limit
    // The offset is reported once, by the caller's offset issue, not again by the query check.
    const { offset: _managed, ...rest } = (params ?? {}) as Params
    const checked = operation.query({ ...rest, limit } as Params)
    const issues = [
      ...operation.checkPath(path),
      ...(offsetIssue ? [offsetIssue] : []),
      ...(checked.ok ? [] : checked.issues),
    ]
    // The API may apply another size than the one sent; a page is short only against the size it applies.
    const pageSize = typeof limit === 'number' ? operation.appliedLimit(limit) : operation.maxLimit
    return { checked, issues, pageSize, limit }
  }

  return {
    async list(path, params, options) {
      const call = checkCallOptions(options)
      const checked = operation.query(params)
      const issues = [...operation.checkPath(path), ...(checked.ok ? [] : checked.issues)]
      if (issues.length > 0 || !checked.ok) throw invalid(issues)
      return parseItems<Item>(await get(path, checked.value, call), itemCheck)
    },

    iterate(path, params, options) {
      const call = checkCallOptions(options)
      const { checked, issues, pageSize } = managed(path, params, iterationOffsetIssue(params))
      if (issues.length > 0 || !checked.ok) throw invalid(issues)
      const base = checked.value
      return new AuditPages<Item>({
        pageSize,
        hasUpperBound: params?.[bounds.upper as keyof typeof params] !== undefined,
        signal: call.signal,
        idOf,
        timeOf,
        async fetchPage(offset, upperBound) {
          const response = await get(path, pageQuery(base, offset, bounds.upper, upperBound), call)
          return {
            items: parseItems<Item>(response, itemCheck),
            shapeError: (at, expected, actual) => shapeError(response, at, expected, actual),
          }
        },
      })
    },

    sync(path, params, options) {
      const { checked, issues, pageSize, limit } = managed(path, params, managedOffsetIssue(params))
      // A limit the query check refused is reported once, by that check.
      if (!issues.some((issue) => issue.parameter === 'limit')) {
        const tooSmall = pageSizeIssue(pageSize, limit)
        if (tooSmall) issues.push(tooSmall)
      }
      const base = checked.ok ? checked.value : new URLSearchParams()
      const excluded = [bounds.lower, bounds.upper, 'limit', 'offset']
      return startSync(
        {
          scope: {
            api: operation.api,
            ...operation.pathScope(path),
            filters: filtersText(base, excluded, operation.listFilters),
          },
          idKind: operation.item.idKind,
          issues,
          pageSize,
          since: base.get(bounds.lower) || undefined,
          until: base.get(bounds.upper) || undefined,
          source: (call) => ({
            pageSize,
            maxOffset: operation.maxOffset,
            timeField,
            idOf,
            timeOf,
            async fetchPage(query: PageQuery, signal: AbortSignal | undefined): Promise<SourcePage<Item>> {
              const search = new URLSearchParams(base)
              for (const name of excluded) search.delete(name)
              if (query.from !== undefined) search.set(bounds.lower, query.from)
              if (query.to !== undefined) search.set(bounds.upper, query.to)
              search.set('limit', String(query.limit))
              search.set('offset', String(query.offset))
              const response = await get(path, search, { ...call, signal })
              return {
                items: parseItems<Item>(response, itemCheck),
                request: response.request,
                status: response.status,
                requestId: requestIdOf(response.headers),
              }
            },
          }),
        },
        options,
      )
    },
  }
}
