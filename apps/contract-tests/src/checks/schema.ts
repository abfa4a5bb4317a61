// Every response of a run, checked against the spec: documented status, content type, headers and body schema.

import { describeExchange } from '../http/exchange.js'
import { apiLabels } from '../model.js'
import type { RuleId } from '../rules/index.js'
import type { CheckDefinition } from './context.js'
import type { Target } from './targets.js'

/** Per exchange, at most this many violations are listed; the rest are counted. */
const MAX_VIOLATIONS_PER_RESPONSE = 5

export function schemaCheck<T extends Target>(api: T['api'], rules: readonly RuleId[]): CheckDefinition<T> {
  return {
    id: `${api}.schema.responses-conform`,
    api,
    group: 'schema',
    title: `Every ${apiLabels[api]} response of this run conforms to the spec`,
    rules,
    passive: true,
    async run(context) {
      const exchanges = context.exchanges()
      if (exchanges.length === 0) context.skip('no responses were recorded')
      let conforming = 0
      for (const exchange of exchanges) {
        if (exchange.violations.length === 0) {
          conforming++
          continue
        }
        const request = `${describeExchange(exchange)} (sent by ${exchange.checkId})`
        for (const violation of exchange.violations.slice(0, MAX_VIOLATIONS_PER_RESPONSE)) {
          context.fail(`the response departs from the spec at ${violation.path}`, {
            request,
            path: violation.path,
            expected: violation.expected,
            actual: violation.actual,
          })
        }
        const more = exchange.violations.length - MAX_VIOLATIONS_PER_RESPONSE
        if (more > 0) context.fail(`… and ${more} more violations in this response`, { request })
      }
      context.note(`${conforming} of ${exchanges.length} responses conform`)
    },
  }
}
