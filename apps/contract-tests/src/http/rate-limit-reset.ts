// What X-RateLimit-Reset may say: the UTC epoch second at which the current window ends, so shortly after the
// response's own Date. Anything else (milliseconds, a countdown, the past, far ahead) is reported at once; a run never
// waits on a value that cannot be right. The headers are read by the client's parser, the project's one reader of
// them; only the judgement (which values can be the end of the current window, and why not) is the contract's own.
import { parseRateLimitHeaders } from '@kaiten-audit/client'

/**
 * The rate-limit headers as recorded (lower case), named as the spec documents them; what each means (what is left of
 * the window, when it ends) is the vendor's prose, not something the model can say.
 */
export const RATE_LIMIT_REMAINING = 'x-ratelimit-remaining'
export const RATE_LIMIT_RESET = 'x-ratelimit-reset'

export type ResetJudgement = { ok: true; resetMs: number } | { ok: false; reason: string; expected: string }

export interface ResetContext {
  /** The header's text. */
  reset: string | undefined
  /** The response's `Date` header: the server's own clock, so skew between machines does not matter. */
  date?: string | undefined
  /** This run's clock, used when the response carries no readable Date. */
  nowMs: number
  /** The documented window (`x-rate-limit`). */
  windowSeconds: number
}

/** Without the server's Date, the local clock stands in, with this much room for the two clocks to disagree. */
const SKEW_SECONDS = 60
/** Epoch seconds have 10 digits from 2001 to 2286; 13 digits are milliseconds, a handful a countdown. */
export const EPOCH_SECONDS = { min: 1e9, max: 1e10 }

/** `X-RateLimit-Remaining` of a recorded response, or undefined when absent or unreadable (the schema check reports those). */
export function remainingOf(exchange: {
  headers: Readonly<Record<string, string | undefined>>
}): number | undefined {
  return parseRateLimitHeaders(exchange.headers).remaining
}

/** `X-RateLimit-Reset` of a recorded response in epoch seconds, or undefined when absent or not a plain number. */
export function resetOf(exchange: {
  headers: Readonly<Record<string, string | undefined>>
}): number | undefined {
  return parseRateLimitHeaders(exchange.headers).resetEpochSeconds
}

export function judgeReset({ reset, date, nowMs, windowSeconds }: ResetContext): ResetJudgement {
  const value = resetOf({ headers: { [RATE_LIMIT_RESET]: reset } })
  // The spec documents an integer; the client's reader also takes a fraction, which a contract reports.
  if (value === undefined || !Number.isInteger(value)) {
    return {
      ok: false,
      reason: `${JSON.stringify(reset ?? null)} is not an integer`,
      expected: 'UTC epoch seconds',
    }
  }
  const text = String(value)
  const dateMs = date === undefined ? Number.NaN : Date.parse(date)
  const byDate = Number.isFinite(dateMs)
  const reference = Math.floor((byDate ? dateMs : nowMs) / 1000)
  const slack = byDate ? 1 : SKEW_SECONDS
  const low = byDate ? reference : reference - SKEW_SECONDS
  const high = reference + windowSeconds + slack
  const expected = `UTC epoch seconds from ${low} to ${high} (${byDate ? "the response's Date" : 'this machine’s clock'} ${reference}, a ${windowSeconds} s window)`
  const against = byDate ? "the response's Date" : "this machine's clock"
  if (value >= EPOCH_SECONDS.max) {
    return { ok: false, reason: `${text} looks like epoch milliseconds`, expected }
  }
  if (value < EPOCH_SECONDS.min) {
    return { ok: false, reason: `${text} looks like seconds until the reset, not epoch seconds`, expected }
  }
  if (value < low)
    return { ok: false, reason: `${text} is in the past: ${reference - value} s before ${against}`, expected }
  if (value > high) {
    return {
      ok: false,
      reason: `${text} is ${value - reference} s after ${against}; a window lasts ${windowSeconds} s`,
      expected,
    }
  }
  return { ok: true, resetMs: value * 1000 }
}
