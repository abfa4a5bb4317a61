// Every response of a run, checked against the spec: documented status, content type, headers and body schema.
// Statuses are judged by the run's model; content type, headers and body by `validateResponse` over the bundled spec
// document (the recorder's), which knows no status a model built from an edited spec adds.

import { describeExchange, type Exchange } from '../http/exchange.js'
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
      const unvalidated = new Set<number>()
      for (const exchange of exchanges) {
        const violations = statusByModel(exchange, context.spec.documents(exchange.status), () =>
          context.spec.documentedStatuses().join(', '),
        )
        if (violations === 'unvalidated') {
          unvalidated.add(exchange.status)
          conforming++
          continue
        }
        if (violations.length === 0) {
          conforming++
          continue
        }
        const request = `${describeExchange(exchange)} (sent by ${exchange.checkId})`
        for (const violation of violations.slice(0, MAX_VIOLATIONS_PER_RESPONSE)) {
          context.fail(`the response departs from the spec at ${violation.path}`, {
            request,
            path: violation.path,
            expected: violation.expected,
            actual: violation.actual,
          })
        }
        const more = violations.length - MAX_VIOLATIONS_PER_RESPONSE
        if (more > 0) context.fail(`… and ${more} more violations in this response`, { request })
      }
      context.note(`${conforming} of ${exchanges.length} responses conform`)
      for (const status of unvalidated) {
        context.note(
          `${status} is documented by the run's model but not by the bundled spec, so its bodies were not validated`,
        )
      }
    },
  }
}

/**
 * The exchange's violations with its status judged by the model: a status only the model documents leaves nothing to
 * validate against (`unvalidated`); one the model does not document is a violation even where the bundled spec has it.
 */
function statusByModel(
  exchange: Exchange,
  documented: boolean,
  statuses: () => string,
): Exchange['violations'] | 'unvalidated' {
  const statusViolation = exchange.violations.some((violation) => violation.path === '$.status')
  if (documented) return statusViolation ? 'unvalidated' : exchange.violations
  if (statusViolation) return exchange.violations
  return [
    {
      path: '$.status',
      expected: `one of ${statuses()}`,
      actual: String(exchange.status),
      message: `$.status: expected one of ${statuses()}, got ${exchange.status}`,
    },
    ...exchange.violations,
  ]
}
