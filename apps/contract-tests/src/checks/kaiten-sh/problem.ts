// kaiten.sh errors are RFC 9457 problem details: served as the media type the model documents for the status
// (application/problem+json), `status` = HTTP status, a `title`.
import { describeExchange, type Exchange, jsonBody, mediaType, show } from '../../http/exchange.js'
import type { CheckContext } from '../context.js'
import { expectStatus } from '../shared/status.js'

/** Records every way `exchange` is not the documented problem response for `status`. */
export function expectProblem(
  context: CheckContext,
  exchange: Exchange,
  status: number,
  options: { location?: string; detail?: string } = {},
): void {
  if (!expectStatus(context, exchange, status)) return
  const request = describeExchange(exchange)
  const documented = context.spec.responseMediaTypes(status)
  if (!documented.includes(mediaType(exchange))) {
    const expected = documented.join(' or ') || 'no body'
    context.fail(`problem details must be served as ${expected}`, {
      request,
      path: '$.headers["content-type"]',
      expected,
      actual: exchange.headers['content-type'] ?? 'absent',
    })
  }
  const body = jsonBody(exchange)
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    context.fail('expected a problem details JSON object', {
      request,
      path: '$.body',
      expected: 'a JSON object',
      actual: show(exchange.body),
    })
    return
  }
  const problem = body as Record<string, unknown>
  if (problem.status !== status) {
    context.fail('the problem `status` member must equal the HTTP status', {
      request,
      path: '$.body.status',
      expected: String(status),
      actual: show(problem.status),
    })
  }
  if (typeof problem.title !== 'string' || problem.title.trim() === '') {
    context.fail('a problem must have a `title`', {
      request,
      path: '$.body.title',
      expected: 'a non-empty string',
      actual: show(problem.title),
    })
  }
  if (options.detail !== undefined && problem.detail !== options.detail) {
    context.fail(`the problem \`detail\` must be ${show(options.detail)}, as documented for this status`, {
      request,
      path: '$.body.detail',
      expected: show(options.detail),
      actual: show(problem.detail),
    })
  }
  if (options.location !== undefined) {
    const errors = Array.isArray(problem.errors) ? (problem.errors as unknown[]) : []
    const locations = errors.map((error) =>
      error !== null && typeof error === 'object' ? (error as Record<string, unknown>).location : undefined,
    )
    // One bad parameter was sent, so every error names it, in the documented form (`query.limit`).
    if (locations.length === 0 || locations.some((location) => location !== options.location)) {
      context.fail('a validation error must name the parameter in `errors[].location`', {
        request,
        path: '$.body.errors[].location',
        expected: show(options.location),
        actual: problem.errors === undefined ? 'no errors array' : show(locations),
      })
    }
  }
}
