// Compares the query package's behaviour with an API model over every query parameter. The expectations are read
// from the model's data here, never from the package's own helpers, so a constant restated in src/ cannot agree by
// construction.
import {
  type ApiModel,
  type ApiName,
  type ApiOperation,
  type ApiParameter,
  INTEGER_FORMAT_RANGES,
  kaitenRuModel,
  kaitenShModel,
} from '@kaiten-audit/types'
import { expect } from 'vitest'
import {
  invalidParameterStatus,
  type ParameterIssue,
  type Parsed,
  parseKaitenRuQuery,
  parseKaitenShQuery,
  toKaitenRuSearchParams,
  toKaitenShSearchParams,
} from '../../src/index.js'

export type { ApiName }

interface QueryApi {
  operationId: string
  model: ApiModel
  parse(search: URLSearchParams, model: ApiModel): Parsed<Record<string, unknown>>
  render(params: Record<string, unknown>, model: ApiModel): Parsed<URLSearchParams>
}

export const queryApis: Readonly<Record<ApiName, QueryApi>> = {
  'kaiten-sh': {
    operationId: 'getAuditTrails',
    model: kaitenShModel,
    parse: (search, model) => parseKaitenShQuery(search, model) as Parsed<Record<string, unknown>>,
    render: (params, model) => toKaitenShSearchParams(params as never, model),
  },
  'kaiten-ru': {
    operationId: 'retrieveAuditLogEvents',
    model: kaitenRuModel,
    parse: (search, model) => parseKaitenRuQuery(search, model) as Parsed<Record<string, unknown>>,
    render: (params, model) => toKaitenRuSearchParams(params as never, model),
  },
}

/** The operation of `api` in `model`, read straight from the data. */
export function operationIn(api: ApiName, model: ApiModel): ApiOperation {
  const operation = model.operations[queryApis[api].operationId]
  if (!operation) throw new Error(`${api}: the model has no ${queryApis[api].operationId}`)
  return operation
}

export function queryParametersIn(api: ApiName, model: ApiModel): readonly ApiParameter[] {
  return operationIn(api, model).parameters.filter((parameter) => parameter.in === 'query')
}

/** The inclusive range the spec documents: minimum/maximum narrowed by the format's range. */
export function documentedRange(parameter: ApiParameter): { min?: number; max?: number } {
  const format = parameter.schema.format ? INTEGER_FORMAT_RANGES[parameter.schema.format] : undefined
  const lows = [parameter.schema.minimum, format?.min].filter((n) => n !== undefined) as number[]
  const highs = [parameter.schema.maximum, format?.max].filter((n) => n !== undefined) as number[]
  return {
    ...(lows.length ? { min: Math.max(...lows) } : {}),
    ...(highs.length ? { max: Math.min(...highs) } : {}),
  }
}

/** What the API applies for an integer the spec accepts, read from the model's default and clamp. */
function documentedApplied(parameter: ApiParameter, n: number): number {
  const clamp = parameter.limitClamp
  if (clamp?.zeroMeans === 'default' && n === 0) return parameter.schema.default as number
  if (clamp && n > clamp.above) return clamp.applies
  return n
}

/** The value a parse gave a parameter: a named field for the parameters the package names, else `others`. */
function parsedValue(query: Record<string, unknown>, name: string): unknown {
  if (name in query && name !== 'others') return query[name]
  const other = (
    query.others as Record<string, { value?: unknown; items?: unknown; text?: unknown }> | undefined
  )?.[name]
  return other?.value ?? other?.items ?? other?.text
}

function parseOne(api: ApiName, model: ApiModel, name: string, text: string) {
  return queryApis[api].parse(new URLSearchParams([[name, text]]), model)
}

function issuesOf(parsed: Parsed<unknown>): ParameterIssue[] {
  return parsed.ok ? [] : parsed.issues
}

function integerCases(parameter: ApiParameter): number[] {
  const { min, max } = documentedRange(parameter)
  const points = [-1, 0, 1]
  if (min !== undefined) points.push(min - 1, min, min + 1)
  if (max !== undefined) points.push(max - 1, max, max + 1)
  if (parameter.limitClamp) points.push(parameter.limitClamp.above, parameter.limitClamp.above + 1, 10 ** 6)
  if (typeof parameter.schema.default === 'number') points.push(parameter.schema.default)
  return [...new Set(points)].filter((n) => Number.isSafeInteger(n))
}

