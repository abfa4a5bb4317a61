// The shape of a generated API model: the facts of an OpenAPI document that drive behaviour, with every `$ref`
// resolved. `buildApiModel` (model-builder.ts) produces it; `pnpm generate` writes one per API as `*.model.gen.ts`.

/** The APIs `specs/redocly.yaml` names, by the names every package uses for them. */
export type ApiName = 'kaiten-sh' | 'kaiten-ru'

/** Any JSON value, as a spec writes defaults, enums and extension values. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue }

/** The JSON types of JSON Schema; `integer` is a number without a fraction. */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null'

/** Every `x-` key of the object it was found on, with its value as written. */
export type Extensions = Readonly<Record<string, JsonValue>>

/** The facts of a parameter's or header's schema that decide which values are valid. */
export interface ApiValueSchema {
  /** The JSON types allowed; empty when the schema allows any value. */
  readonly types: readonly JsonType[]
  readonly format?: string
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly exclusiveMaximum?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly pattern?: string
  readonly default?: JsonValue
  readonly enum?: readonly JsonValue[]
  /** The schema of each item, for an array. */
  readonly items?: ApiValueSchema
}

/** OpenAPI 3.1 parameter serialisation styles. */
export type ParameterStyle =
  | 'form'
  | 'simple'
  | 'label'
  | 'matrix'
  | 'spaceDelimited'
  | 'pipeDelimited'
  | 'deepObject'

export type ParameterLocation = 'query' | 'path' | 'header' | 'cookie'

/**
 * `x-kaiten-limit-clamp`: the API applies `applies` to any value above `above` instead of rejecting it, and, when
 * `zeroMeans` is `default`, applies the parameter's default to 0.
 */
export interface LimitClamp {
  readonly above: number
  readonly applies: number
  readonly zeroMeans?: 'default'
}

export interface ApiParameter {
  readonly name: string
  readonly in: ParameterLocation
  readonly required: boolean
  /** The style as written, or OpenAPI's default for the location (`form` for query and cookie, else `simple`). */
  readonly style: ParameterStyle
  /** As written, or OpenAPI's default (true for `form`, else false). */
  readonly explode: boolean
  readonly schema: ApiValueSchema
  /** `x-kaiten-limit-clamp`, checked. */
  readonly limitClamp?: LimitClamp
  readonly extensions: Extensions
}

export interface ApiServerVariable {
  readonly default: string
  readonly enum?: readonly string[]
}

export interface ApiServer {
  /** The URL template, e.g. `https://{domain}.kaiten.ru/api/latest`. */
  readonly url: string
  readonly variables: Readonly<Record<string, ApiServerVariable>>
}

export interface ApiHeader {
  readonly name: string
  readonly required: boolean
  readonly schema: ApiValueSchema
}

export interface ApiResponse {
  /** The status as the spec keys it: `200`, `4XX` or `default`. */
  readonly status: string
  /** Media types of the documented body; empty when no body is documented. */
  readonly mediaTypes: readonly string[]
  readonly headers: readonly ApiHeader[]
}

/** One property of the item a list operation answers with. */
export interface ApiItemField {
  readonly name: string
  readonly required: boolean
  /** The JSON types the value may have; empty when any value is allowed. */
  readonly types: readonly JsonType[]
  readonly format?: string
  readonly enum?: readonly JsonValue[]
}

/** The object schema of the items of a 200 array body. */
export interface ApiItem {
  readonly fields: readonly ApiItemField[]
}

/** `x-rate-limit`: at most `requests` requests in each window of `windowSeconds`. */
export interface RateLimit {
  readonly requests: number
  readonly windowSeconds: number
}

/**
 * `x-invalid-parameter-status`: the status answering a parameter value that breaks its schema. `default` covers every
 * violation; a key naming a format (e.g. `date-time`) covers a value that breaks that format.
 */
export type InvalidParameterStatus = Readonly<Record<string, number>> & { readonly default: number }

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace'

export interface ApiOperation {
  readonly operationId: string
  readonly method: HttpMethod
  /** The path template as the spec keys it, e.g. `/instances/{instanceSlug}/audit-trails`. */
  readonly path: string
  /** The servers that apply: the operation's, else its path's, else the document's. */
  readonly servers: readonly ApiServer[]
  /** Path-level and operation-level parameters, the operation's winning, in the order written. */
  readonly parameters: readonly ApiParameter[]
  readonly responses: readonly ApiResponse[]
  /** The item of the 200 array body, when the operation answers a list of objects. */
  readonly item?: ApiItem
  readonly rateLimit?: RateLimit
  readonly invalidParameterStatus?: InvalidParameterStatus
  readonly extensions: Extensions
}

export interface ApiModel {
  readonly title: string
  readonly version: string
  /** Every operation of the document, by `operationId`. */
  readonly operations: Readonly<Record<string, ApiOperation>>
}
