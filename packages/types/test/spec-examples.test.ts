// Every example in both specs must validate against the schema it illustrates.
import { describe, expect, it } from 'vitest'
import { type ApiName, ajvViolations, escapePointer, schemaValidator, specs } from '../src/validation.js'

interface ExampleCase {
  where: string
  schemaPointer: string
  value: unknown
}

type Json = Record<string, unknown>

/** Walks a spec and collects every example with the pointer of the schema it belongs to. */
function collectExamples(node: unknown, pointer: string, out: ExampleCase[]): ExampleCase[] {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) collectExamples(item, `${pointer}/${i}`, out)
    return out
  }
  if (node === null || typeof node !== 'object') return out
  const object = node as Json
  const hasSchema = object.schema !== undefined && typeof object.schema === 'object'
  if (hasSchema && 'example' in object) {
    out.push({ where: `${pointer}/example`, schemaPointer: `${pointer}/schema`, value: object.example })
  }
  if (
    hasSchema &&
    object.examples &&
    typeof object.examples === 'object' &&
    !Array.isArray(object.examples)
  ) {
    for (const [name, example] of Object.entries(object.examples as Json)) {
      out.push({
        where: `${pointer}/examples/${escapePointer(name)}`,
        schemaPointer: `${pointer}/schema`,
        value: (example as Json).value,
      })
    }
  }
  // JSON Schema 2020-12 `examples` arrays inside schemas.
  if (Array.isArray(object.examples)) {
    for (const [i, value] of object.examples.entries()) {
      out.push({ where: `${pointer}/examples/${i}`, schemaPointer: pointer, value })
    }
  }
  for (const [key, child] of Object.entries(object)) {
    if (key === 'example' || (key === 'examples' && hasSchema)) continue
    collectExamples(child, `${pointer}/${escapePointer(key)}`, out)
  }
  return out
}

describe.each(Object.keys(specs) as ApiName[])('%s spec examples', (api) => {
  const examples = collectExamples(specs[api], '', [])

  it('has examples on parameters, schemas and responses', () => {
    const where = examples.map((e) => e.where)
    expect(where.some((w) => w.startsWith('/components/parameters/'))).toBe(true)
    expect(where.some((w) => w.includes('/responses/'))).toBe(true)
    expect(where.some((w) => w.startsWith('/components/schemas/'))).toBe(true)
  })

  it.each(examples.map((e) => [e.where, e] as const))(
    '%s validates against its schema',
    (_where, example) => {
      const validate = schemaValidator(api, example.schemaPointer)
      const valid = validate(example.value)
      expect(ajvViolations(validate.errors, example.value, '$')).toEqual([])
      expect(valid).toBe(true)
    },
  )
})

describe('example check has teeth', () => {
  it('rejects a value that breaks the schema', () => {
    const validate = schemaValidator('kaiten-sh', '/components/parameters/limit/schema')
    expect(validate(201)).toBe(false)
    expect(ajvViolations(validate.errors, 201, '$')[0]).toMatchObject({ expected: '<= 200', actual: '201' })
  })
})
