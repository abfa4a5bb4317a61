// Reading the facts of one operation out of an API model: which query parameters it has, the integer range each
// allows, the page size a clamped limit gives, its rate limit. Every number here comes from the model.
import {
  type ApiModel,
  type ApiOperation,
  type ApiParameter,
  type ApiValueSchema,
  INTEGER_FORMAT_RANGES,
  type RateLimit,
} from '@kaiten-audit/types'

/** The operation `operationId` of `model`, or an error naming what the model has instead. */
export function operationOf(model: ApiModel, operationId: string): ApiOperation {
  const operation = model.operations[operationId]
  if (operation === undefined)
    throw new Error(
      `the API model has no operation ${operationId}; it has ${Object.keys(model.operations).join(', ') || 'none'}`,
    )
  return operation
}

export function queryParameters(operation: ApiOperation): readonly ApiParameter[] {
  return operation.parameters.filter((parameter) => parameter.in === 'query')
}

/** A query parameter the code gives a meaning to; an error when an edited model no longer has it. */
export function queryParameter(operation: ApiOperation, name: string): ApiParameter {
  const parameter = queryParameters(operation).find((candidate) => candidate.name === name)
  if (parameter === undefined)
    throw new Error(`${operation.operationId} has no query parameter ${name} in the API model`)
  return parameter
}

/** Inclusive integer bounds: the schema's minimum/maximum (exclusive ones too) narrowed by its format's range. */
export interface IntegerBounds {
  min?: number
  max?: number
}

export function integerBounds(schema: ApiValueSchema): IntegerBounds {
  const range = schema.format === undefined ? undefined : INTEGER_FORMAT_RANGES[schema.format]
  const lows = [
    schema.minimum,
    schema.exclusiveMinimum === undefined ? undefined : Math.floor(schema.exclusiveMinimum) + 1,
    range?.min,
  ].filter((n): n is number => n !== undefined)
  const highs = [
    schema.maximum,
    schema.exclusiveMaximum === undefined ? undefined : Math.ceil(schema.exclusiveMaximum) - 1,
    range?.max,
  ].filter((n): n is number => n !== undefined)
  return {
    ...(lows.length > 0 ? { min: Math.ceil(Math.max(...lows)) } : {}),
    ...(highs.length > 0 ? { max: Math.floor(Math.min(...highs)) } : {}),
  }
}

/** The parameter's default when it is an integer; an error when the model gives it none. */
export function integerDefault(parameter: ApiParameter): number {
  const value = parameter.schema.default
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new Error(`query parameter ${parameter.name} has no integer default in the API model`)
  return value
}

/**
 * The value the API applies for an integer within the parameter's schema: `x-kaiten-limit-clamp` turns a value above
 * its `above` into its `applies`, and 0 into the default when `zeroMeans` says so; absent means the default.
 */
export function appliedInteger(parameter: ApiParameter, requested: number | undefined): number {
  const clamp = parameter.limitClamp
  if (requested === undefined) return integerDefault(parameter)
  if (clamp?.zeroMeans === 'default' && requested === 0) return integerDefault(parameter)
  if (clamp !== undefined && requested > clamp.above) return clamp.applies
  return requested
}

/** `x-rate-limit` in milliseconds, the unit the client's and the mocks' limiters count in. */
export function rateLimitOf(operation: ApiOperation): { requests: number; windowMs: number } {
  const rateLimit: RateLimit | undefined = operation.rateLimit
  if (rateLimit === undefined)
    throw new Error(`${operation.operationId} documents no x-rate-limit in the API model`)
  return { requests: rateLimit.requests, windowMs: rateLimit.windowSeconds * 1000 }
}
