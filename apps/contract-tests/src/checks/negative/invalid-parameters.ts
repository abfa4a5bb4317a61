// Every query parameter probed with values that break its schema, from the spec: each must be refused with the
// documented status and shape (kaiten.sh: problem details naming `query.<name>` and the value sent; kaiten.ru: no
// body). Where requests are paced, a few parameters get one case each, rotated by the run's seed.
import { describeExchange, type Exchange, jsonBody, show } from '../../http/exchange.js'
import type { ApiName } from '../../model.js'
import type { RuleId } from '../../rules/index.js'
import { OperationSpec } from '../../spec/operation.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import { expectBodylessError } from '../kaiten-ru/bodyless.js'
import { expectProblem } from '../kaiten-sh/problem.js'
import { rawQuery } from '../search-params.js'
import type { Target } from '../targets.js'
import { type NegativeCase, negativeCases } from './cases.js'
import { pickCases } from './pick.js'

/** Parameters probed per run where requests are paced: each costs a fifth of a second of the run. */
const PACED_PARAMETERS = 4

export type SendQuery<T extends Target> = (
  context: CheckContext<T>,
  query: URLSearchParams,
) => Promise<Exchange>

/** Integer text is reported back as a number, anything else as the text sent. */
function isValueSent(value: unknown, sent: string): boolean {
  if (typeof value === 'string') return value === sent
  return typeof value === 'number' && /^-?\d+$/.test(sent) && value === Number(sent)
}

/** The problem's error for the parameter must carry the value that was sent. */
function expectValueReported(context: CheckContext, exchange: Exchange, item: NegativeCase): void {
  const body = jsonBody(exchange)
  const errors =
    body !== null && typeof body === 'object' && 'errors' in body ? (body.errors as unknown) : undefined
  const error = Array.isArray(errors)
    ? (errors as Record<string, unknown>[]).find((entry) => entry?.location === `query.${item.parameter}`)
    : undefined
  // A missing location is expectProblem's finding; only a present error with a wrong value is this one.
  if (error && !isValueSent(error.value, item.value)) {
    context.fail('`errors[].value` must be the offending value as sent', {
      request: describeExchange(exchange),
      path: '$.body.errors[].value',
      expected: show(/^-?\d+$/.test(item.value) ? Number(item.value) : item.value),
      actual: show(error.value),
    })
  }
}

export interface InvalidParametersOptions {
  /** The `detail` a problem of a status must carry, where the API words every such problem alike. */
  problemDetail?: (spec: OperationSpec, status: number) => string | undefined
}

export function invalidParametersCheck<T extends Target>(
  api: ApiName & T['api'],
  send: SendQuery<T>,
  rules: readonly RuleId[],
  options: InvalidParametersOptions = {},
): CheckDefinition<T> {
  // The title describes the generated spec; a run draws its cases from its own model.
  const cases = negativeCases(OperationSpec.of(api))
  const statuses = [...new Set(cases.map((item) => item.status))].join(' or ')
  const shape = cases.some((item) => item.mediaType !== undefined)
    ? `problem details naming \`query.<name>\` and the value`
    : 'no body'
  return {
    id: `${api}.errors.invalid-parameters`,
    api,
    group: 'errors',
    title: `A query value that breaks its parameter's schema (type, format, bounds, enum, style) gets ${statuses} with ${shape}`,
    rules,
    async run(context) {
      const cases = negativeCases(context.spec)
      const all = context.options.allNegativeCases || context.spec.rateLimit === undefined
      const picked = pickCases(cases, { all, seed: context.options.seed, parameters: PACED_PARAMETERS })
      for (const item of picked) {
        const exchange = await send(context, rawQuery({ [item.parameter]: item.value }))
        if (exchange.status !== item.status) {
          context.fail(
            `${item.parameter}=${item.value} (${item.why}) must be refused with ${item.status}; got ${exchange.status}`,
            {
              request: describeExchange(exchange),
              path: '$.status',
              expected: String(item.status),
              actual: `${exchange.status} ${show(exchange.body, 80)}`,
            },
          )
          continue
        }
        if (item.mediaType === undefined) {
          expectBodylessError(context, exchange, item.status)
        } else {
          const detail = options.problemDetail?.(context.spec, item.status)
          expectProblem(context, exchange, item.status, {
            location: `query.${item.parameter}`,
            ...(detail !== undefined ? { detail } : {}),
          })
          expectValueReported(context, exchange, item)
        }
      }
      context.note(
        all
          ? `sent all ${cases.length} cases`
          : `sent ${picked.length} of ${cases.length} cases, one each for ${picked.map((item) => item.parameter).join(', ')} (seed ${context.options.seed}: --seed ${context.options.seed} replays them, --negative all sends every case)`,
      )
    },
  }
}
