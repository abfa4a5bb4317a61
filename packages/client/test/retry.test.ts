import { scenarios } from '@kaiten-audit/mocks'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../src/core/retry.js'
import {
  ApiError,
  BadRequestError,
  ConnectionError,
  type FetchFunction,
  InternalServerError,
  parseRetryAfterMs,
  RateLimitError,
} from '../src/index.js'
import { ruClient, shClient } from './support/clients.js'
import { ManualClock } from './support/manual-clock.js'
import { RU_BASE_URL, SH_BASE_URL, useSmallMockApis } from './support/msw.js'

const { server, shStore, recorded, slug } = useSmallMockApis()
const LOGS = `${RU_BASE_URL}/audit-logs`

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )

// Real (in-process) HTTP through MSW: an explicit timeout, so a busy machine is not taken for a failure.
describe('retries against the mocks', { timeout: 30_000 }, () => {
  it('retries a 429 and then succeeds, honouring Retry-After', async () => {
    const clock = new ManualClock()
    server.use(
      scenarios.rateLimitStorm(RU_BASE_URL, { times: 1, retryAfterSeconds: 1, now: () => clock.now() }),
    )
    // No attempt timeout: the only wait on the clock is the one the server asked for.
    const call = ruClient({ clock, timeoutMs: Number.POSITIVE_INFINITY }).listAuditLogs({ limit: 5 })
    await clock.whenPending(1)
    // Retry-After: 1 wins over the 1–4 ms test backoff.
    expect(clock.pending()).toEqual([1000])
    expect(recorded.requests).toHaveLength(1)
    await clock.advance(1000)
    await expect(call).resolves.toHaveLength(5)
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
    const clock = new ManualClock()
    server.use(scenarios.rateLimitStorm(RU_BASE_URL, { retryAfterSeconds: 120, now: () => clock.now() }))
    // The clock never moves: a call that waited on it would never settle.
    const error = await failure(ruClient({ clock, timeoutMs: Number.POSITIVE_INFINITY }).listAuditLogs())
    expect(error).toBeInstanceOf(RateLimitError)
    expect(recorded.requests).toHaveLength(1)
  })
})

describe('hostile retry headers, on logical time', () => {
  const now0 = Date.UTC(2026, 3, 1, 12, 0, 0, 250)
  const seconds = (ms: number) => String(Math.ceil(ms / 1000))

  /** Answers 429 with the given headers to every attempt, recording each attempt's logical time. */
  function refusing(clock: ManualClock, headers: (now: number) => Record<string, string>) {
    const attempts: number[] = []
    const fetch: FetchFunction = async () => {
      attempts.push(clock.now())
      return new Response(null, { status: 429, headers: headers(clock.now()) })
    }
    return { fetch, attempts }
  }

  /** The default policy (0.5 s doubling, two retries), kaiten.ru's or kaiten.sh's reading of headers, no pacing. */
  function call(api: 'ru' | 'sh', clock: ManualClock, fetch: FetchFunction): Promise<unknown> {
    const options = { clock, fetch, retryDelay: {}, rateLimit: false as const }
    return api === 'ru'
      ? ruClient(options).listAuditLogs()
      : shClient(options).listAuditTrails('acme-production')
  }

  const gaps = (attempts: number[]) => attempts.slice(1).map((at, i) => at - (attempts[i] ?? at))

  it.each<[string, 'ru' | 'sh', (now: number) => Record<string, string>]>([
    ['no headers at all', 'ru', () => ({})],
    ['no headers at all', 'sh', () => ({})],
    ['Retry-After: 0', 'sh', () => ({ 'retry-after': '0' })],
    ['a negative Retry-After', 'sh', () => ({ 'retry-after': '-5' })],
    ['Retry-After in exponent notation', 'sh', () => ({ 'retry-after': '1e3' })],
    ['a Retry-After that is neither seconds nor an HTTP date', 'sh', () => ({ 'retry-after': 'soon' })],
    ['a Retry-After that only a lenient date parser reads', 'sh', () => ({ 'retry-after': 'April 1' })],
    [
      'a Retry-After date in the past',
      'sh',
      (now) => ({ 'retry-after': new Date(now - 5000).toUTCString() }),
    ],
    [
      'a Reset in epoch milliseconds',
      'ru',
      (now) => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + 1000) }),
    ],
    [
      'a Reset in the past',
      'ru',
      (now) => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': seconds(now - 5000) }),
    ],
    [
      'a Reset an hour ahead',
      'ru',
      (now) => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': seconds(now + 3_600_000) }),
    ],
    [
      'a Reset that is not a number',
      'ru',
      () => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'never' }),
    ],
  ])('%s (%s): backs off 0.5 s then 1 s, neither spinning nor stalling', async (_name, api, headers) => {
    const clock = new ManualClock(now0)
    const server = refusing(clock, headers)
    expect(await clock.runUntil(failure(call(api, clock, server.fetch)))).toBeInstanceOf(RateLimitError)
    expect(server.attempts).toHaveLength(3)
    const [first = 0, second = 0] = gaps(server.attempts)
    expect(first).toBeGreaterThanOrEqual(375)
    expect(first).toBeLessThanOrEqual(500)
    expect(second).toBeGreaterThanOrEqual(750)
    expect(second).toBeLessThanOrEqual(1000)
  })

  it.each<[string, 'ru' | 'sh', (now: number) => Record<string, string>, number]>([
    ['Retry-After in seconds', 'sh', () => ({ 'retry-after': '2' }), 2000],
    [
      'Retry-After as an IMF-fixdate',
      'sh',
      (now) => ({ 'retry-after': new Date(now + 3750).toUTCString() }),
      3750,
    ],
    [
      'Retry-After in the obsolete RFC 850 form',
      'sh',
      () => ({ 'retry-after': 'Wednesday, 01-Apr-26 12:00:04 GMT' }),
      3750,
    ],
    [
      'Retry-After in the obsolete asctime form',
      'sh',
      () => ({ 'retry-after': 'Wed Apr  1 12:00:04 2026' }),
      3750,
    ],
    [
      'a plausible Reset on a kaiten.ru 429',
      'ru',
      (now) => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': seconds(now + 1) }),
      750,
    ],
  ])('honours %s (%s)', async (_name, api, headers, wait) => {
    const clock = new ManualClock(now0)
    const server = refusing(clock, headers)
    await clock.runUntil(failure(call(api, clock, server.fetch)))
    expect(gaps(server.attempts)[0]).toBe(wait)
  })

  it.each<[string, (now: number) => Record<string, string>]>([
    ['a Retry-After of a day', () => ({ 'retry-after': '86400' })],
    ['a Retry-After of 10^20 seconds', () => ({ 'retry-after': '99999999999999999999' })],
    [
      'a Retry-After date a year ahead',
      (now) => ({ 'retry-after': new Date(now + 366 * 86_400_000).toUTCString() }),
    ],
  ])('gives up at once on %s, without waiting', async (_name, headers) => {
    const clock = new ManualClock(now0)
    const server = refusing(clock, headers)
    // The clock never moves: a call that waited on it would never settle.
    expect(await failure(call('sh', clock, server.fetch))).toBeInstanceOf(RateLimitError)
    expect(server.attempts).toEqual([now0])
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
    // Date.parse would read each of these as some date.
    for (const lenient of ['-5', '1 2', 'April 1', '2026-04-01T00:00:05Z', 'Wed, 01 Apr 2026 12:00:05 +0000'])
      expect(parseRetryAfterMs(lenient, now)).toBeUndefined()
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
