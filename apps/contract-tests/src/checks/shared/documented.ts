// What the bundled spec documents about a query parameter, read at run time: a check's expectation then comes from
// the document, not from the code the mocks answer with.

type Json = Readonly<Record<string, unknown>>

function objectAt(value: unknown, where: string): Json {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Json
  throw new Error(`the bundled spec has no object at ${where}`)
}

/** `components.parameters.<name>.schema` of an OpenAPI document. */
export function parameterSchema(spec: Json, name: string): Json {
  const where = `components.parameters.${name}.schema`
  const components = objectAt(spec.components, 'components')
  const parameters = objectAt(components.parameters, 'components.parameters')
  return objectAt(objectAt(parameters[name], `components.parameters.${name}`).schema, where)
}

/** A numeric keyword of a schema (`minimum`, `default`, …), or undefined when the schema does not state it. */
export function numberKeyword(schema: Json, keyword: string): number | undefined {
  const value = schema[keyword]
  return typeof value === 'number' ? value : undefined
}

/** Like `numberKeyword`, for keywords a check cannot do without. */
export function requiredNumberKeyword(schema: Json, keyword: string, parameter: string): number {
  const value = numberKeyword(schema, keyword)
  if (value === undefined) throw new Error(`the bundled spec does not state \`${keyword}\` for ${parameter}`)
  return value
}

/** The largest value of an OpenAPI integer `format`, or undefined when the format sets no bound. */
export function formatMaximum(schema: Json): number | undefined {
  if (schema.format === 'int32') return 2 ** 31 - 1
  if (schema.format === 'int64') return Number.MAX_SAFE_INTEGER
  return undefined
}

/** One value of a JSON object by path, for documented examples: `responses.X.content.Y.example.detail`. */
export function valueAt(spec: Json, path: readonly string[]): unknown {
  let value: unknown = spec
  for (const [index, key] of path.entries())
    value = objectAt(value, path.slice(0, index).join('.') || 'the root')[key]
  return value
}
