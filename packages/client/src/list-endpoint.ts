// Listing, iterating and syncing one list operation, for either API. An API's client file says only what differs:
// the path, the parameters, the item check and the name of the upper time bound. Everything else lives here once.
import {
  appliedInteger,
  integerBounds,
  operationOf,
  type ParameterIssue,
  type Parsed,
  queryParameter,
  queryParameters,
} from '@kaiten-audit/query'
import type { ApiModel } from '@kaiten-audit/types'
import createClient, { type Client } from 'openapi-fetch'
import { InvalidParameterError, redactError } from './core/errors.js'
import { compileItemCheck } from './core/item-check.js'
import { type ClientOptions, checkCallOptions, clientSetup, modelDefaults } from './core/options.js'
import type { RequestPacer } from './core/pacing.js'
import { AuditPages, iterationOffsetIssue, pageQuery } from './core/pagination.js'
import type { ReadResponse } from './core/read-response.js'
import { requestIdOf } from './core/response-headers.js'
import { type ItemCheck, parseItems, shapeError } from './core/response-shape.js'
import { type CallOptions, createTransport, RequestLine, type Transport } from './core/transport.js'
import { filtersText, type SyncApi } from './sync/checkpoint.js'
import type { ItemId, PageQuery, SourcePage } from './sync/engine.js'
import {
  managedOffsetIssue,
  pageSizeIssue,
  type SyncBatch,
  type SyncOptions,
  startSync,
} from './sync/sync.js'

/** What the code says about one list operation: which operation of the model, and what its fields and parameters mean. */
export interface ListOperationCode<Params, Path> {
  /** The API, as a sync checkpoint names it. */
  api: SyncApi
  /** The operation of the model this lists. */
  operationId: string
  /** The path parameters' issues (none when the path has none). */
  checkPath(path: Path): ParameterIssue[]
  /** The path parameters for openapi-fetch. */
  pathParams(path: Path): Record<string, string>
  /** What a sync checkpoint records of the path parameters (kaiten.sh: the instance). */
  pathScope(path: Path): { instance?: string }
  /** Checks the query parameters against the model's and renders them, or names every issue. */
  query(params: Params | undefined, model: ApiModel): Parsed<URLSearchParams>
  /** The inclusive time bounds' parameter names: where a sync starts, and the bound an iteration pins. */
  bounds: { lower: string; upper: string }
  /** The item field that identifies an item, and the time field the API sorts by. */
  item: { id: string; time: string }
}

/** One list operation: what the code says about it, and every fact of the spec read from the model. */
export interface ListOperation<Params, Path> extends ListOperationCode<Params, Path> {
  method: string
  /** The spec's path template. */
  path: string
  /** Renders and checks query parameters against this operation's model. */
  checkQuery(params: Params | undefined): Parsed<URLSearchParams>
  /** The largest page size the API applies, which iteration and sync take when no `limit` is given. */
  maxLimit: number
  /** The page size the API applies to a requested `limit` (e.g. a clamp and a meaning of 0 the model documents). */
  appliedLimit(limit: number): number
  /** The largest offset the API accepts. */
  maxOffset: number
  /** List-valued filters, whose order does not change the selection. */
  listFilters: readonly string[]
  /** The items' fields as the model describes them, compiled once. */
  itemCheck: ItemCheck
  /** The JSON type of the id field. */
  idKind: 'string' | 'integer'
  /** Whether the model documents `status` for this operation (by number, range or `default`). */
  documentsStatus(status: number): boolean
}

/** The operation `code` names, with its facts read from `model`; an error naming what the model lacks. */
export function listOperation<Params, Path>(
  model: ApiModel,
  code: ListOperationCode<Params, Path>,
): ListOperation<Params, Path> {
  const operation = operationOf(model, code.operationId)
  const limit = queryParameter(operation, 'limit')
  const fields = operation.item?.fields ?? []
  const fieldOf = (name: string) => {
    const field = fields.find((candidate) => candidate.name === name)
    if (field === undefined)
      throw new Error(
        `${code.operationId} has no item field ${name} in the API model, which the client reads`,
      )
    return field
  }
  const idTypes = fieldOf(code.item.id).types
  fieldOf(code.item.time)
  const statuses = new Set(operation.responses.map((response) => response.status))
  return {
    ...code,
    method: operation.method.toUpperCase(),
    path: operation.path,
    checkQuery: (params) => code.query(params, model),
    maxLimit: appliedInteger(limit, integerBounds(limit.schema).max ?? Number.MAX_SAFE_INTEGER),
    appliedLimit: (requested) => appliedInteger(limit, requested),
    maxOffset: integerBounds(queryParameter(operation, 'offset').schema).max ?? Number.MAX_SAFE_INTEGER,
    listFilters: queryParameters(operation)
      .filter((parameter) => parameter.schema.types.includes('array'))
      .map((parameter) => parameter.name),
    itemCheck: compileItemCheck(operation.item),
    idKind: idTypes.includes('integer') ? 'integer' : 'string',
    documentsStatus: (status) =>
      statuses.has(String(status)) || statuses.has(`${String(status)[0]}XX`) || statuses.has('default'),
  }
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
  operation: ListOperation<Params, Path>,
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
  const documented = { documentsStatus: operation.documentsStatus }
  const idOf = (item: Item): ItemId => (item as Record<string, ItemId>)[idField] as ItemId
  const timeOf = (item: Item): string => (item as Record<string, string>)[timeField] as string
  const redact = transport.redact

  const invalid = (issues: ParameterIssue[]): InvalidParameterError =>
    redactError(new InvalidParameterError(issues), redact)

  /** One page: the request through openapi-fetch and the transport, and its items checked. */
  const get = async (path: Path, search: URLSearchParams, call: CallOptions): Promise<ReadResponse> => {
    const query = search.toString()
    // The spec's paths type the public `raw`; here the path is the operation's own, so openapi-fetch is untyped.
    const { response } = await client.request(
      operation.method as never,
      operation.path as never,
      {
        params: { path: operation.pathParams(path) },
        // Built and checked by @kaiten-audit/query; openapi-fetch only appends it.
        querySerializer: () => query,
        parseAs: 'text',
        fetch: transport.forCall(call, documented),
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
    const checked = operation.checkQuery({ ...rest, limit } as Params)
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
      const checked = operation.checkQuery(params)
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
          idKind: operation.idKind,
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

/** What each API's client is made of: one transport, shared by the list helpers and `raw`. */
export function listClient<
  Item,
  Params extends { limit?: unknown; offset?: unknown },
  Path,
  Paths extends object,
>(
  options: ClientOptions & { model?: ApiModel },
  defaultModel: ApiModel,
  code: ListOperationCode<Params, Path>,
): { raw: Client<Paths>; pacer: RequestPacer | undefined; helpers: ListHelpers<Item, Params, Path> } {
  const model = options?.model ?? defaultModel
  const operation = listOperation(model, code)
  const setup = clientSetup(options, modelDefaults(operationOf(model, code.operationId)))
  const transport = createTransport(setup.transport)
  return {
    raw: createClient<Paths>({ baseUrl: setup.baseUrl, fetch: transport.fetch }),
    pacer: transport.pacer,
    helpers: listHelpers<Item, Params, Path>(operation, setup.baseUrl, transport),
  }
}
