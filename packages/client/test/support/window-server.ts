import { createKaitenRuResponder, createKaitenRuStore } from '@kaiten-audit/mocks'
import type { FetchFunction } from '../../src/index.js'
import type { ManualClock } from './manual-clock.js'

/**
 * How a server counts requests against its limit.
 * - `sliding`: a request is refused while `requests` others arrived in the last `windowMs` (strict, per millisecond);
 *   `X-RateLimit-Reset` is when the oldest of them leaves the window, rounded up to a whole second.
 * - `fixed`: windows aligned to multiples of `windowMs`; `X-RateLimit-Reset` is the end of the current one.
 */
export type WindowStyle = 'sliding' | 'fixed'

export interface WindowServerOptions {
  style: WindowStyle
  clock: ManualClock
  events: number
  requests?: number
  windowMs?: number
  /** Logical time from the client's send to the server's arrival, per request (cycled): the network's jitter. */
  uplinkMs?: readonly number[]
  /** Logical time from the server's answer to the client's receipt. */
  downlinkMs?: number
}

export interface WindowServer {
  fetch: FetchFunction
  /** Logical arrival time of every request the server accepted. */
  readonly accepted: number[]
  /** Logical arrival time of every request it answered with 429. */
  readonly refused: number[]
}

/** An in-memory kaiten.ru that enforces its limit on the injected clock's time; bodies come from the mocks. */
export function windowServer(options: WindowServerOptions): WindowServer {
  const { style, clock, requests = 5, windowMs = 1000, uplinkMs = [0], downlinkMs = 0 } = options
  const pages = createKaitenRuResponder({
    store: createKaitenRuStore({ events: options.events }),
    rateLimit: false,
  })
  const accepted: number[] = []
  const refused: number[] = []
  const wait = (ms: number) =>
    new Promise<void>((resolve) => (ms > 0 ? clock.setTimer(ms, resolve) : resolve()))
  let sent = 0

  const decide = (at: number) => {
    if (style === 'fixed') {
      const start = Math.floor(at / windowMs) * windowMs
      const used = accepted.filter((t) => t >= start).length
      return { used, resetMs: start + windowMs }
    }
    const inWindow = accepted.filter((t) => t > at - windowMs)
    const oldest = Math.min(at, ...inWindow)
    return { used: inWindow.length, resetMs: Math.ceil((oldest + windowMs) / 1000) * 1000 }
  }

  const fetch: FetchFunction = async (request) => {
    await wait(uplinkMs[sent++ % uplinkMs.length] ?? 0)
    const at = clock.now()
    const { used, resetMs } = decide(at)
    const allowed = used < requests
    ;(allowed ? accepted : refused).push(at)
    const headers = {
      'x-ratelimit-remaining': String(Math.max(0, requests - used - (allowed ? 1 : 0))),
      'x-ratelimit-reset': String(Math.ceil(resetMs / 1000)),
    }
    const answer = allowed ? await pages(request) : new Response(null, { status: 429 })
    const body = await answer.text()
    await wait(downlinkMs)
    return new Response(body || null, {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...headers },
    })
  }
  return { fetch, accepted, refused }
}

/**
 * Achieved over allowed request rate, after the opening burst that any window grants for free: the requests that
 * followed the first `requests`, over the time from the first arrival to the last.
 */
export function paceRatio(accepted: readonly number[], requests = 5, windowMs = 1000): number {
  const first = accepted[0] ?? 0
  const last = accepted.at(-1) ?? 0
  return (accepted.length - requests) / (last - first) / (requests / windowMs)
}
