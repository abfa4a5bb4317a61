// The one operation of each API as its spec document describes it. Checks read bounds, defaults, enums, styles and
// the vendor facts kept in x- extensions from here, never from the query package the mocks parse requests with.
import { kaitenRuSpec, kaitenShSpec } from '@kaiten-audit/types/spec'
import type { ApiName } from '../model.js'

type Json = Record<string, unknown>

export interface SchemaModel {
  type?: string
  format?: string
  minimum?: number
  maximum?: number
  default?: unknown
  enum?: readonly string[]
  items?: SchemaModel
}

export interface ParameterModel {
  name: string
  in: string
  required: boolean
  schema: SchemaModel
  /** OpenAPI's defaults for query parameters: `form`, exploded. */
  style: string
  explode: boolean
  /** `x-kaiten-limit-clamp` */
  limitClamp?: LimitClamp
}

/** kaiten.ru's `limit`: a value above `above` is applied as `applies`; 0 means the parameter's default. */
export interface LimitClamp {
  above: number
  applies: number
  zeroMeans: 'default'
}

const documents: Readonly<Record<ApiName, Json>> = {
  'kaiten-sh': kaitenShSpec as Json,
  'kaiten-ru': kaitenRuSpec as Json,
}

export const operationPaths: Readonly<Record<ApiName, string>> = {
  'kaiten-sh': '/instances/{instanceSlug}/audit-trails',
  'kaiten-ru': '/audit-logs',
}

/** The largest int32: what `format: int32` allows. */
const INT32_MAXIMUM = 2 ** 31 - 1

