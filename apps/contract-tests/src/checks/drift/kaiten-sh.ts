// kaiten.sh drift, in particular the newer service's cursor pagination ({items, hasMore, nextCursor}, UUID ids).
// Statuses, media types, the entry's fields and which status a bad parameter gets are the run's model's.
import { type Exchange, jsonBody, mediaType, show } from '../../http/exchange.js'
import { knownEventNames } from '../../spec/beyond-model.js'
import { OperationSpec } from '../../spec/operation.js'
import type { Drift, DriftFindings } from './drift-check.js'
import { isObject, keysOf, UUID, undocumentedStatus } from './drift-check.js'

function entriesOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body
  if (isObject(body) && Array.isArray(body.items)) return body.items
  return []
}

/** The query parameters the problem's `errors[].location` names (`query.limit` → `limit`). */
function queryParametersNamed(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.errors)) return []
  return body.errors.flatMap((error) =>
    isObject(error) && typeof error.location === 'string' && error.location.startsWith('query.')
      ? [error.location.slice('query.'.length)]
      : [],
  )
}

/** The media types the spec documents for `status`, or, for a status it does not document, for its errors. */
function errorMediaTypes(spec: OperationSpec, status: number): string[] {
  const documented = spec.response(status)
  if (documented) return [...documented.mediaTypes]
  const errors = spec.operation.responses.filter((response) => /^[45]/.test(response.status))
  return [...new Set(errors.flatMap((response) => response.mediaTypes))]
}

/** A parameter named in a problem whose status is not the one the spec gives a bad value of it. */
function misjudgedParameter(spec: OperationSpec, exchange: Exchange, body: unknown): Drift | undefined {
  if (!spec.invalidParameterStatuses().has(exchange.status)) return undefined
  const documented = new Set(spec.queryParameters.map((parameter) => parameter.name))
  for (const name of queryParametersNamed(body)) {
    if (!documented.has(name)) continue
    const expected = spec.invalidStatusOf(name)
    if (expected === exchange.status) continue
    const { format } = spec.queryParameter(name).schema
    // A format with a status of its own (kaiten.sh's date-time: 400) is unparseable text, not a broken constraint.
    const ownStatus = format !== undefined && spec.operation.invalidParameterStatus?.[format] !== undefined
    return {
      summary: ownStatus
        ? `kaiten.sh answers an unparseable ${format} (${name}) with ${exchange.status} where the spec documents ${expected}`
        : `kaiten.sh answers a broken parameter constraint with ${exchange.status} where the spec documents ${expected} (Huma): its validation has changed`,
      exchange,
      path: '$.status',
      expected: String(expected),
      actual: String(exchange.status),
    }
  }
  return undefined
}

export function detectKaitenShDrift(
  exchanges: readonly Exchange[],
  spec: OperationSpec = OperationSpec.of('kaiten-sh'),
): DriftFindings {
  const drifts: Drift[] = []
  const notes: string[] = []
  const statusValues = spec.itemFieldValues('status')
  const integerIds = spec.operation.item?.fields
    .find((field) => field.name === 'id')
    ?.types.includes('integer')

  for (const exchange of exchanges) {
    const body = jsonBody(exchange)
    const undocumented = undocumentedStatus(
      spec,
      exchange,
      exchange.status === 429 && !spec.rateLimit
        ? 'the service appears to have added rate limiting'
        : undefined,
    )
    if (undocumented) drifts.push(undocumented)
    if (exchange.status === 200 && isObject(body) && spec.operation.item) {
      const cursorLike = Array.isArray(body.items) && ('nextCursor' in body || 'hasMore' in body)
      drifts.push({
        summary: cursorLike
          ? `kaiten.sh answered an object envelope ${keysOf(body)} where the spec documents a bare array: the service appears to have moved to cursor pagination`
          : `kaiten.sh answered a JSON object ${keysOf(body)} where the spec documents a bare array of entries`,
        exchange,
        path: '$.body',
        expected: 'array',
        actual: keysOf(body),
      })
    }
    if (exchange.status === 200) {
      for (const entry of entriesOf(body)) {
        if (!isObject(entry)) continue
        if (integerIds && typeof entry.id === 'string') {
          drifts.push({
            summary: UUID.test(entry.id)
              ? 'kaiten.sh entry ids are UUID strings where the spec documents increasing integers, as in the newer cursor-paginated service'
              : 'kaiten.sh entry ids are strings where the spec documents increasing integers',
            exchange,
            path: '$.body[].id',
            expected: 'integer',
            actual: show(entry.id),
          })
        }
        if (typeof entry.eventName === 'string' && !knownEventNames.has(entry.eventName)) {
          notes.push(`event name ${entry.eventName} is not in the guide's list (allowed: the set is open)`)
        }
        if (statusValues && typeof entry.status === 'string' && !statusValues.includes(entry.status)) {
          drifts.push({
            summary: `kaiten.sh reports an entry status ${show(entry.status)} the spec does not list: the service has a new outcome`,
            exchange,
            path: '$.body[].status',
            expected: `one of ${statusValues.join(', ')}`,
            actual: show(entry.status),
          })
        }
      }
    }
    const documentedMedia = errorMediaTypes(spec, exchange.status)
    if (
      exchange.status >= 400 &&
      isObject(body) &&
      documentedMedia.length > 0 &&
      !documentedMedia.includes(mediaType(exchange))
    ) {
      drifts.push({
        summary: `kaiten.sh serves its problem details as ${mediaType(exchange) || 'untyped'} instead of ${documentedMedia.join(' or ')}`,
        exchange,
        path: '$.headers["content-type"]',
        expected: documentedMedia.join(' or '),
        actual: exchange.headers['content-type'] ?? 'absent',
      })
    }
    const misjudged = misjudgedParameter(spec, exchange, body)
    if (misjudged) drifts.push(misjudged)
  }
  return { drifts, notes }
}
