import { parseDateTime } from '@kaiten-audit/query'
import { ResponseShapeError, requestIdOf } from './errors.js'
import type { Exchange } from './transport.js'

/** `present`: any JSON value including null, but the key must be there. */
export type FieldType =
  | 'present'
  | 'string'
  | 'integer'
  | 'date-time'
  | 'string-or-null'
  | 'integer-or-null'
  | 'object-or-null'

/** The required fields of one list item and their JSON types, from the spec's item schema. */
export type ItemShape = Readonly<Record<string, FieldType>>

/**
 * Parses a success body that the spec documents as a bare JSON array of items and checks each item's required
 * fields, so a changed server surfaces as a `ResponseShapeError` naming the first mismatch rather than as a
 * `TypeError` inside the caller's code. It checks the fields and types the spec requires, not every constraint.
 */
export function parseItems<T>(exchange: Exchange, shape: ItemShape): T[] {
  const fail = (path: string, expected: string, actual: string): never => {
    throw new ResponseShapeError(
      { path, expected, actual },
      {
        request: exchange.request,
        status: exchange.response.status,
        requestId: requestIdOf(exchange.response.headers),
      },
    )
  }
  const text = exchange.bodyText ?? ''
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    const contentType = exchange.response.headers.get('content-type') ?? 'no content type'
    return fail(
      '$',
      'a JSON array',
      `${text === '' ? 'an empty body' : 'a body that is not JSON'} (${contentType})`,
    )
  }
  if (!Array.isArray(body)) return fail('$', 'a JSON array of items', describeJson(body))
  const fields = Object.entries(shape)
  for (let index = 0; index < body.length; index++) {
    const item: unknown = body[index]
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      fail(`$[${index}]`, 'an object', describeJson(item))
    }
    const record = item as Record<string, unknown>
    for (const [name, type] of fields) {
      const value = record[name]
      if (!matches(value, type)) fail(`$[${index}].${name}`, type, describeJson(value))
    }
  }
  return body as T[]
}

function matches(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'present':
      return value !== undefined
    case 'string':
      return typeof value === 'string'
    case 'integer':
      return Number.isSafeInteger(value)
    case 'date-time':
      return typeof value === 'string' && parseDateTime(value) !== null
    case 'string-or-null':
      return value === null || typeof value === 'string'
    case 'integer-or-null':
      return value === null || Number.isSafeInteger(value)
    case 'object-or-null':
      return value === null || (typeof value === 'object' && !Array.isArray(value))
  }
}

function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'object') {
    const keys = Object.keys(value)
    return `an object with keys ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`
  }
  const text = JSON.stringify(value)
  return `${typeof value} ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`
}
