// kaiten.ru documents its error responses with no body at all (no media type in the model); a body there is
// reported, whatever it holds.
import { describeExchange, type Exchange, show } from '../../http/exchange.js'
import type { CheckContext } from '../context.js'
import { expectStatus } from '../shared/status.js'

export function expectBodylessError(context: CheckContext, exchange: Exchange, status: number): void {
  if (!expectStatus(context, exchange, status)) return
  const request = describeExchange(exchange)
  if (context.spec.responseMediaTypes(status).length === 0 && exchange.body.length > 0) {
    context.fail(`${status} is documented with no body, but one was sent`, {
      request,
      path: '$.body',
      expected: 'no body',
      actual: `${exchange.headers['content-type'] ?? 'untyped'} body ${show(exchange.body, 80)}`,
    })
  }
}
