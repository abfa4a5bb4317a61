import { createKaitenRuStore, kaitenRuHandlers, MOCK_TOKENS, scenarios } from '@kaiten-audit/mocks'
import { describe, expect, it } from 'vitest'
import {
  ConnectionError,
  createKaitenRuClient,
  type FetchFunction,
  type KaitenRuClientOptions,
  RequestAbortedError,
  TimeoutError,
} from '../src/index.js'
import { FAST_RETRIES, ruClient } from './support/clients.js'
import { ManualClock } from './support/manual-clock.js'
import { activeTimers, RU_BASE_URL, recordRequests, useMswServer } from './support/msw.js'

// Timeouts and backoffs run on a ManualClock that only the test moves, so "times out after 50 ms" is checked as
// "the only timer was 50 ms, and firing it ended the call", and "promptly" as "without the clock moving at all".
const store = createKaitenRuStore({ events: 1200 })
const server = useMswServer(...kaitenRuHandlers({ baseUrl: RU_BASE_URL, store, rateLimit: false }))
const recorded = recordRequests(server)
const LOGS = `${RU_BASE_URL}/audit-logs`

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )

/** A server that never answers: each request stays open until its signal aborts. */
function silentServer() {
  const requests: Request[] = []
  let arrived: () => void = () => {}
  let arrival = new Promise<void>((resolve) => {
    arrived = resolve
  })
  const fetch: FetchFunction = (request) => {
    requests.push(request)
    arrived()
    arrival = new Promise<void>((resolve) => {
      arrived = resolve
    })
    return new Promise((_resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true })
    })
  }
  return { fetch, requests, nextArrival: () => arrival }
}

function client(clock: ManualClock, fetch: FetchFunction, overrides: Partial<KaitenRuClientOptions> = {}) {
  return createKaitenRuClient({
    baseUrl: RU_BASE_URL,
    token: MOCK_TOKENS.kaitenRu.valid,
    retryDelay: FAST_RETRIES,
    rateLimit: false,
    clock,
    fetch,
    ...overrides,
  })
}

describe('timeouts', { timeout: 30_000 }, () => {
  it('times out a slow response with TimeoutError, a kind of ConnectionError', async () => {
    const clock = new ManualClock()
    const silent = silentServer()
    const call = failure(client(clock, silent.fetch, { timeoutMs: 50, maxRetries: 0 }).listAuditLogs())
    await silent.nextArrival()
    expect(clock.pending()).toEqual([50])
    expect(await clock.next()).toBe(50)
    const error = await call
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as TimeoutError).timeoutMs).toBe(50)
    expect(clock.pending()).toEqual([])
  })

  it('takes a per-call timeout over the client default', async () => {
    const clock = new ManualClock()
    const silent = silentServer()
    const ru = client(clock, silent.fetch, { timeoutMs: 60_000, maxRetries: 0 })
    const call = failure(ru.listAuditLogs({}, { timeoutMs: 30 }))
    await silent.nextArrival()
    expect(clock.pending()).toEqual([30])
    await clock.next()
    expect(((await call) as TimeoutError).timeoutMs).toBe(30)
  })

  it('applies the timeout per attempt and retries a timed-out attempt', async () => {
    const clock = new ManualClock()
    server.use(scenarios.latency(RU_BASE_URL, { ms: 600_000, times: 1 }))
    const call = ruClient({ clock, timeoutMs: 100 }).listAuditLogs({ limit: 3 })
    await clock.whenPending(1)
    expect(clock.pending()).toEqual([100])
    await clock.next() // the first attempt times out; the backoff (1–4 ms) follows
    expect(clock.pending()).toHaveLength(1)
    await clock.next() // the second attempt goes out with a fresh 100 ms, which the clock never reaches
    await expect(call).resolves.toHaveLength(3)
    expect(recorded.requests).toHaveLength(2)
  })

  it('covers a body that stalls after the headers', async () => {
    const clock = new ManualClock()
    let bodyRead: () => void = () => {}
    const reading = new Promise<void>((resolve) => {
      bodyRead = resolve
    })
    const fetch: FetchFunction = async () => {
      const stalled = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('['))
        },
        pull: () => bodyRead(),
      })
      return new Response(stalled, { headers: { 'content-type': 'application/json' } })
    }
    const call = failure(client(clock, fetch, { timeoutMs: 50, maxRetries: 0 }).listAuditLogs())
    // The headers are in and the body is being read when the clock reaches the timeout.
    await reading
    await clock.next()
    expect(await call).toBeInstanceOf(TimeoutError)
  })
})

