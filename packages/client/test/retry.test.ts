import { scenarios } from '@kaiten-audit/mocks'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY_POLICY, parseRetryAfterMs, retryDelayMs } from '../src/core/retry.js'
import {
  ApiError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
} from '../src/index.js'
import { ruClient, shClient } from './support/clients.js'
import { RU_BASE_URL, SH_BASE_URL, useSmallMockApis } from './support/msw.js'

const { server, shStore, recorded, slug } = useSmallMockApis()
const LOGS = `${RU_BASE_URL}/audit-logs`

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )

describe('retries against the mocks', () => {
  it('retries a 429 and then succeeds, honouring Retry-After', async () => {
    server.use(scenarios.rateLimitStorm(RU_BASE_URL, { times: 1, retryAfterSeconds: 1 }))
    const started = Date.now()
    await expect(ruClient().listAuditLogs({ limit: 5 })).resolves.toHaveLength(5)
    // Retry-After: 1 wins over the 1–4 ms test backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(recorded.requests).toHaveLength(2)
  })

  it('retries 503 twice and then succeeds', async () => {
    server.use(scenarios.serverErrors(SH_BASE_URL, { times: 2, status: 503 }))
    await expect(shClient().listAuditTrails(slug, { limit: 5 })).resolves.toHaveLength(5)
    expect(recorded.requests).toHaveLength(3)
  })

  it.each([408, 500, 502, 504])('retries %i', async (status) => {
    server.use(http.get(LOGS, () => new HttpResponse(null, { status }), { once: true }))
    await expect(ruClient().listAuditLogs({ limit: 2 })).resolves.toHaveLength(2)
    expect(recorded.requests).toHaveLength(2)
  })

  it('gives the typed error once retries are exhausted: 1 + maxRetries attempts', async () => {
    server.use(scenarios.serverErrors(RU_BASE_URL, { status: 503 }))
    const error = await failure(ruClient().listAuditLogs())
    expect(error).toBeInstanceOf(InternalServerError)
    expect((error as ApiError).status).toBe(503)
    expect(recorded.requests).toHaveLength(3)
  })

  it('takes maxRetries per client and per call', async () => {
    server.use(scenarios.serverErrors(SH_BASE_URL))
    await failure(shClient({ maxRetries: 4 }).listAuditTrails(slug))
    expect(recorded.requests).toHaveLength(5)
    recorded.requests.length = 0
    await failure(shClient({ maxRetries: 4 }).listAuditTrails(slug, {}, { maxRetries: 0 }))
    expect(recorded.requests).toHaveLength(1)
  })

  it('retries connection errors, and gives ConnectionError when they persist', async () => {
    server.use(scenarios.networkError(RU_BASE_URL, { times: 1 }))
    await expect(ruClient().listAuditLogs({ limit: 1 })).resolves.toHaveLength(1)
    expect(recorded.requests).toHaveLength(2)

    server.use(scenarios.networkError(RU_BASE_URL))
    const error = await failure(ruClient({ maxRetries: 1 }).listAuditLogs())
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as ConnectionError).method).toBe('GET')
  })

  it('retries a body cut off mid-stream as a connection error', async () => {
    server.use(scenarios.truncatedBody(SH_BASE_URL, { times: 1, store: shStore }))
    await expect(shClient().listAuditTrails(slug, { limit: 5 })).resolves.toHaveLength(5)
  })

  it.each([
    [400, BadRequestError],
    [401, ApiError],
    [403, ApiError],
    [404, ApiError],
    [422, ApiError],
  ])('never retries %i', async (status, Class) => {
    server.use(http.get(LOGS, () => new HttpResponse(null, { status })))
    const error = await failure(ruClient({ maxRetries: 5 }).listAuditLogs())
    expect(error).toBeInstanceOf(Class)
    expect((error as ApiError).status).toBe(status)
    expect(recorded.requests).toHaveLength(1)
  })

  it('gives up at once when the server asks for a longer wait than allowed', async () => {
    server.use(scenarios.rateLimitStorm(RU_BASE_URL, { retryAfterSeconds: 120 }))
    const started = Date.now()
    const error = await failure(ruClient().listAuditLogs())
    expect(error).toBeInstanceOf(RateLimitError)
    expect(Date.now() - started).toBeLessThan(500)
    expect(recorded.requests).toHaveLength(1)
  })
})

describe('retry delay', () => {
  const now = Date.UTC(2026, 3, 1)
  const base = { policy: { ...DEFAULT_RETRY_POLICY }, now, random: () => 0, useRateLimitReset: false }

  it('backs off exponentially from 0.5 s, capped at 8 s, with up to 25 % jitter', () => {
    const delays = [0, 1, 2, 3, 4, 5].map((retry) => retryDelayMs({ ...base, retry }))
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000])
    expect(retryDelayMs({ ...base, retry: 1, random: () => 0.999 })).toBeCloseTo(750.5, 0)
  })

  it('honours Retry-After in seconds and as an HTTP date', () => {
    const seconds = new Headers({ 'retry-after': '3' })
    expect(retryDelayMs({ ...base, retry: 0, headers: seconds, status: 503 })).toBe(3000)
    const date = new Headers({ 'retry-after': new Date(now + 5000).toUTCString() })
    expect(retryDelayMs({ ...base, retry: 0, headers: date, status: 503 })).toBe(5000)
    expect(parseRetryAfterMs('soon', now)).toBeUndefined()
    expect(parseRetryAfterMs(new Date(now - 5000).toUTCString(), now)).toBe(0)
  })

  it('honours X-RateLimit-Reset (epoch seconds) on a kaiten.ru 429 only', () => {
    const headers = new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 2) })
    expect(retryDelayMs({ ...base, useRateLimitReset: true, retry: 0, headers, status: 429 })).toBe(2000)
    expect(retryDelayMs({ ...base, useRateLimitReset: true, retry: 0, headers, status: 503 })).toBe(500)
    expect(retryDelayMs({ ...base, useRateLimitReset: false, retry: 0, headers, status: 429 })).toBe(500)
  })

  it('returns null when the server asks for more than maxServerDelayMs', () => {
    const headers = new Headers({ 'retry-after': '61' })
    expect(retryDelayMs({ ...base, retry: 0, headers, status: 429 })).toBeNull()
  })
})
