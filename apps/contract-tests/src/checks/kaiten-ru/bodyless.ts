// kaiten.ru documents its error responses with no body at all; a body there is reported, whatever it holds.
import { describeExchange, type Exchange, show } from '../../http/exchange.js'
import type { CheckContext } from '../context.js'

export function expectBodylessError(context: CheckContext, exchange: Exchange, status: number): void {
  const request = describeExchange(exchange)
  if (exchange.status !== status) {
    context.fail(`expected ${status}, got ${exchange.status}`, {
      request,
      path: '$.status',
      expected: String(status),
      actual: `${exchange.status} ${show(exchange.body, 80)}`,
    })
    return
  }
  if (exchange.body.length > 0) {
    context.fail(`${status} is documented with no body, but one was sent`, {
      request,
      path: '$.body',
      expected: 'no body',
      actual: `${exchange.headers['content-type'] ?? 'untyped'} body ${show(exchange.body, 80)}`,
    })
  }
}
