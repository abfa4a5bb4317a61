// Checks a recorded HTTP response against the bundled spec: documented status, content type, headers and body.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { INTEGER_FORMAT_RANGES } from './integer-formats.js'
import { type ApiName, specs } from './spec.js'

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

export { type ApiName, specs }

export interface RecordedResponse {
  /** Lower-case HTTP method, e.g. `get`. */
  method: string
  /** The spec's path template, e.g. `/audit-logs` or `/instances/{instanceSlug}/audit-trails`. */
  path: string
  status: number
  headers: Headers | Readonly<Record<string, string>>
  /** The raw body text; an empty string when the response had none. */
  body: string
}

/** One way a response differs from the spec. `path` is a JSON path into the response (`$.body[3].status`). */
export interface Violation {
  path: string
  expected: string
  actual: string
  message: string
}

type Json = Record<string, unknown>

function createAjv(documents: Readonly<Record<string, unknown>> = specs): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
  addFormats(ajv)
  for (const [name, { min, max }] of Object.entries(INTEGER_FORMAT_RANGES)) {
    ajv.addFormat(name, {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= min && n <= max,
    })
  }
  for (const [name, spec] of Object.entries(documents)) ajv.addSchema(spec as Json, name)
  return ajv
}

/** One spec document and the compiled validators of the schemas in it. */
interface SpecContext {
  readonly api: string
  readonly root: unknown
  validator(pointer: string): ValidateFunction
}

const bundledContexts = new Map<ApiName, SpecContext>()
/** Edited documents (a test's copy of a spec), each with its own ajv, dropped with the document. */
const editedContexts = new WeakMap<object, SpecContext>()

function contextOf(api: ApiName, document: object | undefined): SpecContext {
  if (document === undefined) {
    let context = bundledContexts.get(api)
    if (!context) {
      context = { api, root: specs[api], validator: (pointer) => schemaValidator(api, pointer) }
      bundledContexts.set(api, context)
    }
    return context
  }
  let context = editedContexts.get(document)
  if (!context) {
    const ajv = createAjv({ [api]: document })
    const validators = new Map<string, ValidateFunction>()
    context = {
      api,
      root: document,
      validator: (pointer) => {
        let validate = validators.get(pointer)
        if (!validate) {
          validate = ajv.compile({ $ref: `${api}#${pointer}` })
          validators.set(pointer, validate)
        }
        return validate
      },
    }
    editedContexts.set(document, context)
  }
  return context
}

let sharedAjv: Ajv2020 | undefined
const compiled = new Map<string, ValidateFunction>()

/** Compiles (once) the schema found at a JSON pointer inside one of the bundled specs. */
export function schemaValidator(api: ApiName, pointer: string): ValidateFunction {
  const key = `${api}#${pointer}`
  let validate = compiled.get(key)
  if (!validate) {
    sharedAjv ??= createAjv()
    validate = sharedAjv.compile({ $ref: key })
    compiled.set(key, validate)
  }
  return validate
}

