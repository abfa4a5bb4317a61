import { createKaitenRuStore, kaitenRuHandlers, scenarios } from '@kaiten-audit/mocks'
import { delay, HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { ConnectionError, RequestAbortedError, TimeoutError } from '../src/index.js'
import { ruClient } from './support/clients.js'
import { activeTimers, RU_BASE_URL, recordRequests, useMswServer } from './support/msw.js'

const store = createKaitenRuStore({ events: 1200 })
const server = useMswServer(...kaitenRuHandlers({ baseUrl: RU_BASE_URL, store, rateLimit: false }))
const recorded = recordRequests(server)
const LOGS = `${RU_BASE_URL}/audit-logs`

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )

describe('timeouts', () => {
  it('times out a slow response with TimeoutError, a kind of ConnectionError', async () => {
    server.use(scenarios.latency(RU_BASE_URL, { ms: 2000 }))
    const started = Date.now()
    const error = await failure(ruClient({ timeoutMs: 50, maxRetries: 0 }).listAuditLogs())
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as TimeoutError).timeoutMs).toBe(50)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('takes a per-call timeout over the client default', async () => {
    server.use(scenarios.latency(RU_BASE_URL, { ms: 2000 }))
    const error = await failure(
      ruClient({ timeoutMs: 60_000, maxRetries: 0 }).listAuditLogs({}, { timeoutMs: 30 }),
    )
    expect((error as TimeoutError).timeoutMs).toBe(30)
  })

  it('applies the timeout per attempt and retries a timed-out attempt', async () => {
    server.use(scenarios.latency(RU_BASE_URL, { ms: 2000, times: 1 }))
    await expect(ruClient({ timeoutMs: 100 }).listAuditLogs({ limit: 3 })).resolves.toHaveLength(3)
    expect(recorded.requests).toHaveLength(2)
  })

  it('covers a body that stalls after the headers', async () => {
    server.use(
      http.get(LOGS, () => {
        const stalled = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('['))
          },
        })
        return new HttpResponse(stalled, { headers: { 'content-type': 'application/json' } })
      }),
    )
    const error = await failure(ruClient({ timeoutMs: 50, maxRetries: 0 }).listAuditLogs())
    expect(error).toBeInstanceOf(TimeoutError)
  })
})

describe('cancellation', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const error = await failure(ruClient().listAuditLogs({}, { signal: AbortSignal.abort() }))
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect(recorded.requests).toHaveLength(0)
  })

  it('aborts an in-flight request promptly, without retrying and without leaving timers', async () => {
    server.use(scenarios.latency(RU_BASE_URL, { ms: 2000 }))
    const timersBefore = activeTimers()
    const controller = new AbortController()
    const call = failure(ruClient({ maxRetries: 5 }).listAuditLogs({}, { signal: controller.signal }))
    await delay(20)
    const started = Date.now()
    controller.abort()
    const error = await call
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect((error as RequestAbortedError).url).toBe(LOGS)
    expect(Date.now() - started).toBeLessThan(200)
    expect(recorded.requests).toHaveLength(1)
    // MSW's own 2 s delay is still pending; the client's 30 s timeout must not be.
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore + 1)
  })

  it('aborts a retry backoff', async () => {
    server.use(scenarios.serverErrors(RU_BASE_URL, { status: 503 }))
    const controller = new AbortController()
    const client = ruClient({ retryDelay: { initialDelayMs: 10_000, maxDelayMs: 10_000 } })
    const call = failure(client.listAuditLogs({}, { signal: controller.signal }))
    await delay(50)
    const timersBefore = activeTimers()
    controller.abort()
    expect(await call).toBeInstanceOf(RequestAbortedError)
    expect(activeTimers()).toBe(timersBefore - 1)
  })

  it('ends an iteration cleanly with RequestAbortedError, between pages or mid-request', async () => {
    const timersBefore = activeTimers()
    const controller = new AbortController()
    const seen: string[] = []
    const error = await failure(
      (async () => {
        for await (const event of ruClient().iterateAuditLogs(
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
    expect(activeTimers()).toBe(timersBefore)

    server.use(scenarios.latency(RU_BASE_URL, { ms: 2000 }))
    const midRequest = new AbortController()
    setTimeout(() => midRequest.abort(), 30)
    const pages = ruClient().iterateAuditLogs({}, { signal: midRequest.signal }).pages()
    expect(await failure(pages.next())).toBeInstanceOf(RequestAbortedError)
  })
})
