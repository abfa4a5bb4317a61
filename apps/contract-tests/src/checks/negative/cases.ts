// Values that break a query parameter's schema, generated from the spec: its type, its format, its bounds, its enum
// (also by case) and the style its list is written in. Each case expects the status the spec documents for it.
import type { ApiName } from '../../model.js'
import {
  type Breaks,
  invalidParameterStatus,
  type ParameterModel,
  queryParameters,
  responseMediaTypes,
} from '../../spec/operation.js'

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

const INT32_MAXIMUM = 2 ** 31 - 1
const UNKNOWN = 'contract_probe_unknown'

function integerCases(parameter: ParameterModel): Omit<NegativeCase, 'status' | 'parameter'>[] {
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
  if (format === 'int32') {
    cases.push({ value: String(INT32_MAXIMUM + 1), breaks: 'int32', why: 'beyond int32' })
  }
  return cases
}

function stringCases(parameter: ParameterModel): Omit<NegativeCase, 'status' | 'parameter'>[] {
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

function listCases(parameter: ParameterModel): Omit<NegativeCase, 'status' | 'parameter'>[] {
  const values = parameter.schema.items?.enum ?? []
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

/** Every case for every query parameter of the API, in the spec's order. */
export function negativeCases(api: ApiName): NegativeCase[] {
  return queryParameters(api).flatMap((parameter) => {
    const cases =
      parameter.schema.type === 'integer'
        ? integerCases(parameter)
        : parameter.schema.type === 'string'
          ? stringCases(parameter)
          : parameter.schema.type === 'array'
            ? listCases(parameter)
            : []
    return cases.map((generated) => {
      const status = invalidParameterStatus(api, generated.breaks)
      const mediaType = responseMediaTypes(api, status)[0]
      return { ...generated, parameter: parameter.name, status, ...(mediaType ? { mediaType } : {}) }
    })
  })
}
