// kaiten.ru: more than 5 requests in a second get 429, and the 429 says when to come back.
import { describeExchange, type Exchange } from '../../http/exchange.js'
import { requiredRateLimit } from '../../spec/operation.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import type { KaitenRuTarget } from '../targets.js'
import { sendAuditLogs } from './list.js'

const KAITEN_RU_RATE_LIMIT = requiredRateLimit('kaiten-ru')

/** Twice the limit and then some: enough to cross a window boundary and still be refused. */
const BURST = KAITEN_RU_RATE_LIMIT.requests * 2 + 2
/** A reset further away than this is not "the end of the current one-second window". */
const RESET_HORIZON_SECONDS = 60
const INTEGER = /^\d+$/

/** The header's value when it holds an integer; otherwise records `message` and returns undefined. */
function integerHeader(
  context: CheckContext,
  exchange: Exchange,
  name: string,
  { message, expected }: { message: string; expected: string },
): string | undefined {
  const value = exchange.headers[name]
  if (value !== undefined && INTEGER.test(value.trim())) return value
  context.fail(message, {
    request: describeExchange(exchange),
    path: `$.headers["${name}"]`,
    expected,
    actual: value === undefined ? 'absent' : JSON.stringify(value),
  })
  return undefined
}

function checkHeaders(context: CheckContext, exchange: Exchange, nowSeconds: number): void {
  integerHeader(context, exchange, 'x-ratelimit-remaining', {
    message: 'a 429 must carry X-RateLimit-Remaining (an integer)',
    expected: 'an integer ≥ 0',
  })
  const reset = integerHeader(context, exchange, 'x-ratelimit-reset', {
    message: 'a 429 must carry X-RateLimit-Reset (UTC epoch seconds)',
    expected: 'UTC epoch seconds',
  })
  if (reset === undefined) return
  const seconds = Number(reset)
  // A second of slack either way for clock skew between the server and this machine.
  if (seconds < Math.floor(nowSeconds) - 1 || seconds > nowSeconds + RESET_HORIZON_SECONDS) {
    context.fail('X-RateLimit-Reset must be the UTC epoch second at which the current window ends', {
      request: describeExchange(exchange),
      path: '$.headers["x-ratelimit-reset"]',
      expected: `about ${Math.ceil(nowSeconds)} (epoch seconds, within ${RESET_HORIZON_SECONDS} s)`,
      actual: reset,
    })
  }
}

export const rateLimitCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.errors.429-rate-limit-headers',
  api: 'kaiten-ru',
  group: 'errors',
  title: `More than ${KAITEN_RU_RATE_LIMIT.requests} requests per second get 429 with X-RateLimit-Remaining and X-RateLimit-Reset`,
  rules: ['RU-43', 'RU-45'],
  async run(context) {
    if (!context.options.rateLimitChecks) context.skip('rate limiting is not exercised in this run')
    // Unpaced on purpose: the only requests of a run that exceed the documented limit.
    const exchanges = await Promise.all(
      Array.from({ length: BURST }, () => sendAuditLogs(context, rawQuery({ limit: '1' }), { paced: false })),
    )
    const nowSeconds = context.clock.now() / 1000
    const limited = exchanges.filter((exchange) => exchange.status === 429)
    if (limited.length === 0) {
      context.fail(
        `${BURST} requests sent at once were all answered; the documented limit is ${KAITEN_RU_RATE_LIMIT.requests} per second`,
        {
          expected: 'at least one 429',
          actual: `statuses ${[...new Set(exchanges.map((e) => e.status))].join(', ')}`,
        },
      )
      return
    }
    for (const exchange of limited) checkHeaders(context, exchange, nowSeconds)
    context.note(`${limited.length} of ${BURST} simultaneous requests were answered 429`)
  },
}
