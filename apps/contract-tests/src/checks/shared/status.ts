// The first expectation of every error check: the documented status, before anything about the body is judged.
import { describeExchange, type Exchange, show } from '../../http/exchange.js'
import type { CheckContext } from '../context.js'

/** Records a finding and returns false when `exchange` did not answer `status`. */
export function expectStatus(context: CheckContext, exchange: Exchange, status: number): boolean {
  if (exchange.status === status) return true
  context.fail(`expected ${status}, got ${exchange.status}`, {
    request: describeExchange(exchange),
    path: '$.status',
    expected: String(status),
    actual: `${exchange.status} ${show(exchange.body, 80)}`,
  })
  return false
}
