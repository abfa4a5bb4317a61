import { epochMicrosOf } from './date-time.js'
import { ResponseShapeError, redactError } from './errors.js'
import type { ReadResponse } from './read-response.js'
import { type Redact, redactedExcerpt } from './redact.js'
import { requestIdOf } from './response-headers.js'

/** The first required field of an item that is missing or has the wrong type. */
export interface FieldMismatch {
  field: string
  expected: string
}

/**
 * Checks one item against the model's item fields. Compiled once per model (`compileItemCheck`): a page may hold
 * hundreds of items and this runs for every one, so nothing of the model is interpreted per item.
 */
export type ItemCheck = (item: Readonly<Record<string, unknown>>) => FieldMismatch | undefined

export const isDateTime = (value: unknown): boolean =>
  typeof value === 'string' && epochMicrosOf(value) !== null

/**
 * Parses a success body that the spec documents as a bare JSON array of items and checks each item's required
 * fields, so a changed server surfaces as a `ResponseShapeError` naming the first mismatch rather than as a
 * `TypeError` inside the caller's code. It checks that the fields the spec requires are there with their types, not every constraint.
 */
export function parseItems<T>(response: ReadResponse, check: ItemCheck): T[] {
  const { redact } = response
  const fail = (path: string, expected: string, actual: string): never => {
    throw shapeError(response, path, expected, actual)
  }
  const text = response.bodyText
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    const contentType = response.headers.get('content-type') ?? 'no content type'
    return fail(
      '$',
      'a JSON array',
      `${text === '' ? 'an empty body' : 'a body that is not JSON'} (${redactedExcerpt(contentType, 100, redact)})`,
    )
  }
  if (!Array.isArray(body)) return fail('$', 'a JSON array of items', describeJson(body, redact))
  for (let index = 0; index < body.length; index++) {
    const item: unknown = body[index]
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      fail(`$[${index}]`, 'an object', describeJson(item, redact))
    }
    const record = item as Record<string, unknown>
    const mismatch = check(record)
    if (mismatch)
      fail(`$[${index}].${mismatch.field}`, mismatch.expected, describeJson(record[mismatch.field], redact))
  }
  return body as T[]
}

/**
 * A `ResponseShapeError` about one response: where in the body, what the spec expects, what came. Redacted with the
 * client's redactor: what came is the server's text, and a server may echo the token in it.
 */
export function shapeError(
  response: ReadResponse,
  path: string,
  expected: string,
  actual: string,
): ResponseShapeError {
  const error = new ResponseShapeError(
    { path, expected, actual },
    {
      request: response.request,
      status: response.status,
      requestId: requestIdOf(response.headers),
    },
  )
  return redactError(error, response.redact)
}

/** A short description of a JSON value for an error, redacted before it is cut short. */
function describeJson(value: unknown, redact: Redact): string {
  if (value === undefined) return 'nothing (the field is missing)'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'object') {
    const keys = Object.keys(value).slice(0, 9)
    const shown = keys.slice(0, 8).map((key) => redactedExcerpt(key, 40, redact))
    return `an object with keys ${shown.join(', ')}${keys.length > 8 ? ', …' : ''}`
  }
  return `${typeof value} ${redactedExcerpt(JSON.stringify(value), 60, redact)}`
}
