// kaiten.ru's X-RateLimit-* headers judged for meaning on every response of the run that carries them: Remaining is
// what is left of the current window and falls with each request in it; Reset is the epoch second that window ends.
import { describeExchange } from '../../http/exchange.js'
import {
  judgeReset,
  RATE_LIMIT_REMAINING as REMAINING,
  RATE_LIMIT_RESET as RESET,
  remainingOf,
} from '../../http/rate-limit-reset.js'
import type { Finding } from '../../model.js'
import type { CheckDefinition } from '../context.js'
import { reportLimited } from '../shared/list-api.js'
import type { KaitenRuTarget } from '../targets.js'

export const rateLimitHeadersCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.rate-limit.headers',
  api: 'kaiten-ru',
  group: 'rate-limit',
  title:
    'X-RateLimit-Remaining counts down what is left of the window; X-RateLimit-Reset is when that window ends',
  rules: ['RU-46', 'RU-47', 'RU-49'],
  passive: true,
  async run(context) {
    const limit = context.spec.rateLimit
    if (!limit) return context.skip('the spec documents no x-rate-limit')
    const { requests, windowMs } = limit
    const exchanges = context
      .exchanges()
      .filter((exchange) => REMAINING in exchange.headers || RESET in exchange.headers)
    if (exchanges.length === 0) context.skip('no response carried X-RateLimit-* headers')
    const range: Required<Finding>[] = []
    const resets: Required<Finding>[] = []
    const counting: Required<Finding>[] = []

    for (const exchange of exchanges) {
      const request = describeExchange(exchange)
      const remaining = remainingOf(exchange)
      if (remaining !== undefined && remaining > requests) {
        range.push({
          message: `X-RateLimit-Remaining ${remaining} is more than a window holds (${requests} requests)`,
          path: `$.headers["${REMAINING}"]`,
          expected: `0 to ${requests}`,
          actual: String(remaining),
          request,
        })
      }
      if (exchange.status === 429 && remaining !== undefined && remaining !== 0) {
        range.push({
          message: 'a 429 must report an exhausted window: X-RateLimit-Remaining 0',
          path: `$.headers["${REMAINING}"]`,
          expected: '0',
          actual: String(remaining),
          request,
        })
      }
      if (RESET in exchange.headers) {
        const judged = judgeReset({
          reset: exchange.headers[RESET],
          date: exchange.headers.date,
          nowMs: exchange.receivedAt,
          windowSeconds: windowMs / 1000,
        })
        if (!judged.ok) {
          resets.push({
            message: `X-RateLimit-Reset cannot be when the current window ends: ${judged.reason}`,
            path: `$.headers["${RESET}"]`,
            expected: judged.expected,
            actual: String(exchange.headers[RESET]),
            request,
          })
        }
      }
    }

    // Within one window (one Reset) of one token (the limit is counted per token), a request sent after another was
    // answered must see less left, down to 0.
    const sequential = [...exchanges].sort((a, b) => a.sentOrder - b.sentOrder)
    for (const later of sequential) {
      const remaining = remainingOf(later)
      if (remaining === undefined) continue
      const earlier = sequential
        .filter(
          (other) =>
            other.auth === later.auth &&
            other.receivedOrder < later.sentOrder &&
            other.headers[RESET] !== undefined &&
            other.headers[RESET] === later.headers[RESET] &&
            remainingOf(other) !== undefined,
        )
        .at(-1)
      if (!earlier) continue
      const before = remainingOf(earlier) as number
      if (remaining > Math.max(before - 1, 0)) {
        counting.push({
          message:
            'X-RateLimit-Remaining did not fall between two requests in the same window (same X-RateLimit-Reset)',
          path: `$.headers["${REMAINING}"]`,
          expected: `at most ${Math.max(before - 1, 0)} (the previous request, ${describeExchange(earlier)}, left ${before})`,
          actual: String(remaining),
          request: describeExchange(later),
        })
      }
    }
    for (const findings of [range, resets, counting]) reportLimited(context, findings)
    context.note(`${exchanges.length} responses carried X-RateLimit-* headers`)
  },
}
