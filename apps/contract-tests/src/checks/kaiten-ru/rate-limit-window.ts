// kaiten.ru's rate limit from both sides: in one window the documented number of requests is served and the rest are
// refused with 429; once X-RateLimit-Reset has passed, requests are served again. Windows are told apart by the
// server's own X-RateLimit-Reset, so the burst needs no fresh window: the run's earlier requests in it are counted,
// and the burst sends only what takes that window one past the limit.
import { describeExchange, type Exchange } from '../../http/exchange.js'
import {
  judgeReset,
  RATE_LIMIT_REMAINING as REMAINING,
  RATE_LIMIT_RESET as RESET,
  remainingOf,
} from '../../http/rate-limit-reset.js'
import { OperationSpec } from '../../spec/operation.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import type { KaitenRuTarget } from '../targets.js'
import { sendAuditLogs } from './list.js'

/** A burst that straddles two windows proves nothing either way; it is sent once more, whole, in the next window. */
const BURSTS = 2

/** Less of the last window left than this, and the burst waits for the next one instead of topping it up. */
const TOP_UP_MARGIN_MS = 150

interface WindowCount {
  reset: string
  sent: number
  served: number
  refused: number
}

/** Milliseconds until the window `exchange` reports ends, by its Reset and its own Date; undefined when unreadable. */
function msUntilReset(context: CheckContext<KaitenRuTarget>, exchange: Exchange): number | undefined {
  const { windowMs } = context.spec.requiredRateLimit
  const nowMs = context.clock.now()
  const judged = judgeReset({
    reset: exchange.headers[RESET],
    date: exchange.headers.date,
    nowMs,
    windowSeconds: windowMs / 1000,
  })
  if (!judged.ok) return undefined
  const serverDate = Date.parse(exchange.headers.date ?? '')
  const horizon = Number.isFinite(serverDate) ? judged.resetMs - serverDate : windowMs
  return Math.min(Math.max(judged.resetMs - nowMs, 0), Math.max(horizon, 0))
}

/** Our requests with the valid token per server window (one X-RateLimit-Reset value), from everything recorded. */
function countWindows(exchanges: readonly Exchange[], resets: ReadonlySet<string>): WindowCount[] {
  return [...resets].map((reset) => {
    const inWindow = exchanges.filter(
      (exchange) => exchange.auth === 'valid' && exchange.headers[RESET] === reset,
    )
    return {
      reset,
      sent: inWindow.length,
      served: inWindow.filter((exchange) => exchange.status !== 429).length,
      refused: inWindow.filter((exchange) => exchange.status === 429).length,
    }
  })
}

/** Our requests with the valid token in the window of the run's last recorded exchange, by its X-RateLimit-Reset. */
function sentInLastWindow(context: CheckContext<KaitenRuTarget>): number {
  const exchanges = context.exchanges()
  const reset = exchanges.at(-1)?.headers[RESET]
  if (reset === undefined) return 0
  return countWindows(exchanges, new Set([reset]))[0]?.sent ?? 0
}

export const rateLimitWindowCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.rate-limit.window',
  api: 'kaiten-ru',
  group: 'rate-limit',
  title: `${OperationSpec.of('kaiten-ru').requiredRateLimit.requests} requests in one window are served, more get 429, and requests are served again after X-RateLimit-Reset`,
  rules: ['RU-43', 'RU-44', 'RU-47'],
  async run(context) {
    if (!context.options.rateLimitChecks) context.skip('rate limiting is not exercised in this run')
    const limit = context.spec.rateLimit
    if (!limit) return context.skip('the spec documents no x-rate-limit')
    const { requests } = limit

    let judged: WindowCount | undefined
    let refusedExchange: Exchange | undefined
    for (let burst = 1; burst <= BURSTS && !judged; burst++) {
      // Unpaced on purpose: the only requests of a run that go past the documented limit. The first burst only tops
      // up the window the run's last request fell in; if that window has ended meanwhile, the next one is whole.
      let size = requests + 1
      if (burst === 1) {
        const last = context.exchanges().at(-1)
        const left = last ? msUntilReset(context, last) : undefined
        // A window about to end would take the burst's first requests and the next one the rest: start afresh.
        if (left !== undefined && left < TOP_UP_MARGIN_MS) await context.clock.sleep(left)
        else size -= Math.min(sentInLastWindow(context), requests)
      }
      const exchanges = await Promise.all(
        Array.from({ length: size }, () =>
          sendAuditLogs(context, rawQuery({ limit: '1' }), { paced: false }),
        ),
      )
      refusedExchange = exchanges.find((exchange) => exchange.status === 429)
      if (refusedExchange && msUntilReset(context, refusedExchange) === undefined) {
        context.fail('a 429 must say when to come back: X-RateLimit-Reset, the end of the current window', {
          request: describeExchange(refusedExchange),
          path: `$.headers["${RESET}"]`,
          expected: 'UTC epoch seconds',
          actual: refusedExchange.headers[RESET] ?? 'absent',
        })
        return
      }
      const resets = new Set(exchanges.map((exchange) => exchange.headers[RESET] ?? 'absent'))
      const windows = countWindows(context.exchanges(), resets)
      const crowded = windows.find((window) => window.sent > requests)
      if (crowded) judged = crowded
      else {
        context.note(`burst ${burst} straddled two rate-limit windows (${[...resets].join(', ')})`)
        await context.clock.sleep(msUntilReset(context, exchanges.at(-1) as Exchange) ?? 0)
      }
    }
    if (!judged) {
      context.fail(
        `${BURSTS} bursts of simultaneous requests never took one window past ${requests} requests`,
        {
          expected: `${requests + 1} requests with one X-RateLimit-Reset`,
          actual: 'each burst split across windows',
        },
      )
      return
    }
    const window = `the window ending at ${judged.reset}`
    if (judged.served > requests) {
      context.fail(
        `${judged.served} of ${judged.sent} requests in ${window} were served; the documented limit is ${requests} per ${limit.windowMs === 1000 ? 'second' : `${limit.windowMs / 1000} seconds`}`,
        { expected: `at most ${requests} served, the rest 429`, actual: `${judged.served} served` },
      )
    }
    if (judged.served < requests) {
      context.fail(
        `only ${judged.served} of ${judged.sent} requests in ${window} were served; the documented limit allows ${requests}`,
        {
          expected: `${requests} served`,
          actual: `${judged.served} served, ${judged.refused} refused with 429`,
        },
      )
    }
    if (!refusedExchange) return

    // The 429 says when to come back; once that moment has passed, a request must be served.
    await context.clock.sleep(msUntilReset(context, refusedExchange) ?? 0)
    const after = await sendAuditLogs(context, rawQuery({ limit: '1' }), { paced: false })
    if (after.status !== 200) {
      context.fail(
        `X-RateLimit-Reset ${refusedExchange.headers[RESET]} had passed, yet the next request was answered ${after.status}`,
        {
          request: describeExchange(after),
          expected: '200 in a new window',
          actual: `${after.status} with X-RateLimit-Reset ${after.headers[RESET] ?? 'absent'}`,
        },
      )
    } else if (remainingOf(after) !== requests - 1) {
      context.note(
        `the first request after the reset left X-RateLimit-Remaining ${after.headers[REMAINING] ?? 'absent'}; another client may share the token`,
      )
    }
  },
}
