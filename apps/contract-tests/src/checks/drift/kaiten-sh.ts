// kaiten.sh drift, in particular the newer service's cursor pagination ({items, hasMore, nextCursor}, UUID ids).
import { auditTrailStatusValues, knownEventNameValues } from '@kaiten-audit/types'
import { type Exchange, jsonBody, mediaType, show } from '../../http/exchange.js'
import { PROBLEM_MEDIA_TYPE } from '../kaiten-sh/problem.js'
import type { Drift, DriftFindings } from './drift-check.js'
import { isObject, keysOf, UUID, undocumentedStatus } from './drift-check.js'

const DOCUMENTED_STATUSES = new Set([200, 400, 401, 403, 404, 422, 500])
/** Parameters whose bad values Huma answers with 422 (constraint) versus 400 (unparseable timestamp). */
const CONSTRAINT_LOCATIONS = new Set(['query.limit', 'query.offset'])
const TIMESTAMP_LOCATIONS = new Set(['query.after', 'query.before'])

function entriesOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body
  if (isObject(body) && Array.isArray(body.items)) return body.items
  return []
}

function errorLocations(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.errors)) return []
  return body.errors.flatMap((error) =>
    isObject(error) && typeof error.location === 'string' ? [error.location] : [],
  )
}

export function detectKaitenShDrift(exchanges: readonly Exchange[]): DriftFindings {
  const drifts: Drift[] = []
  const notes: string[] = []
  const knownNames = new Set<string>(knownEventNameValues)
  const statuses = new Set<string>(auditTrailStatusValues)

  for (const exchange of exchanges) {
    const body = jsonBody(exchange)
    const undocumented = undocumentedStatus(
      'kaiten-sh',
      exchange,
      DOCUMENTED_STATUSES,
      exchange.status === 429 ? 'the service appears to have added rate limiting' : undefined,
    )
    if (undocumented) drifts.push(undocumented)
    if (exchange.status === 200 && isObject(body)) {
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
        if (typeof entry.id === 'string') {
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
        if (typeof entry.eventName === 'string' && !knownNames.has(entry.eventName)) {
          notes.push(`event name ${entry.eventName} is not in the guide's list (allowed: the set is open)`)
        }
        if (typeof entry.status === 'string' && !statuses.has(entry.status)) {
          drifts.push({
            summary: `kaiten.sh reports an entry status ${show(entry.status)} the spec does not list: the service has a new outcome`,
            exchange,
            path: '$.body[].status',
            expected: `one of ${[...statuses].join(', ')}`,
            actual: show(entry.status),
          })
        }
      }
    }
    if (exchange.status >= 400 && isObject(body) && mediaType(exchange) !== PROBLEM_MEDIA_TYPE) {
      drifts.push({
        summary: `kaiten.sh serves its problem details as ${mediaType(exchange) || 'untyped'} instead of ${PROBLEM_MEDIA_TYPE}`,
        exchange,
        path: '$.headers["content-type"]',
        expected: PROBLEM_MEDIA_TYPE,
        actual: exchange.headers['content-type'] ?? 'absent',
      })
    }
    const locations = errorLocations(body)
    if (exchange.status === 400 && locations.some((location) => CONSTRAINT_LOCATIONS.has(location))) {
      drifts.push({
        summary:
          'kaiten.sh answers a broken parameter constraint with 400 where the spec documents 422 (Huma): its validation has changed',
        exchange,
        path: '$.status',
        expected: '422',
        actual: '400',
      })
    }
    if (exchange.status === 422 && locations.some((location) => TIMESTAMP_LOCATIONS.has(location))) {
      drifts.push({
        summary: 'kaiten.sh answers an unparseable timestamp with 422 where the spec documents 400',
        exchange,
        path: '$.status',
        expected: '400',
        actual: '422',
      })
    }
  }
  return { drifts, notes }
}
