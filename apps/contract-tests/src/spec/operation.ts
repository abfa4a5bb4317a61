// The one operation of each API as its API model describes it: the single place the contract run reads spec facts
// from. The model is the spec's data (`@kaiten-audit/types`, built by the generator's `buildApiModel`); a run takes it
// as an argument, so a test can hand in a model built from an edited spec. Checks never read the query package the
// mocks parse requests with.
import {
  type ApiHeader,
  type ApiModel,
  type ApiOperation,
  type ApiParameter,
  INTEGER_FORMAT_RANGES,
  kaitenRuModel,
  kaitenShModel,
  type LimitClamp,
} from '@kaiten-audit/types'
import type { ApiName } from '../model.js'

export type { ApiParameter, LimitClamp }

/** The models a run follows, per API; absent ones are the generated models. */
export interface ContractModels {
  kaitenSh?: ApiModel
  kaitenRu?: ApiModel
}

/** The models generated from `specs/`: what a run follows unless given others. */
export const generatedModels: Readonly<Record<ApiName, ApiModel>> = {
  'kaiten-sh': kaitenShModel,
  'kaiten-ru': kaitenRuModel,
}

/** The operationId each API's checks verify: the one name that ties the checks to a spec's operation. */
export const OPERATION_IDS: Readonly<Record<ApiName, string>> = {
  'kaiten-sh': 'getAuditTrails',
  'kaiten-ru': 'retrieveAuditLogEvents',
}

export function modelFor(api: ApiName, models: ContractModels = {}): ApiModel {
  return (api === 'kaiten-sh' ? models.kaitenSh : models.kaitenRu) ?? generatedModels[api]
}

export interface PageLimits {
  minimum: number
  default: number
  /** The largest page the server fills: the schema's maximum, or what a clamp applies. */
  max: number
  clamp?: LimitClamp
}

export interface RateLimit {
  requests: number
  windowMs: number
}

/**
 * What a parameter value can break: its type, a format, a bound, the int32 range, an enum (also by case), or the
 * style the list is written in.
 */
export type Breaks =
  | 'type'
  | 'date-time'
  | 'uuid'
  | 'minimum'
  | 'maximum'
  | 'int32'
  | 'enum'
  | 'enum-case'
  | 'style'

/** The spec says nothing about `what`: the model cannot drive the check that needs it. */
export class SpecFactMissing extends Error {
  constructor(api: ApiName, what: string) {
    super(`the ${api} spec does not say ${what}`)
    this.name = 'SpecFactMissing'
  }
}

const cache = new WeakMap<ApiModel, Map<ApiName, OperationSpec>>()

/** One API's operation in one model, with the facts the checks ask for. */
export class OperationSpec {
  readonly operation: ApiOperation

  private constructor(
    readonly api: ApiName,
    readonly model: ApiModel,
  ) {
    const operationId = OPERATION_IDS[api]
    const operation = model.operations[operationId]
    if (!operation) {
      throw new SpecFactMissing(
        api,
        `an operation ${operationId} (it has ${Object.keys(model.operations).join(', ') || 'none'})`,
      )
    }
    // The run is read-only: it verifies an operation it can call without changing anything.
    if (operation.method !== 'get') throw new SpecFactMissing(api, `${operationId} as a GET operation`)
    this.operation = operation
  }

  /** The operation of `api` in `model` (default: the generated one); one instance per model. */
  static of(api: ApiName, model: ApiModel = generatedModels[api]): OperationSpec {
    let byApi = cache.get(model)
    if (!byApi) {
      byApi = new Map()
      cache.set(model, byApi)
    }
    let spec = byApi.get(api)
    if (!spec) {
      spec = new OperationSpec(api, model)
      byApi.set(api, spec)
    }
    return spec
  }

  private missing(what: string): never {
    throw new SpecFactMissing(this.api, what)
  }

  /** `GET`, as a request line writes it. */
  get method(): string {
    return this.operation.method.toUpperCase()
  }

  /** The path template, e.g. `/instances/{instanceSlug}/audit-trails`. */
  get pathTemplate(): string {
    return this.operation.path
  }

