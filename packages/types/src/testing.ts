// Edits of an in-memory copy of a spec, for tests proving that code follows the spec: edit, build the model with the
// same builder `pnpm generate` uses, hand the model to the code under test. Nothing in the repository is rewritten.
import type { ApiModel, JsonValue } from './api-model.js'
import { ApiModelError, buildApiModel } from './model-builder.js'
import { type ApiName, specs } from './spec.js'

/** A spec document being edited: plain, mutable JSON. */
export type SpecDocument = Record<string, unknown>

/** One change to a spec document, applied in place to a copy. */
export type SpecEdit = (document: SpecDocument) => void

type Node = Record<string, unknown>

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function lookup(document: SpecDocument, pointer: string): Node {
  let node: unknown = document
  for (const raw of pointer.split('/').slice(1)) {
    node = isNode(node) ? node[raw.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined
  }
  if (!isNode(node)) throw new ApiModelError(pointer, 'the edit points at nothing')
  return node
}

/** The node itself, or the node its local `$ref` chain ends at (edits land where the spec defines the thing). */
function follow(document: SpecDocument, node: unknown, pointer: string): Node {
  let current = node
  for (let hops = 0; isNode(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new ApiModelError(pointer, '$ref cycle')
    current = lookup(document, current.$ref.slice(1))
  }
  if (!isNode(current)) throw new ApiModelError(pointer, 'expected an object')
  return current
}

function operation(document: SpecDocument, operationId: string): Node {
  for (const pathItem of Object.values(isNode(document.paths) ? document.paths : {})) {
    if (!isNode(pathItem)) continue
    for (const candidate of Object.values(pathItem))
      if (isNode(candidate) && candidate.operationId === operationId) return candidate
  }
  throw new ApiModelError('/paths', `no operation ${operationId}`)
}

function parameter(document: SpecDocument, operationId: string, name: string): Node {
  const list = operation(document, operationId).parameters
  for (const raw of Array.isArray(list) ? list : []) {
    const resolved = follow(document, raw, `/${operationId}/parameters`)
    if (resolved.name === name) return resolved
  }
  throw new ApiModelError(`/${operationId}/parameters`, `no parameter ${name}`)
}

/** A deep copy of a bundled spec document, free to edit. */
export function specDocument(api: ApiName): SpecDocument {
  return structuredClone(specs[api]) as SpecDocument
}

/** A copy of the api's spec with the edits applied, and the model built from it by the generator's builder. */
export function editedSpec(
  api: ApiName,
  ...edits: readonly SpecEdit[]
): { document: SpecDocument; model: ApiModel } {
  const document = specDocument(api)
  for (const edit of edits) edit(document)
  return { document, model: buildApiModel(document) }
}

/**
 * Merges `patch` into a parameter's schema (where its `$ref` leads), e.g. `{ maximum: 300 }`; a key set to
 * `undefined` is removed.
 */
export function patchParameterSchema(
  operationId: string,
  name: string,
  patch: Readonly<Record<string, unknown>>,
): SpecEdit {
  return (document) => {
    const schema = follow(
      document,
      parameter(document, operationId, name).schema,
      `/${operationId}/${name}/schema`,
    )
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete schema[key]
      else schema[key] = value
    }
  }
}

/** Adds a value to the enum of a parameter's schema, or of its items' schema for a list parameter. */
export function addEnumValue(operationId: string, name: string, value: JsonValue): SpecEdit {
  return (document) => {
    const at = `/${operationId}/${name}/schema`
    let schema = follow(document, parameter(document, operationId, name).schema, at)
    if (!Array.isArray(schema.enum) && schema.items !== undefined)
      schema = follow(document, schema.items, `${at}/items`)
    if (!Array.isArray(schema.enum)) throw new ApiModelError(at, `parameter ${name} has no enum`)
    schema.enum.push(value)
  }
}

/** Appends a parameter object (e.g. `{ name, in: 'query', schema }`) to an operation. */
export function addParameter(operationId: string, definition: Readonly<Record<string, unknown>>): SpecEdit {
  return (document) => {
    const target = operation(document, operationId)
    target.parameters = [
      ...(Array.isArray(target.parameters) ? target.parameters : []),
      structuredClone(definition),
    ]
  }
}

/** Documents a response status (e.g. `'409'`) on an operation. */
export function addResponse(
  operationId: string,
  status: string,
  response: Readonly<Record<string, unknown>> = { description: 'Documented by an edit.' },
): SpecEdit {
  return (document) => {
    const target = operation(document, operationId)
    target.responses = {
      ...(isNode(target.responses) ? target.responses : {}),
      [status]: structuredClone(response),
    }
  }
}

/** Sets (or with `undefined`, removes) an `x-` extension of an operation, e.g. `x-rate-limit`. */
export function setOperationExtension(
  operationId: string,
  key: `x-${string}`,
  value: JsonValue | undefined,
): SpecEdit {
  return (document) => {
    const target = operation(document, operationId)
    if (value === undefined) delete target[key]
    else target[key] = structuredClone(value)
  }
}

/** Sets (or removes) an `x-` extension of a parameter, e.g. `x-kaiten-limit-clamp`. */
export function setParameterExtension(
  operationId: string,
  name: string,
  key: `x-${string}`,
  value: JsonValue | undefined,
): SpecEdit {
  return (document) => {
    const target = parameter(document, operationId, name)
    if (value === undefined) delete target[key]
    else target[key] = structuredClone(value)
  }
}

export { LEAK_PIECE, leakedPieces, reachableStrings } from './testing-leaks.js'
export { type PerturbOptions, perturbAll } from './testing-perturb.js'
export { propertyParameters, propertySeed } from './testing-property-seed.js'
