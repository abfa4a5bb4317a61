// "Every fact moved": edits that shift every number and widen every enum of every query parameter of a spec, so code
// that restated a fact instead of reading the model cannot agree with the edited model by chance.
import type { ApiOperation } from './api-model.js'
import { buildApiModel } from './model-builder.js'
import type { ApiName } from './spec.js'
import {
  addEnumValue,
  addParameter,
  addResponse,
  patchParameterSchema,
  type SpecEdit,
  setOperationExtension,
  setParameterExtension,
  specDocument,
} from './testing.js'

export interface PerturbOptions {
  /**
   * Also move the statuses of an invalid parameter to two newly documented ones (409, and 418 for a date-time), for
   * code that answers or judges them. Off by default: a parser alone has no status to follow.
   */
  invalidParameterStatuses?: boolean
}

/** The spec's one operation, from the model the generator builds of the unedited spec. */
function onlyOperation(api: ApiName): [string, ApiOperation] {
  const entries = Object.entries(buildApiModel(specDocument(api)).operations)
  const [first] = entries
  if (entries.length !== 1 || first === undefined)
    throw new Error(`api: ${api} has ${entries.length} operations; allowed: a spec with exactly one`)
  return first
}

/**
 * Moves every number and widens every enum of every query parameter, and adds an optional parameter. Upper bounds and
 * clamps move up, so a restated cap (`Math.min(limit, 500)`) bites as well as a restated check.
 */
export function perturbAll(api: ApiName, options: PerturbOptions = {}): SpecEdit[] {
  const [operationId, operation] = onlyOperation(api)
  const edits: SpecEdit[] = []
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query') continue
    const { schema } = parameter
    const patch: Record<string, unknown> = {}
    if (schema.minimum !== undefined) patch.minimum = schema.minimum + 2
    if (schema.maximum !== undefined) patch.maximum = schema.maximum + 7
    if (typeof schema.default === 'number') patch.default = schema.default + 3
    if (Object.keys(patch).length > 0) edits.push(patchParameterSchema(operationId, parameter.name, patch))
    if (schema.enum !== undefined || schema.items?.enum !== undefined)
      edits.push(addEnumValue(operationId, parameter.name, `${parameter.name}_added`))
    if (parameter.limitClamp)
      edits.push(
        setParameterExtension(operationId, parameter.name, 'x-kaiten-limit-clamp', {
          above: parameter.limitClamp.above + 11,
          applies: parameter.limitClamp.applies + 13,
          zeroMeans: 'default',
        }),
      )
  }
  edits.push(
    addParameter(operationId, {
      name: 'added_count',
      in: 'query',
      schema: { type: 'integer', minimum: 5, maximum: 9 },
    }),
  )
  if (options.invalidParameterStatuses)
    edits.push(
      addResponse(operationId, '409'),
      addResponse(operationId, '418'),
      setOperationExtension(operationId, 'x-invalid-parameter-status', { default: 409, 'date-time': 418 }),
    )
  return edits
}
