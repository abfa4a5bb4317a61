// Transport and server faults. Each distorts the answers while its `times` budget lasts, then lets the wrapped
// responder answer, so "N × 5xx, then success" is `serverErrors({ times: N })`.

import { apiErrorResponse } from '../responders/api-error.js'
import { defineScenario } from './scenario.js'

const BOTH = ['kaiten-sh', 'kaiten-ru'] as const

/** Waits `ms`, then the wrapped answer. */
export const latency = defineScenario<{ ms: number }, 'ms'>({
  name: 'latency',
  summary: 'waits ms milliseconds, then the faithful answer',
  apis: BOTH,
  options: { ms: { min: 0, max: 600_000 } },
  wrap:
    (responder, { ms }, { clock, take }) =>
    async (request) => {
      if (take()) await clock.sleep(ms)
      return responder(request)
    },
})

/** 5xx (default 500) in the API's error shape. */
export const serverErrors = defineScenario<{ status: number }>({
  name: 'server-errors',
  summary: "5xx (default 500) in the API's error shape",
  apis: BOTH,
  options: { status: { min: 500, max: 599, default: 500 } },
  wrap:
    (responder, { status }, { take }) =>
    async (request) =>
      take()
        ? apiErrorResponse(responder.api, status, 'unexpected error (mock scenario server-errors)')
        : responder(request),
})

/** 429 with `X-RateLimit-Remaining: 0`, `X-RateLimit-Reset` and `Retry-After`. */
export const rateLimitStorm = defineScenario<{ retryAfterSeconds: number }>({
  name: 'rate-limit-storm',
  summary: '429 with X-RateLimit-Remaining: 0, X-RateLimit-Reset and Retry-After',
  apis: BOTH,
  options: { retryAfterSeconds: { min: 0, max: 3600, default: 1 } },
  wrap:
    (responder, { retryAfterSeconds }, { clock, take }) =>
    async (request) => {
      if (!take()) return responder(request)
      return apiErrorResponse(responder.api, 429, 'rate limit exceeded (mock scenario rate-limit-storm)', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(clock.now() / 1000) + retryAfterSeconds),
        'retry-after': String(retryAfterSeconds),
      })
    },
})

/** A connection that fails before any response: `fetch` rejects with a TypeError; a server drops the socket. */
export const networkError = defineScenario<Record<never, number>>({
  name: 'network-error',
  summary: 'the connection fails before any response (fetch rejects)',
  apis: BOTH,
  options: {},
  wrap:
    (responder, _options, { take }) =>
    async (request) =>
      take() ? Response.error() : responder(request),
})

/** 200 with a JSON content type and a body that is not JSON. */
export const malformedJson = defineScenario<Record<never, number>>({
  name: 'malformed-json',
  summary: '200, application/json, a body that does not parse',
  apis: BOTH,
  options: {},
  wrap:
    (responder, _options, { take }) =>
    async (request) =>
      take()
        ? new Response('[{"id": 1001, "eventName": "kaiten.v1.feature_flag.evaluate", "status": ', {
            status: 200,
            headers: { 'content-type': 'application/json' },
          })
        : responder(request),
})

/**
 * The wrapped response, cut in the middle: headers arrive, then the body stream fails after half its bytes, the
 * way a dropped connection looks to fetch (`response.json()` rejects).
 */
export const truncatedBody = defineScenario<Record<never, number>>({
  name: 'truncated-body',
  summary: 'the faithful headers and half the body, then the stream fails',
  apis: BOTH,
  options: {},
  wrap:
    (responder, _options, { take }) =>
    async (request) => {
      if (!take()) return responder(request)
      const response = await responder(request)
      const bytes = new Uint8Array(await response.arrayBuffer())
      const half = bytes.slice(0, Math.floor(bytes.length / 2))
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(half)
          controller.error(new TypeError('terminated: connection closed before the body was complete'))
        },
      })
      const headers = new Headers(response.headers)
      headers.delete('content-length')
      return new Response(body, { status: response.status, headers })
    },
})

const PROXY_TITLES: Readonly<Record<number, string>> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

/** What a proxy in front of the API sends when the upstream is down: an HTML page, not the API's format. */
export const htmlErrorPage = defineScenario<{ status: number }>({
  name: 'html-error-page',
  summary: 'an nginx-style HTML error page (default 502), as a proxy sends when the upstream is down',
  apis: BOTH,
  options: { status: { min: 400, max: 599, default: 502 } },
  wrap: (responder, { status }, { take }) => {
    const title = `${status} ${PROXY_TITLES[status] ?? 'Error'}`
    const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
    return async (request) =>
      take() ? new Response(page, { status, headers: { 'content-type': 'text/html' } }) : responder(request)
  },
})