function expectInteger(api: ApiName, model: ApiModel, parameter: ApiParameter): void {
  const { min, max } = documentedRange(parameter)
  for (const n of integerCases(parameter)) {
    const accepted =
      (min === undefined || n >= min) && (max === undefined || n <= max || !!parameter.limitClamp)
    const where = `${api} ${parameter.name}=${n}`
    const parsed = parseOne(api, model, parameter.name, String(n))
    expect(parsed.ok, where).toBe(accepted)
    const rendered = queryApis[api].render({ [parameter.name]: n }, model)
    expect(rendered.ok, `${where} (rendered)`).toBe(accepted)
    // limit and offset keep their wire names in the parsed query; a parameter the package does not name is in others.
    const named = parameter.name === 'limit' || parameter.name === 'offset'
    const other = parsed.ok && (parsed.value.others as Record<string, unknown> | undefined)?.[parameter.name]
    if (parsed.ok && (named || other))
      expect(parsedValue(parsed.value, parameter.name), where).toBe(documentedApplied(parameter, n))
    if (rendered.ok) expect(rendered.value.get(parameter.name), where).toBe(String(n))
    if (!parsed.ok)
      expect(issuesOf(parsed), where).toEqual([
        expect.objectContaining({ parameter: parameter.name, value: String(n) }),
      ])
  }
}

/** The schema holding the enum: the parameter's own, or its items'. */
function enumOf(parameter: ApiParameter): readonly unknown[] | undefined {
  return parameter.schema.enum ?? parameter.schema.items?.enum
}

function expectEnum(
  api: ApiName,
  model: ApiModel,
  parameter: ApiParameter,
  values: readonly unknown[],
): void {
  const isList = parameter.schema.types.includes('array')
  const given = (value: string) => (isList ? [value] : value)
  for (const value of values as string[]) {
    const where = `${api} ${parameter.name}=${value}`
    expect(parseOne(api, model, parameter.name, value).ok, where).toBe(true)
    expect(queryApis[api].render({ [parameter.name]: given(value) }, model).ok, where).toBe(true)
  }
  const stranger = `${String(values[0])}-not-documented`
  expect(parseOne(api, model, parameter.name, stranger)).toMatchObject({
    ok: false,
    issues: [{ parameter: parameter.name, value: stranger }],
  })
  expect(queryApis[api].render({ [parameter.name]: given(stranger) }, model).ok).toBe(false)
  if (isList && values.length > 1) {
    const rendered = queryApis[api].render({ [parameter.name]: values.slice(0, 2) }, model)
    // The list style the model names: form without explode is one comma-separated value; with explode, repeats.
    const expected =
      parameter.style === 'form' && parameter.explode ? values.slice(0, 2) : [values.slice(0, 2).join(',')]
    expect(rendered.ok ? rendered.value.getAll(parameter.name) : rendered.issues).toEqual(expected)
  }
}

function expectDateTime(api: ApiName, model: ApiModel, parameter: ApiParameter): void {
  const text = '2026-04-01T00:00:00.000Z'
  const parsed = parseOne(api, model, parameter.name, text)
  expect(parsed.ok && parsedValue(parsed.value, parameter.name)).toBe(Date.parse(text) * 1000)
  const rendered = queryApis[api].render({ [parameter.name]: new Date(text) }, model)
  expect(rendered.ok && rendered.value.get(parameter.name)).toBe(text)
  const bad = parseOne(api, model, parameter.name, '2026-04-01')
  expect(issuesOf(bad)).toEqual([expect.objectContaining({ parameter: parameter.name, kind: 'malformed' })])
  const statuses = operationIn(api, model).invalidParameterStatus
  expect(invalidParameterStatus(operationIn(api, model), issuesOf(bad))).toBe(
    statuses ? (statuses['date-time'] ?? statuses.default) : undefined,
  )
}

/** Asserts, parameter by parameter, that parsing and rendering do what `model` documents. */
export function expectQueryFollowsModel(api: ApiName, model: ApiModel): void {
  const parameters = queryParametersIn(api, model)
  expect(parameters.length).toBeGreaterThan(0)

  const empty = queryApis[api].parse(new URLSearchParams(), model)
  expect(empty.ok).toBe(true)
  for (const parameter of parameters) {
    const documented = parameter.schema.default
    if (documented !== undefined && empty.ok)
      expect(parsedValue(empty.value, parameter.name), `${api} ${parameter.name} default`).toEqual(documented)
    const type = parameter.schema.types.find((t) => t !== 'null')
    const values = enumOf(parameter)
    if (type === 'integer') expectInteger(api, model, parameter)
    else if (values) expectEnum(api, model, parameter, values)
    else if (parameter.schema.format === 'date-time') expectDateTime(api, model, parameter)
  }

  const unknown = queryApis[api].render({ not_a_parameter: 1 }, model)
  expect(issuesOf(unknown)[0]?.allowed).toBe(
    `one of the parameters ${parameters.map((p) => p.name).join(', ')}`,
  )
  const repeated = parameters[0] as ApiParameter
  const twice = queryApis[api].parse(
    new URLSearchParams([
      [repeated.name, 'a'],
      [repeated.name, 'b'],
    ]),
    model,
  )
  expect(issuesOf(twice).map((issue) => issue.parameter)).toContain(repeated.name)
}
