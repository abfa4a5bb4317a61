// kaiten.ru drift: bodies on errors documented without one, lost rate-limit headers, a changed envelope or reset unit.
// Statuses, bodies, headers and the category and action lists are the run's model's.
import { type Exchange, jsonBody, mediaType, show } from '../../http/exchange.js'
import { EPOCH_SECONDS, RATE_LIMIT_RESET as RESET, resetOf } from '../../http/rate-limit-reset.js'
import { OperationSpec } from '../../spec/operation.js'
import type { Drift, DriftFindings } from './drift-check.js'
import { isObject, keysOf, undocumentedStatus } from './drift-check.js'

export function detectKaitenRuDrift(
  exchanges: readonly Exchange[],
  spec: OperationSpec = OperationSpec.of('kaiten-ru'),
): DriftFindings {
  const drifts: Drift[] = []
  const notes: string[] = []
  const categories = new Set<string>(spec.listValues('categories'))
  const actions = new Set<string>(spec.listValues('actions'))

  for (const exchange of exchanges) {
    const body = jsonBody(exchange)
    const undocumented = undocumentedStatus(spec, exchange)
    if (undocumented) drifts.push(undocumented)
    if (exchange.status === 200 && isObject(body) && spec.operation.item) {
      drifts.push({
        summary: `kaiten.ru answered an object ${keysOf(body)} where the spec documents a bare array of events: the response envelope has changed`,
        exchange,
        path: '$.body',
        expected: 'array',
        actual: keysOf(body),
      })
    }
    const bodyless = (spec.response(exchange.status)?.mediaTypes.length ?? 0) === 0
    if (exchange.status >= 400 && bodyless && exchange.body.length > 0) {
      const type = mediaType(exchange) || 'untyped'
      const plain = body === undefined
      drifts.push({
        summary: plain
          ? `kaiten.ru sends a ${type} body with its ${exchange.status} responses (like the plain-text "Invalid token" other endpoints document); this endpoint documents none`
          : `kaiten.ru now sends a JSON body with its ${exchange.status} responses; the spec documents none`,
        exchange,
        path: '$.body',
        expected: 'no body',
        actual: show(exchange.body, 80),
      })
    }
    const missing = spec
      .responseHeaders(exchange.status)
      .filter((header) => header.required && !(header.name.toLowerCase() in exchange.headers))
      .map((header) => header.name.toLowerCase())
    if (missing.length > 0) {
      drifts.push({
        summary: `kaiten.ru ${exchange.status} responses no longer carry ${missing.join(' and ')}`,
        exchange,
        path: `$.headers["${missing[0]}"]`,
        expected: 'header present',
        actual: 'absent',
      })
    }
    const reset = resetOf(exchange)
    if (
      spec.documentsHeader(exchange.status, RESET) &&
      reset !== undefined &&
      reset > 0 &&
      (reset < EPOCH_SECONDS.min || reset >= EPOCH_SECONDS.max)
    ) {
      drifts.push({
        summary:
          reset >= EPOCH_SECONDS.max
            ? 'kaiten.ru X-RateLimit-Reset looks like epoch milliseconds; the spec documents UTC epoch seconds'
            : 'kaiten.ru X-RateLimit-Reset looks like seconds until the reset; the spec documents UTC epoch seconds',
        exchange,
        path: `$.headers["${RESET}"]`,
        expected: 'UTC epoch seconds',
        actual: String(reset),
      })
    }
    if (exchange.status === 200 && Array.isArray(body)) {
      for (const event of body) {
        if (!isObject(event)) continue
        if (typeof event.category === 'string' && !categories.has(event.category)) {
          notes.push(
            `category ${event.category} is not in the documented list (the \`categories\` filter cannot select it)`,
          )
        }
        if (typeof event.action === 'string' && !actions.has(event.action)) {
          notes.push(
            `action ${event.action} is not in the documented list (the \`actions\` filter cannot select it)`,
          )
        }
      }
    }
  }
  return { drifts, notes }
}
