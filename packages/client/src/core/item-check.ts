// The per-item check of a list operation, compiled once per model from its `item.fields`: the fields the spec
// requires, their JSON types, the formats the client reads, and closed enums. Each field becomes one predicate, so
// checking an item is a loop of plain property reads and type tests with nothing read from the model per item.
import { type ApiItem, type ApiItemField, INTEGER_FORMAT_RANGES, type JsonType } from '@kaiten-audit/types'
import { type ItemCheck, isDateTime } from './response-shape.js'

type Test = (value: unknown) => boolean

const TYPE_TESTS: Readonly<Record<JsonType, Test>> = {
  string: (value) => typeof value === 'string',
  // A JavaScript number holds an integer exactly only up to 2^53 − 1; beyond it the value is not the one sent.
  integer: (value) => Number.isSafeInteger(value),
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  boolean: (value) => typeof value === 'boolean',
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  array: (value) => Array.isArray(value),
  null: (value) => value === null,
}

const TYPE_NAMES: Readonly<Record<JsonType, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
}

/**
 * Formats whose violation makes a value unusable to the client: it orders and bounds by the date-times. Any other
 * format (`uuid`) is an annotation, as in JSON Schema 2020-12: the client compares ids as opaque text, and the
 * contract run, which asserts every format, reports an id that breaks its format as drift.
 */
const FORMAT_TESTS: Readonly<Record<string, { test: Test; expected: string }>> = {
  'date-time': { test: isDateTime, expected: 'an RFC 3339 date-time' },
}

/** One field's predicate and what its mismatch reports. */
interface FieldTest {
  readonly name: string
  readonly test: Test
  readonly required: boolean
  readonly mismatch: { readonly field: string; readonly expected: string }
}

/** The check of items shaped like `item`; an item check that accepts any object when the model describes none. */
export function compileItemCheck(
  item: ApiItem | undefined,
  { generate = true }: { generate?: boolean } = {},
): ItemCheck {
  const tests: readonly FieldTest[] = (item?.fields ?? []).map(fieldTest)
  return (generate ? generatedCheck(tests) : undefined) ?? loopedCheck(tests)
}

/**
 * The check as straight-line code, one statement per field: each property read has a constant name and each test its
 * own call site, so the engine inlines them as it would a hand-written check (a loop over the fields reads a varying
 * key and calls varying functions from one site, about ten times slower). Undefined where code cannot be generated,
 * e.g. under a Content-Security-Policy without 'unsafe-eval'.
 */
function generatedCheck(tests: readonly FieldTest[]): ItemCheck | undefined {
  const lines = tests.map((field, index) => {
    const read = `record[${JSON.stringify(field.name)}]`
    const fails = field.required ? `v === undefined || !t${index}(v)` : `v !== undefined && !t${index}(v)`
    return `v = ${read}; if (${fails}) return m${index};`
  })
  const parameters = tests.flatMap((_field, index) => [`t${index}`, `m${index}`])
  const values = tests.flatMap((field) => [field.test, field.mismatch])
  try {
    const factory = new Function(
      ...parameters,
      `return function itemCheck(record) { let v; ${lines.join(' ')} return undefined }`,
    ) as (...args: unknown[]) => ItemCheck
    return factory(...values)
  } catch {
    return undefined
  }
}

/** The same check as a loop over the fields, for where code cannot be generated. */
function loopedCheck(tests: readonly FieldTest[]): ItemCheck {
  const count = tests.length
  return (record) => {
    for (let index = 0; index < count; index++) {
      const field = tests[index] as FieldTest
      const value = record[field.name]
      if (value === undefined ? field.required : !field.test(value)) return field.mismatch
    }
    return undefined
  }
}

function fieldTest(field: ApiItemField): FieldTest {
  const { test, expected } = valueTest(field)
  return { name: field.name, test, required: field.required, mismatch: { field: field.name, expected } }
}

/** The predicate of one field's value (present), composed from its types, format and enum. */
function valueTest(field: ApiItemField): { test: Test; expected: string } {
  const nullable = field.types.includes('null')
  const types = field.types.filter((type) => type !== 'null')
  if (field.enum !== undefined) {
    const allowed = new Set<unknown>(field.enum)
    if (nullable) allowed.add(null)
    return { test: (value) => allowed.has(value), expected: `one of: ${[...allowed].map(String).join(', ')}` }
  }
  if (types.length === 0) {
    return nullable
      ? { test: (value) => value === null, expected: 'null' }
      : { test: () => true, expected: 'any JSON value (null included)' }
  }
  const format = field.format === undefined ? undefined : FORMAT_TESTS[field.format]
  const formatRange = field.format === undefined ? undefined : INTEGER_FORMAT_RANGES[field.format]
  // A range no narrower than the safe integers adds nothing to the integer test.
  const range =
    formatRange !== undefined &&
    (formatRange.min > Number.MIN_SAFE_INTEGER || formatRange.max < Number.MAX_SAFE_INTEGER)
      ? formatRange
      : undefined
  const typeTests = types.map((type) => {
    const base = TYPE_TESTS[type]
    if (format !== undefined && type === 'string') return format.test
    if (range !== undefined && type === 'integer')
      return (value: unknown) =>
        base(value) && (value as number) >= range.min && (value as number) <= range.max
    return base
  })
  const names = types.map((type) =>
    format !== undefined && type === 'string'
      ? format.expected
      : range !== undefined && type === 'integer'
        ? `an integer from ${range.min} to ${range.max}`
        : TYPE_NAMES[type],
  )
  const expected = nullable ? `${names.join(' or ')} or null` : names.join(' or ')
  const [only] = typeTests
  const anyType: Test =
    typeTests.length === 1 && only !== undefined
      ? only
      : (value) => typeTests.some((typeTest) => typeTest(value))
  return { test: nullable ? (value) => value === null || anyType(value) : anyType, expected }
}
