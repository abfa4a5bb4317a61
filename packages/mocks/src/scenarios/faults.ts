// Transport and server faults, as MSW overrides for `server.use()`. Each answers while its `times` budget lasts,
// then lets the faithful handler answer, so "N × 5xx, then success" is `serverErrors(baseUrl, { times: N })`.

import { delay, type HttpHandler, HttpResponse } from 'msw'
import { type AnyStore, apiError, type FaultOptions, faithfulResponder, faultHandler } from './shared.js'

function checkRange(name: string, value: number, min: number, max: number): number {
  if (Number.isInteger(value) && value >= min && value <= max) return value
  throw new Error(
    `${name}: ${JSON.stringify(value)} is not allowed; allowed: an integer from ${min} to ${max}`,
  )
}

/** Waits `ms` before the faithful handler answers. */
export function latency(baseUrl: string, options: FaultOptions & { ms: number }): HttpHandler {
  const ms = checkRange('ms', options.ms, 0, 600_000)
  return faultHandler(baseUrl, options.times, async () => {
    await delay(ms)
    return undefined
  })
}

/** 5xx answers (default 500), shaped like each API's errors. */
export function serverErrors(baseUrl: string, options: FaultOptions & { status?: number } = {}): HttpHandler {
  const status = checkRange('status', options.status ?? 500, 500, 599)
  return faultHandler(baseUrl, options.times, (_request, api) => apiError(api, status, 'unexpected error'))
}

/** 429 answers with `X-RateLimit-Remaining: 0`, `X-RateLimit-Reset` and `Retry-After`. */
export function rateLimitStorm(
  baseUrl: string,
  options: FaultOptions & { retryAfterSeconds?: number; now?: () => number } = {},
): HttpHandler {
  const retryAfter = checkRange('retryAfterSeconds', options.retryAfterSeconds ?? 1, 0, 3600)
  const now = options.now ?? Date.now
  return faultHandler(baseUrl, options.times, (_request, api) =>
    apiError(api, 429, 'rate limit exceeded', {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(now() / 1000) + retryAfter),
      'retry-after': String(retryAfter),
    }),
  )
}

/** A connection that fails before any response (fetch rejects with a TypeError). */
export function networkError(baseUrl: string, options: FaultOptions = {}): HttpHandler {
  return faultHandler(baseUrl, options.times, () => HttpResponse.error())
}

/** 200 with a JSON content type and a body that is not JSON. */
export function malformedJson(baseUrl: string, options: FaultOptions = {}): HttpHandler {
  return faultHandler(
    baseUrl,
    options.times,
    () =>
      new Response('[{"id": 1001, "eventName": "kaiten.v1.feature_flag.evaluate", "status": ', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
  )
}

/**
 * The faithful response, cut in the middle: headers arrive, then the body stream fails after half its bytes,
 * the way a dropped connection looks to fetch (`response.json()` rejects).
 */
export function truncatedBody(
  baseUrl: string,
  options: FaultOptions & { store?: AnyStore } = {},
): HttpHandler {
  const faithful = faithfulResponder(baseUrl, options.store)
  return faultHandler(baseUrl, options.times, async (request, api) => {
    const response = await faithful(api)(request)
    const bytes = new Uint8Array(await response.arrayBuffer())
    const half = bytes.slice(0, Math.floor(bytes.length / 2))
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half)
        controller.error(new TypeError('terminated: connection closed before the body was complete'))
      },
    })
    return new Response(body, { status: response.status, headers: response.headers })
  })
}

const PROXY_TITLES: Readonly<Record<number, string>> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

/** What a proxy in front of the API sends when the upstream is down: an HTML page, not the API's format. */
export function htmlErrorPage(
  baseUrl: string,
  options: FaultOptions & { status?: number } = {},
): HttpHandler {
  const status = checkRange('status', options.status ?? 502, 400, 599)
  const title = `${status} ${PROXY_TITLES[status] ?? 'Error'}`
  const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  return faultHandler(
    baseUrl,
    options.times,
    () => new Response(page, { status, headers: { 'content-type': 'text/html' } }),
  )
}