  /** The template with each `{name}` filled in (encoded); a name without a value is a bug in a check. */
  path(values: Readonly<Record<string, string>> = {}): string {
    return this.pathTemplate.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
      const value = values[name]
      if (value === undefined) this.missing(`how to fill {${name}}: no value was given`)
      return encodeURIComponent(value)
    })
  }

  /** The path parameters of a concrete path relative to the base URL (query allowed), or undefined if it is not this operation's. */
  pathValues(target: string): Record<string, string> | undefined {
    const names: string[] = []
    const pattern = this.pathTemplate
      .split(/\{([^}]+)\}/)
      .map((part, index) => {
        if (index % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        names.push(part)
        return '([^/?]+)'
      })
      .join('')
    const match = new RegExp(`^${pattern}(?:\\?|$)`).exec(target)
    if (!match) return undefined
    return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]))
  }

  /** The path parts of the servers, e.g. `/api/latest` and `/api/v1`: names of the one API under one host. */
  serverPaths(): string[] {
    return this.operation.servers.map((server) => {
      const match = /^[^:/]+:\/\/[^/]*(.*)$/.exec(server.url)
      return (match?.[1] ?? '').replace(/\/+$/, '')
    })
  }

  /** The operation's query parameters, in the spec's order. */
  get queryParameters(): readonly ApiParameter[] {
    return this.operation.parameters.filter((parameter) => parameter.in === 'query')
  }

  queryParameter(name: string): ApiParameter {
    return (
      this.queryParameters.find((parameter) => parameter.name === name) ??
      this.missing(`a query parameter ${name}`)
    )
  }

  /** The documented values of a list parameter's items (kaiten.ru's `categories`), as text. */
  listValues(name: string): string[] {
    const values = this.queryParameter(name).schema.items?.enum ?? this.missing(`the values of ${name}`)
    return values.map(String)
  }

  get pageLimits(): PageLimits {
    const limit = this.queryParameter('limit')
    const { minimum, maximum } = limit.schema
    const defaultValue = limit.schema.default
    if (minimum === undefined) this.missing('the minimum of limit')
    if (typeof defaultValue !== 'number') this.missing('the default of limit')
    const max = limit.limitClamp?.applies ?? maximum ?? this.missing('the maximum of limit')
    return { minimum, default: defaultValue, max, ...(limit.limitClamp ? { clamp: limit.limitClamp } : {}) }
  }

  /** The page size the spec says a server applies for `requested` (absent: the default). */
  appliedLimit(requested: number | undefined): number {
    const limits = this.pageLimits
    if (requested === undefined) return limits.default
    const { clamp } = limits
    if (clamp) {
      if (requested === 0 && clamp.zeroMeans === 'default') return limits.default
      if (requested > clamp.above) return clamp.applies
    }
    return requested
  }

  /** The largest value an integer parameter allows: its maximum, its format's, or none. */
  largestValue(name: string): number | undefined {
    const { schema } = this.queryParameter(name)
    if (schema.maximum !== undefined) return schema.maximum
    return schema.format === undefined ? undefined : INTEGER_FORMAT_RANGES[schema.format]?.max
  }

  /** `x-rate-limit`; undefined when the API documents none. */
  get rateLimit(): RateLimit | undefined {
    const limit = this.operation.rateLimit
    return limit ? { requests: limit.requests, windowMs: limit.windowSeconds * 1000 } : undefined
  }

  /** `x-rate-limit` of an API a check needs one of. */
  get requiredRateLimit(): RateLimit {
    return this.rateLimit ?? this.missing('x-rate-limit')
  }

  /** The status `x-invalid-parameter-status` documents for a value that breaks `breaks`. */
  invalidParameterStatus(breaks: Breaks): number {
    const statuses = this.operation.invalidParameterStatus ?? this.missing('x-invalid-parameter-status')
    return statuses[breaks] ?? statuses.default
  }

  /** Every status `x-invalid-parameter-status` names. */
  invalidParameterStatuses(): Set<number> {
    return new Set(Object.values(this.operation.invalidParameterStatus ?? {}))
  }

  /** The status a bad value of `name` gets: that of its format when the spec names one, else the default. */
  invalidStatusOf(name: string): number {
    const { format } = this.queryParameter(name).schema
    const statuses = this.operation.invalidParameterStatus ?? this.missing('x-invalid-parameter-status')
    return (format !== undefined ? statuses[format] : undefined) ?? statuses.default
  }

  /** The response the spec documents for `status`: by its number, its class (`4XX`) or `default`. */
  response(status: number) {
    const keys = [String(status), `${String(status)[0]}XX`, 'default']
    for (const key of keys) {
      const found = this.operation.responses.find((response) => response.status === key)
      if (found) return found
    }
    return undefined
  }

  documents(status: number): boolean {
    return this.response(status) !== undefined
  }

  /** The status keys as the spec writes them, e.g. `200, 400, 4XX`. */
  documentedStatuses(): string[] {
    return this.operation.responses.map((response) => response.status)
  }

  /** The media types of a documented response; empty when the spec documents it without a body. */
  responseMediaTypes(status: number): readonly string[] {
    return (this.response(status) ?? this.missing(`a ${status} response`)).mediaTypes
  }

  /** The headers documented for `status`; empty when it is not documented. */
  responseHeaders(status: number): readonly ApiHeader[] {
    return this.response(status)?.headers ?? []
  }

  /** Whether `status`'s response documents a header named `name` (any case). */
  documentsHeader(status: number, name: string): boolean {
    return this.responseHeaders(status).some((header) => header.name.toLowerCase() === name.toLowerCase())
  }

  /** Every media type the operation documents a response in, e.g. `application/json, application/problem+json`. */
  mediaTypes(): string[] {
    return [...new Set(this.operation.responses.flatMap((response) => response.mediaTypes))]
  }

  /** The documented values of an item field (kaiten.sh's `status`), or undefined for an open one. */
  itemFieldValues(name: string): string[] | undefined {
    return this.operation.item?.fields.find((field) => field.name === name)?.enum?.map(String)
  }
}