function fail(api: ApiName, what: string): never {
  throw new Error(`the ${api} spec does not say ${what}`)
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Follows a local `$ref` (`#/components/...`) to the object it names. */
function resolve(api: ApiName, value: unknown): Json {
  if (!isObject(value)) fail(api, `what ${JSON.stringify(value)} is`)
  const ref = value.$ref
  if (typeof ref !== 'string') return value
  let target: unknown = documents[api]
  for (const part of ref.replace(/^#\//, '').split('/')) target = isObject(target) ? target[part] : undefined
  return resolve(api, target)
}

function schemaModel(api: ApiName, value: unknown): SchemaModel {
  const schema = resolve(api, value)
  const model: SchemaModel = {}
  if (typeof schema.type === 'string') model.type = schema.type
  if (typeof schema.format === 'string') model.format = schema.format
  if (typeof schema.minimum === 'number') model.minimum = schema.minimum
  if (typeof schema.maximum === 'number') model.maximum = schema.maximum
  if ('default' in schema) model.default = schema.default
  if (Array.isArray(schema.enum)) model.enum = schema.enum.filter((item) => typeof item === 'string')
  if (schema.items !== undefined) model.items = schemaModel(api, schema.items)
  return model
}

export function operation(api: ApiName): Json {
  const paths = documents[api].paths
  const path = isObject(paths) ? paths[operationPaths[api]] : undefined
  const get = isObject(path) ? path.get : undefined
  if (!isObject(get)) fail(api, `GET ${operationPaths[api]}`)
  return get
}

function parameterModel(api: ApiName, value: unknown): ParameterModel {
  const parameter = resolve(api, value)
  const name = String(parameter.name)
  const style = typeof parameter.style === 'string' ? parameter.style : 'form'
  const model: ParameterModel = {
    name,
    in: String(parameter.in),
    required: parameter.required === true,
    schema: schemaModel(api, parameter.schema),
    style,
    explode: typeof parameter.explode === 'boolean' ? parameter.explode : style === 'form',
  }
  const clamp = parameter['x-kaiten-limit-clamp']
  if (clamp !== undefined) {
    if (
      !isObject(clamp) ||
      typeof clamp.above !== 'number' ||
      typeof clamp.applies !== 'number' ||
      clamp.zeroMeans !== 'default'
    ) {
      fail(api, `x-kaiten-limit-clamp of ${name} as {above, applies, zeroMeans: default}`)
    }
    model.limitClamp = { above: clamp.above, applies: clamp.applies, zeroMeans: 'default' }
  }
  return model
}

const queryCache = new Map<ApiName, readonly ParameterModel[]>()

/** The operation's query parameters, in the spec's order. */
export function queryParameters(api: ApiName): readonly ParameterModel[] {
  let parameters = queryCache.get(api)
  if (!parameters) {
    const list = operation(api).parameters
    parameters = (Array.isArray(list) ? list : [])
      .map((parameter) => parameterModel(api, parameter))
      .filter((parameter) => parameter.in === 'query')
    queryCache.set(api, parameters)
  }
  return parameters
}

export function queryParameter(api: ApiName, name: string): ParameterModel {
  return (
    queryParameters(api).find((parameter) => parameter.name === name) ??
    fail(api, `a query parameter ${name}`)
  )
}

export interface PageLimits {
  minimum: number
  default: number
  /** The largest page the server fills: the schema's maximum, or what a clamp applies. */
  max: number
  clamp?: LimitClamp
}

export function pageLimits(api: ApiName): PageLimits {
  const limit = queryParameter(api, 'limit')
  const { minimum, maximum } = limit.schema
  const defaultValue = limit.schema.default
  if (minimum === undefined) fail(api, 'the minimum of limit')
  if (typeof defaultValue !== 'number') fail(api, 'the default of limit')
  const max = limit.limitClamp?.applies ?? maximum ?? fail(api, 'the maximum of limit')
  return {
    minimum,
    default: defaultValue,
    max,
    ...(limit.limitClamp ? { clamp: limit.limitClamp } : {}),
  }
}

/** The page size the spec says a server applies for `requested` (absent: the default). */
export function appliedLimit(api: ApiName, requested: number | undefined): number {
  const limits = pageLimits(api)
  if (requested === undefined) return limits.default
  if (limits.clamp) {
    if (requested === 0) return limits.default
    if (requested > limits.clamp.above) return limits.clamp.applies
  }
  return requested
}

/** The largest offset the schema allows: its maximum, the int32 maximum, or none. */
export function largestOffset(api: ApiName): number | undefined {
  const { schema } = queryParameter(api, 'offset')
  if (schema.maximum !== undefined) return schema.maximum
  return schema.format === 'int32' ? INT32_MAXIMUM : undefined
}

export interface RateLimit {
  requests: number
  windowMs: number
}

/** `x-rate-limit` of the operation; undefined when the API documents none. */
export function rateLimit(api: ApiName): RateLimit | undefined {
  const limit = operation(api)['x-rate-limit']
  if (limit === undefined) return undefined
  if (!isObject(limit) || typeof limit.requests !== 'number' || typeof limit.windowSeconds !== 'number') {
    fail(api, 'x-rate-limit as {requests, windowSeconds}')
  }
  return { requests: limit.requests, windowMs: limit.windowSeconds * 1000 }
}

/** `x-rate-limit` of an API that must document one (kaiten.ru); a spec without it cannot be paced by. */
export function requiredRateLimit(api: ApiName): RateLimit {
  return rateLimit(api) ?? fail(api, 'x-rate-limit, which a paced run needs')
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

/** The status `x-invalid-parameter-status` documents for a value that breaks `breaks`. */
export function invalidParameterStatus(api: ApiName, breaks: Breaks): number {
  const statuses = operation(api)['x-invalid-parameter-status']
  if (!isObject(statuses) || typeof statuses.default !== 'number') {
    fail(api, 'x-invalid-parameter-status with a default')
  }
  const specific = statuses[breaks]
  return typeof specific === 'number' ? specific : statuses.default
}

/** The media types of a documented response; empty when the spec documents it without a body. */
export function responseMediaTypes(api: ApiName, status: number): string[] {
  const responses = operation(api).responses
  const documented = isObject(responses) ? responses[String(status)] : undefined
  if (documented === undefined) fail(api, `a ${status} response`)
  const content = resolve(api, documented).content
  return isObject(content) ? Object.keys(content) : []
}

/** The `detail` of the documented example of a response (`components.responses`' problem example). */
export function documentedProblemDetail(api: ApiName, status: number): string {
  const responses = operation(api).responses
  const documented = isObject(responses) ? responses[String(status)] : undefined
  if (documented === undefined) fail(api, `a ${status} response`)
  const content = resolve(api, documented).content
  for (const media of isObject(content) ? Object.values(content) : []) {
    const example = isObject(media) ? media.example : undefined
    if (isObject(example) && typeof example.detail === 'string') return example.detail
  }
  return fail(api, `the detail of the ${status} response's example`)
}