describe('cancellation', { timeout: 30_000 }, () => {
  it('sends nothing when the signal is already aborted', async () => {
    const error = await failure(ruClient().listAuditLogs({}, { signal: AbortSignal.abort() }))
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect(recorded.requests).toHaveLength(0)
  })

  it('aborts an in-flight request at once, without retrying and without leaving timers', async () => {
    const clock = new ManualClock()
    const silent = silentServer()
    const controller = new AbortController()
    const ru = client(clock, silent.fetch, { maxRetries: 5 })
    const call = failure(ru.listAuditLogs({}, { signal: controller.signal }))
    await silent.nextArrival()
    controller.abort()
    // The clock has not moved: nothing waited for a timer.
    const error = await call
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect((error as RequestAbortedError).url).toBe(LOGS)
    expect(silent.requests).toHaveLength(1)
    expect(clock.pending()).toEqual([])
  })

  it('leaves no Node timer behind when an in-flight request is aborted on the system clock', async () => {
    server.use(scenarios.latency(RU_BASE_URL, { ms: 600_000 }))
    let onArrival: () => void = () => {}
    const arrived = new Promise<void>((resolve) => {
      onArrival = resolve
    })
    const listener = () => onArrival()
    server.events.on('request:start', listener)
    const timersBefore = activeTimers()
    const controller = new AbortController()
    const call = failure(ruClient({ maxRetries: 5 }).listAuditLogs({}, { signal: controller.signal }))
    await arrived
    controller.abort()
    expect(await call).toBeInstanceOf(RequestAbortedError)
    // The mock's own latency timer is still pending; the client's 30 s timeout must not be.
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore + 1)
    server.events.removeListener('request:start', listener)
  })

  it('aborts a retry backoff', async () => {
    const clock = new ManualClock()
    server.use(scenarios.serverErrors(RU_BASE_URL, { status: 503 }))
    const controller = new AbortController()
    const ru = ruClient({ clock, retryDelay: { initialDelayMs: 10_000, maxDelayMs: 10_000 } })
    const call = failure(ru.listAuditLogs({}, { signal: controller.signal }))
    // Backing off: the attempt's timeout is gone, the 10 s (less jitter) backoff is the one timer left.
    for (;;) {
      await clock.whenPending(1)
      const [wait = 0] = clock.pending()
      if (clock.pending().length === 1 && wait <= 10_000 && wait >= 7_500) break
      await clock.settle()
    }
    controller.abort()
    expect(await call).toBeInstanceOf(RequestAbortedError)
    expect(clock.pending()).toEqual([])
    expect(recorded.requests).toHaveLength(1)
  })

  it('ends an iteration cleanly with RequestAbortedError, between pages or mid-request', async () => {
    const clock = new ManualClock()
    const controller = new AbortController()
    const seen: string[] = []
    const error = await failure(
      (async () => {
        for await (const event of ruClient({ clock }).iterateAuditLogs(
          { limit: 100 },
          { signal: controller.signal },
        )) {
          seen.push(event.id)
          if (seen.length === 150) controller.abort()
        }
      })(),
    )
    expect(error).toBeInstanceOf(RequestAbortedError)
    // The page in hand is finished; no page after the abort is requested.
    expect(seen).toHaveLength(200)
    expect(recorded.requests).toHaveLength(2)
    expect(clock.pending()).toEqual([])

    const silent = silentServer()
    const midRequest = new AbortController()
    const pages = client(clock, silent.fetch).iterateAuditLogs({}, { signal: midRequest.signal }).pages()
    const first = failure(pages.next())
    await silent.nextArrival()
    midRequest.abort()
    expect(await first).toBeInstanceOf(RequestAbortedError)
    expect(clock.pending()).toEqual([])
  })
})
