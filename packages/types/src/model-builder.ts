// Builds an ApiModel from an OpenAPI 3.1 document: the one implementation behind `pnpm generate` and behind tests
// that build a model from an edited copy of a spec. Pure: it reads the document and returns data.
import type {
  ApiHeader,
  ApiItem,
  ApiItemField,
  ApiModel,
  ApiOperation,
  ApiParameter,
  ApiResponse,
  ApiServer,
  ApiServerVariable,
  ApiValueSchema,
  Extensions,
  HttpMethod,
  InvalidParameterStatus,
  JsonType,
  JsonValue,
  LimitClamp,
  ParameterLocation,
  ParameterStyle,
  RateLimit,
} from './api-model.js'

type Json = { readonly [key: string]: unknown }

const HTTP_METHODS: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]
const JSON_TYPES: readonly JsonType[] = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null']
const LOCATIONS: readonly ParameterLocation[] = ['query', 'path', 'header', 'cookie']
const STYLES: readonly ParameterStyle[] = [
  'form',
  'simple',
  'label',
  'matrix',
  'spaceDelimited',
  'pipeDelimited',
  'deepObject',
]
const VALUE_KEYWORDS = [
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'default',
  'enum',
] as const
// A $ref chain longer than this is a cycle in any document a person wrote.
const MAX_REF_HOPS = 32

/** A document the builder cannot read, with the JSON pointer of the offending node. */
export class ApiModelError extends Error {
  constructor(
    readonly pointer: string,
    problem: string,
  ) {
    super(`${pointer || '#'}: ${problem}`)
    this.name = 'ApiModelError'
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1')
}

class Resolver {
  constructor(private readonly root: Json) {}

  /** Follows local `$ref`s until a node without one; returns it with the pointer it lives at. */
  resolve(node: unknown, pointer: string): { node: Json; pointer: string } {
    let current = node
    let at = pointer
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
      if (hops >= MAX_REF_HOPS) throw new ApiModelError(at, '$ref cycle')
      const ref = current.$ref
      if (!ref.startsWith('#')) throw new ApiModelError(at, `only local $refs are supported, got ${ref}`)
      at = ref.slice(1)
      current = this.lookup(at)
    }
    if (!isObject(current)) throw new ApiModelError(at, 'expected an object')
    return { node: current, pointer: at }
  }