export function escapePointer(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** Follows `$ref`s inside one spec, returning the object and the pointer it lives at. */
export function resolveRef(api: ApiName, node: unknown, pointer: string): { node: Json; pointer: string } {
  return resolveIn(contextOf(api, undefined), node, pointer)
}

function resolveIn(context: SpecContext, node: unknown, pointer: string): { node: Json; pointer: string } {
  let current = node as Json
  let at = pointer
  for (let hops = 0; typeof current?.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${at} in ${context.api}`)
    at = (current.$ref as string).replace(/^#/, '')
    current = lookup(context.root, at) as Json
  }
  return { node: current, pointer: at }
}

function lookup(root: unknown, pointer: string): unknown {
  let node = root
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    node = (node as Json | undefined)?.[token]
  }
  return node
}

function headerValue(headers: RecordedResponse['headers'], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name)
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value
  return null
}

function excerpt(text: string, max = 120): string {
  return text.length > max
    ? `${JSON.stringify(text.slice(0, max))}… (${text.length} chars)`
    : JSON.stringify(text)
}

function show(value: unknown): string {
  if (value === undefined) return 'absent'
  const text = JSON.stringify(value)
  return text.length > 120 ? `${text.slice(0, 120)}…` : text
}

function jsonPath(base: string, instancePath: string): string {
  let out = base
  for (const raw of instancePath.split('/').slice(1)) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    out += /^\d+$/.test(token)
      ? `[${token}]`
      : /^[A-Za-z_$][\w$]*$/.test(token)
        ? `.${token}`
        : `[${JSON.stringify(token)}]`
  }
  return out
}

function describeExpectation(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'type':
      return `type ${String(p.type)}`
    case 'required':
      return `property ${String(p.missingProperty)} present`
    case 'enum':
      return `one of ${show(p.allowedValues)}`
    case 'const':
      return `exactly ${show(p.allowedValue)}`
    case 'format':
      return `format ${String(p.format)}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${String(p.comparison)} ${String(p.limit)}`
    default:
      return error.message ?? error.keyword
  }
}

/** Turns ajv errors into violations, reading the actual value from the validated data. */
export function ajvViolations(
  errors: readonly ErrorObject[] | null | undefined,
  data: unknown,
  base: string,
): Violation[] {
  return (errors ?? [])
    .filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf')
    .map((error) => {
      const missing =
        error.keyword === 'required' ? `/${escapePointer(String(error.params.missingProperty))}` : ''
      const path = jsonPath(base, error.instancePath + missing)
      const actual = missing ? undefined : lookup(data, error.instancePath)
      return {
        path,
        expected: describeExpectation(error),
        actual: show(actual),
        message: `${path}: expected ${describeExpectation(error)}, got ${show(actual)}`,
      }
    })
}

function violation(path: string, expected: string, actual: string): Violation {
  return { path, expected, actual, message: `${path}: expected ${expected}, got ${actual}` }
}

/**
 * Every way `response` departs from what the spec documents for its operation; empty when it conforms. `document` is
 * the spec to judge by, e.g. an edited copy of `api`'s (default: the bundled one); its validators are compiled once
 * per document.
 */
export function validateResponse(api: ApiName, response: RecordedResponse, document?: object): Violation[] {
  const context = contextOf(api, document)
  const operationPointer = `/paths/${escapePointer(response.path)}/${response.method.toLowerCase()}`
  const operation = lookup(context.root, operationPointer) as Json | undefined
  if (!operation)
    throw new Error(`${api} documents no operation ${response.method.toUpperCase()} ${response.path}`)
  const responses = operation.responses as Json
  const statusKey = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find(
    (k) => k in responses,
  )
  if (!statusKey) {
    return [violation('$.status', `one of ${Object.keys(responses).join(', ')}`, String(response.status))]
  }
  const { node: documented, pointer } = resolveIn(
    context,
    responses[statusKey],
    `${operationPointer}/responses/${statusKey}`,
  )
  const violations: Violation[] = []

  const headers = (documented.headers ?? {}) as Json
  for (const [name, rawHeader] of Object.entries(headers)) {
    const { node: header, pointer: headerPointer } = resolveIn(
      context,
      rawHeader,
      `${pointer}/headers/${escapePointer(name)}`,
    )
    const value = headerValue(response.headers, name)
    const path = `$.headers[${JSON.stringify(name.toLowerCase())}]`
    if (value === null) {
      if (header.required === true) violations.push(violation(path, 'header present', 'absent'))
      continue
    }
    const schema = (header.schema ?? {}) as Json
    // Header values are text; compare numbers as numbers, and leave non-numeric text for the type check to reject.
    const numeric =
      (schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value.trim())
    const typed = numeric ? Number(value) : value
    const validate = context.validator(`${headerPointer}/schema`)
    if (!validate(typed))
      violations.push(
        ...ajvViolations(validate.errors, typed, path).map((v) => ({ ...v, actual: JSON.stringify(value) })),
      )
  }

  const content = documented.content as Json | undefined
  const contentType = headerValue(response.headers, 'content-type')
  if (!content) {
    if (response.body.length > 0) {
      violations.push(
        violation(
          '$.body',
          'no body (none documented)',
          `${contentType ?? 'untyped'} body ${excerpt(response.body)}`,
        ),
      )
    }
    return violations
  }
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!(mediaType in content)) {
    violations.push(
      violation(
        '$.headers["content-type"]',
        `one of ${Object.keys(content).join(', ')}`,
        contentType ?? 'absent',
      ),
    )
    return violations
  }
  let body: unknown
  try {
    body = JSON.parse(response.body)
  } catch {
    violations.push(violation('$.body', `valid JSON (${mediaType})`, excerpt(response.body)))
    return violations
  }
  const validate = context.validator(`${pointer}/content/${escapePointer(mediaType)}/schema`)
  if (!validate(body)) violations.push(...ajvViolations(validate.errors, body, '$.body'))
  return violations
}
