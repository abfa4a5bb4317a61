// Values that break a query parameter's schema, generated from the spec: its type, its format, its bounds, its enum
// (also by case) and the style its list is written in. Each case expects the status the spec documents for it.
import { INTEGER_FORMAT_RANGES } from '@kaiten-audit/types'
import type { ApiParameter, Breaks, OperationSpec } from '../../spec/operation.js'

export interface NegativeCase {
  parameter: string
  /** The raw query text, sent as is. */
  value: string
  breaks: Breaks
  /** What is wrong with the value, in words. */
  why: string
  status: number
  /** The documented media type of that error, or undefined when it is documented without a body. */
  mediaType?: string
}

const UNKNOWN = 'contract_probe_unknown'

function integerCases(parameter: ApiParameter): Omit<NegativeCase, 'status' | 'parameter'>[] {
  const { minimum, maximum, format } = parameter.schema
  const cases: Omit<NegativeCase, 'status' | 'parameter'>[] = [
    { value: 'abc', breaks: 'type', why: 'not a number' },
    { value: '1.5', breaks: 'type', why: 'not an integer' },
    { value: '1e2', breaks: 'type', why: 'an exponent, not integer digits' },
  ]
  if (minimum !== undefined)
    cases.push({ value: String(minimum - 1), breaks: 'minimum', why: `below ${minimum}` })
  // A clamped maximum is applied, not refused (kaiten.ru's limit): nothing above it is invalid.
  if (maximum !== undefined && parameter.limitClamp === undefined) {
    cases.push({ value: String(maximum + 1), breaks: 'maximum', why: `above ${maximum}` })
  }
  const int32 = INTEGER_FORMAT_RANGES.int32
  if (format === 'int32' && int32) {
    cases.push({ value: String(int32.max + 1), breaks: 'int32', why: 'beyond int32' })
  }
  return cases
}

/** A value outside a string enum, and a documented value in another case (an enum is exact). */
function enumCases(values: readonly string[]): Omit<NegativeCase, 'status' | 'parameter'>[] {
  const [first] = values
  if (first === undefined) return []
  const cases: Omit<NegativeCase, 'status' | 'parameter'>[] = [
    { value: UNKNOWN, breaks: 'enum', why: 'not a documented value' },
  ]
  const upper = first.toUpperCase()
  const otherCase = upper !== first ? upper : first.toLowerCase()
  if (otherCase !== first && !values.includes(otherCase)) {
    cases.push({
      value: otherCase,
      breaks: 'enum-case',
      why: `a documented value in ${otherCase === upper ? 'upper' : 'lower'} case`,
    })
  }
  return cases
}

function stringCases(parameter: ApiParameter): Omit<NegativeCase, 'status' | 'parameter'>[] {
  if (parameter.schema.enum) return enumCases(parameter.schema.enum.map(String))
  switch (parameter.schema.format) {
    case 'date-time':
      return [
        { value: 'yesterday', breaks: 'date-time', why: 'not a date-time' },
        { value: '2026-02-30T00:00:00Z', breaks: 'date-time', why: 'February 30' },
        { value: '2026-04-01T25:00:00Z', breaks: 'date-time', why: 'hour 25' },
      ]
    case 'uuid':
      return [{ value: 'not-a-uuid', breaks: 'uuid', why: 'not a UUID' }]
    default:
      return []
  }
}

function listCases(parameter: ApiParameter): Omit<NegativeCase, 'status' | 'parameter'>[] {
  const values = (parameter.schema.items?.enum ?? []).map(String)
  const [first, second] = values
  if (first === undefined) return []
  const cases: Omit<NegativeCase, 'status' | 'parameter'>[] = [
    { value: UNKNOWN, breaks: 'enum', why: 'not a documented value' },
    { value: `${first},${UNKNOWN}`, breaks: 'enum', why: 'a documented value and an unknown one' },
  ]
  if (first.toUpperCase() !== first) {
    cases.push({ value: first.toUpperCase(), breaks: 'enum-case', why: 'a documented value in upper case' })
  }
  if (second !== undefined && parameter.style === 'form' && !parameter.explode) {
    cases.push({ value: `${first} ${second}`, breaks: 'style', why: 'separated by a space, not a comma' })
  }
  return cases
}

/** Every case for every query parameter of the operation, in the spec's order. */
export function negativeCases(spec: OperationSpec): NegativeCase[] {
  return spec.queryParameters.flatMap((parameter) => {
    const { types } = parameter.schema
    const cases = types.includes('integer')
      ? integerCases(parameter)
      : types.includes('array')
        ? listCases(parameter)
        : types.includes('string')
          ? stringCases(parameter)
          : []
    return cases.map((generated) => {
      const status = spec.invalidParameterStatus(generated.breaks)
      const mediaType = spec.responseMediaTypes(status)[0]
      return { ...generated, parameter: parameter.name, status, ...(mediaType ? { mediaType } : {}) }
    })
  })
}