  private lookup(pointer: string): unknown {
    let node: unknown = this.root
    for (const raw of pointer.split('/').slice(1)) {
      const token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~')
      node = isObject(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined
      if (node === undefined) throw new ApiModelError(pointer, 'the $ref points at nothing')
    }
    return node
  }
}

function extensionsOf(node: Json): Extensions {
  const out: Record<string, JsonValue> = {}
  for (const [key, value] of Object.entries(node)) if (key.startsWith('x-')) out[key] = value as JsonValue
  return out
}

function finiteNumber(node: Json, key: string, pointer: string): number {
  const value = node[key]
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ApiModelError(`${pointer}/${key}`, `expected a number, got ${JSON.stringify(value)}`)
  return value
}

/** The JSON types a schema allows, following `$ref`, `anyOf` and `oneOf`; empty means any value. */
function typesOf(resolver: Resolver, schema: unknown, pointer: string): JsonType[] {
  const { node, pointer: at } = resolver.resolve(schema, pointer)
  const alternatives = (node.anyOf ?? node.oneOf) as unknown
  if (Array.isArray(alternatives)) {
    const union = new Set<JsonType>()
    for (const [i, member] of alternatives.entries()) {
      const memberTypes = typesOf(resolver, member, `${at}/${node.anyOf ? 'anyOf' : 'oneOf'}/${i}`)
      if (memberTypes.length === 0) return []
      for (const type of memberTypes) union.add(type)
    }
    return JSON_TYPES.filter((type) => union.has(type))
  }
  const declared = node.type
  if (declared === undefined) return []
  const list = Array.isArray(declared) ? declared : [declared]
  for (const type of list)
    if (!JSON_TYPES.includes(type as JsonType))
      throw new ApiModelError(`${at}/type`, `unknown JSON type ${JSON.stringify(type)}`)
  return list as JsonType[]
}

function valueSchemaOf(resolver: Resolver, schema: unknown, pointer: string): ApiValueSchema {
  const { node, pointer: at } = resolver.resolve(schema, pointer)
  const out: { -readonly [K in keyof ApiValueSchema]: ApiValueSchema[K] } = {
    types: typesOf(resolver, node, at),
  }
  for (const keyword of VALUE_KEYWORDS) {
    if (node[keyword] !== undefined) (out as Record<string, unknown>)[keyword] = node[keyword]
  }
  if (node.items !== undefined) out.items = valueSchemaOf(resolver, node.items, `${at}/items`)
  return out
}

function limitClampOf(node: Json, pointer: string): LimitClamp | undefined {
  const raw = node['x-kaiten-limit-clamp']
  if (raw === undefined) return undefined
  const at = `${pointer}/x-kaiten-limit-clamp`
  if (!isObject(raw)) throw new ApiModelError(at, 'expected an object')
  const clamp: { above: number; applies: number; zeroMeans?: 'default' } = {
    above: finiteNumber(raw, 'above', at),
    applies: finiteNumber(raw, 'applies', at),
  }
  if (raw.zeroMeans !== undefined) {
    if (raw.zeroMeans !== 'default')
      throw new ApiModelError(`${at}/zeroMeans`, `expected "default", got ${JSON.stringify(raw.zeroMeans)}`)
    clamp.zeroMeans = 'default'
  }
  return clamp
}

function parameterOf(resolver: Resolver, raw: unknown, pointer: string): ApiParameter {
  const { node, pointer: at } = resolver.resolve(raw, pointer)
  const name = node.name
  const location = node.in as ParameterLocation
  if (typeof name !== 'string') throw new ApiModelError(`${at}/name`, 'expected a string')
  if (!LOCATIONS.includes(location))
    throw new ApiModelError(`${at}/in`, `expected one of ${LOCATIONS.join(', ')}`)
  const style = (node.style ??
    (location === 'query' || location === 'cookie' ? 'form' : 'simple')) as ParameterStyle
  if (!STYLES.includes(style))
    throw new ApiModelError(`${at}/style`, `unknown style ${JSON.stringify(style)}`)
  if (node.schema === undefined) throw new ApiModelError(at, 'a parameter without a schema is not supported')
  const parameter: { -readonly [K in keyof ApiParameter]: ApiParameter[K] } = {
    name,
    in: location,
    required: node.required === true,
    style,
    explode: typeof node.explode === 'boolean' ? node.explode : style === 'form',
    schema: valueSchemaOf(resolver, node.schema, `${at}/schema`),
    extensions: extensionsOf(node),
  }
  const clamp = limitClampOf(node, at)
  if (clamp) parameter.limitClamp = clamp
  return parameter
}

function serversOf(raw: unknown, pointer: string): ApiServer[] {
  if (!Array.isArray(raw)) return []
  return raw.map((server, i) => {
    if (!isObject(server) || typeof server.url !== 'string')
      throw new ApiModelError(`${pointer}/${i}`, 'expected a server with a url')
    const variables: Record<string, ApiServerVariable> = {}
    for (const [name, variable] of Object.entries(isObject(server.variables) ? server.variables : {})) {
      if (!isObject(variable) || typeof variable.default !== 'string')
        throw new ApiModelError(`${pointer}/${i}/variables/${name}`, 'expected a variable with a default')
      variables[name] = {
        default: variable.default,
        ...(Array.isArray(variable.enum) ? { enum: variable.enum as string[] } : {}),
      }
    }
    return { url: server.url, variables }
  })
}

function headersOf(resolver: Resolver, raw: unknown, pointer: string): ApiHeader[] {
  if (!isObject(raw)) return []
  return Object.entries(raw).map(([name, header]) => {
    const { node, pointer: at } = resolver.resolve(header, `${pointer}/${escapeToken(name)}`)
    return {
      name,
      required: node.required === true,
      schema:
        node.schema === undefined ? { types: [] } : valueSchemaOf(resolver, node.schema, `${at}/schema`),
    }
  })
}

function responsesOf(resolver: Resolver, raw: unknown, pointer: string): ApiResponse[] {
  if (!isObject(raw)) throw new ApiModelError(pointer, 'an operation must document its responses')
  return Object.entries(raw).map(([status, response]) => {
    const { node, pointer: at } = resolver.resolve(response, `${pointer}/${status}`)
    return {
      status,
      mediaTypes: isObject(node.content) ? Object.keys(node.content) : [],
      headers: headersOf(resolver, node.headers, `${at}/headers`),
    }
  })
}

/** The object item of the 200 response's array body, if there is one. */
function itemOf(resolver: Resolver, responses: unknown, pointer: string): ApiItem | undefined {
  if (!isObject(responses) || responses['200'] === undefined) return undefined
  const { node: ok, pointer: okAt } = resolver.resolve(responses['200'], `${pointer}/200`)
  if (!isObject(ok.content)) return undefined
  const [mediaType, media] = Object.entries(ok.content).find(([type]) => /[/+]json\b/.test(type)) ?? []
  if (!mediaType || !isObject(media) || media.schema === undefined) return undefined
  const mediaAt = `${okAt}/content/${escapeToken(mediaType)}`
  const { node: body, pointer: bodyAt } = resolver.resolve(media.schema, `${mediaAt}/schema`)
  if (body.type !== 'array' || body.items === undefined) return undefined
  const { node: item, pointer: itemAt } = resolver.resolve(body.items, `${bodyAt}/items`)
  if (!isObject(item.properties)) return undefined
  const required = new Set(Array.isArray(item.required) ? (item.required as string[]) : [])
  const fields: ApiItemField[] = Object.entries(item.properties).map(([name, property]) => {
    const propertyAt = `${itemAt}/properties/${escapeToken(name)}`
    const { node } = resolver.resolve(property, propertyAt)
    return {
      name,
      required: required.has(name),
      types: typesOf(resolver, node, propertyAt),
      ...(typeof node.format === 'string' ? { format: node.format } : {}),
      ...(Array.isArray(node.enum) ? { enum: node.enum as JsonValue[] } : {}),
    }
  })
  for (const name of required)
    if (!fields.some((field) => field.name === name)) fields.push({ name, required: true, types: [] })
  return { fields }
}

function rateLimitOf(node: Json, pointer: string): RateLimit | undefined {
  const raw = node['x-rate-limit']
  if (raw === undefined) return undefined
  const at = `${pointer}/x-rate-limit`
  if (!isObject(raw)) throw new ApiModelError(at, 'expected an object')
  return {
    requests: finiteNumber(raw, 'requests', at),
    windowSeconds: finiteNumber(raw, 'windowSeconds', at),
  }
}

function invalidParameterStatusOf(node: Json, pointer: string): InvalidParameterStatus | undefined {
  const raw = node['x-invalid-parameter-status']
  if (raw === undefined) return undefined
  const at = `${pointer}/x-invalid-parameter-status`
  if (!isObject(raw)) throw new ApiModelError(at, 'expected an object')
  const statuses: Record<string, number> = {}
  for (const key of Object.keys(raw)) {
    const status = finiteNumber(raw, key, at)
    if (!Number.isInteger(status) || status < 400 || status > 599)
      throw new ApiModelError(`${at}/${key}`, `expected an HTTP error status, got ${status}`)
    statuses[key] = status
  }
  if (statuses.default === undefined) throw new ApiModelError(at, 'a `default` status is required')
  return statuses as InvalidParameterStatus
}

function operationOf(
  resolver: Resolver,
  document: Json,
  path: string,
  pathItem: Json,
  method: HttpMethod,
): ApiOperation {
  const pathAt = `/paths/${escapeToken(path)}`
  const at = `${pathAt}/${method}`
  const { node } = resolver.resolve(pathItem[method], at)
  const operationId = node.operationId
  if (typeof operationId !== 'string') throw new ApiModelError(`${at}/operationId`, 'expected a string')

  const byKey = new Map<string, ApiParameter>()
  const collect = (list: unknown, listAt: string) => {
    if (list === undefined) return
    if (!Array.isArray(list)) throw new ApiModelError(listAt, 'expected an array')
    for (const [i, raw] of list.entries()) {
      const parameter = parameterOf(resolver, raw, `${listAt}/${i}`)
      byKey.set(`${parameter.in} ${parameter.name}`, parameter)
    }
  }
  collect(pathItem.parameters, `${pathAt}/parameters`)
  collect(node.parameters, `${at}/parameters`)

  const servers = [node.servers, pathItem.servers, document.servers].find(Array.isArray)
  const serversAt = node.servers ? `${at}/servers` : pathItem.servers ? `${pathAt}/servers` : '/servers'
  const operation: { -readonly [K in keyof ApiOperation]: ApiOperation[K] } = {
    operationId,
    method,
    path,
    servers: serversOf(servers, serversAt),
    parameters: [...byKey.values()],
    responses: responsesOf(resolver, node.responses, `${at}/responses`),
    extensions: extensionsOf(node),
  }
  const item = itemOf(resolver, node.responses, `${at}/responses`)
  if (item) operation.item = item
  const rateLimit = rateLimitOf(node, at)
  if (rateLimit) operation.rateLimit = rateLimit
  const invalidParameterStatus = invalidParameterStatusOf(node, at)
  if (invalidParameterStatus) operation.invalidParameterStatus = invalidParameterStatus
  return operation
}

/**
 * The model of an OpenAPI 3.1 document (parsed YAML or JSON): every operation with its servers, parameters, documented
 * responses, list item and vendor extensions, all `$ref`s resolved. Throws `ApiModelError` naming the JSON pointer of
 * anything it cannot read.
 */
export function buildApiModel(document: unknown): ApiModel {
  if (!isObject(document)) throw new ApiModelError('', 'expected an OpenAPI document object')
  const info = isObject(document.info) ? document.info : {}
  const resolver = new Resolver(document)
  const operations: Record<string, ApiOperation> = {}
  for (const [path, rawPathItem] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    const { node: pathItem } = resolver.resolve(rawPathItem, `/paths/${escapeToken(path)}`)
    for (const method of HTTP_METHODS) {
      if (pathItem[method] === undefined) continue
      const operation = operationOf(resolver, document, path, pathItem, method)
      if (operations[operation.operationId])
        throw new ApiModelError(
          `/paths/${escapeToken(path)}/${method}`,
          `duplicate operationId ${operation.operationId}`,
        )
      operations[operation.operationId] = operation
    }
  }
  return {
    title: typeof info.title === 'string' ? info.title : '',
    version: typeof info.version === 'string' ? info.version : '',
    operations,
  }
}
