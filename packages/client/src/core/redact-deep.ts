// Redaction of values rather than text: report objects, parsed bodies, Headers, and errors with their cause chains,
// which `util.inspect` and `console.error` print in full.
import type { Redact } from './redact.js'

/**
 * `value` with every string in it redacted: strings inside arrays, objects, Maps, Sets, Headers, errors (message,
 * stack, cause, `errors` of an AggregateError, own fields) and the URL and headers of a Request or Response. The value
 * itself is returned when nothing in it needs redacting, so identities survive; otherwise a copy, in which
 * Requests and Responses become plain `{ method, url, headers }` / `{ status, url, headers }` objects.
 */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (!holdsSecret(value, redact, new Set())) return value
  return copyRedacted(value, redact, new Map()) as T
}

/**
 * Redacts the own fields of an object this package made (an error), in place: it keeps its class, and the fields
 * stay what the caller catches. Used where an error leaves the package.
 */
export function redactOwnFields<T extends object>(target: T, redact: Redact): T {
  for (const key of Reflect.ownKeys(target)) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key)
    if (!descriptor || !('value' in descriptor)) continue
    const redacted = redactDeep(descriptor.value, redact)
    if (redacted !== descriptor.value) Object.defineProperty(target, key, { ...descriptor, value: redacted })
  }
  return target
}

/** Own data properties only: a getter of a stranger's object is not called. */
function ownValues(value: object): unknown[] {
  const values: unknown[] = []
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string') values.push(key)
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    if (descriptor && 'value' in descriptor) values.push(descriptor.value)
  }
  return values
}

/** Name, message and stack, read the ordinary way: a DOMException keeps them behind getters. */
function errorTexts(error: Error): unknown[] {
  try {
    return [error.name, error.message, error.stack]
  } catch {
    return []
  }
}

function holdsSecret(value: unknown, redact: Redact, seen: Set<object>): boolean {
  if (typeof value === 'string') return redact(value) !== value
  if (typeof value !== 'object' || value === null || seen.has(value)) return false
  seen.add(value)
  const parts: unknown[] = []
  if (value instanceof Headers) for (const entry of value) parts.push(...entry)
  else if (value instanceof Request) parts.push(value.method, value.url, value.headers)
  else if (value instanceof Response) parts.push(value.statusText, value.url, value.headers)
  else if (value instanceof URL) parts.push(value.href)
  else if (value instanceof Map) for (const entry of value) parts.push(...entry)
  else if (value instanceof Set) parts.push(...value)
  if (value instanceof Error) parts.push(...errorTexts(value))
  parts.push(...ownValues(value))
  return parts.some((part) => holdsSecret(part, redact, seen))
}

function copyRedacted(value: unknown, redact: Redact, copies: Map<object, unknown>): unknown {
  if (typeof value === 'string') return redact(value)
  if (typeof value !== 'object' || value === null) return value
  const known = copies.get(value)
  if (known !== undefined) return known
  const copy = (inner: unknown) => copyRedacted(inner, redact, copies)

  if (value instanceof Headers) {
    const headers = new Headers()
    // A header whose name holds a secret is left out: `[redacted]` is not a valid header name.
    for (const [name, headerValue] of value)
      if (redact(name) === name) headers.append(name, redact(headerValue))
    copies.set(value, headers)
    return headers
  }
  if (value instanceof Request) {
    const request = { method: redact(value.method), url: redact(value.url), headers: copy(value.headers) }
    copies.set(value, request)
    return request
  }
  if (value instanceof Response) {
    const response = {
      status: value.status,
      statusText: redact(value.statusText),
      url: redact(value.url),
      headers: copy(value.headers),
    }
    copies.set(value, response)
    return response
  }
  if (value instanceof URL) return redact(value.href)
  if (value instanceof Map) {
    const map = new Map()
    copies.set(value, map)
    for (const [key, item] of value) map.set(copy(key), copy(item))
    return map
  }
  if (value instanceof Set) {
    const set = new Set()
    copies.set(value, set)
    for (const item of value) set.add(copy(item))
    return set
  }
  if (Array.isArray(value)) {
    const array: unknown[] = []
    copies.set(value, array)
    for (const item of value) array.push(copy(item))
    return array
  }
  const target = copyShell(value, redact)
  copies.set(value, target)
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    if (!descriptor || !('value' in descriptor)) continue
    if (typeof key === 'string' && redact(key) !== key) continue
    Object.defineProperty(target, key, { ...descriptor, value: copy(descriptor.value), configurable: true })
  }
  return target
}

/**
 * The object the redacted fields go into. An error whose message is its own field (every Error but a DOMException)
 * keeps its prototype, so `instanceof` and the name still hold; a DOMException becomes an Error with its name and
 * message; any other object becomes a plain one, since a class instance may depend on state a copy lacks.
 */
function copyShell(value: object, redact: Redact): object {
  if (value instanceof Error) {
    if (Object.hasOwn(value, 'message')) return Object.create(Object.getPrototypeOf(value)) as object
    const [name, message, stack] = errorTexts(value).map((text) => redact(String(text)))
    const error = new Error(message)
    Object.defineProperty(error, 'name', { value: name, writable: true, configurable: true })
    Object.defineProperty(error, 'stack', { value: stack, writable: true, configurable: true })
    return error
  }
  const prototype = Object.getPrototypeOf(value) as object | null
  return prototype === null ? Object.create(null) : {}
}
