// Building blocks for deliberately broken servers: each takes the faithful mock responder and bends one behaviour.
import type { Responder } from '@kaiten-audit/mocks/server'
import { parseDateTime } from '@kaiten-audit/query'

export type Wrap = (faithful: Responder) => Responder

/** Forwards a request after changing its query; the faithful responder answers the changed request. */
export function rewriteQuery(change: (query: URLSearchParams) => void): Wrap {
  return (faithful) => async (request) => {
    const url = new URL(request.url)
    change(url.searchParams)
    return faithful(new Request(url, { method: request.method, headers: request.headers }))
  }
}

/** Lets the faithful responder answer, then replaces its response. */
export function rewriteResponse(change: (response: Response, request: Request) => Promise<Response>): Wrap {
  return (faithful) => async (request) => change(await faithful(request.clone()), request)
}

/** Rewrites the JSON body of 200 answers (the list pages). */
export function rewritePage(change: (items: unknown[], request: Request) => unknown): Wrap {
  return rewriteResponse(async (response, request) => {
    if (response.status !== 200) return response
    const items = (await response.json()) as unknown[]
    return withBody(response, JSON.stringify(change(items, request)))
  })
}

/** The same status and headers with another body (content-length is recomputed). */
export function withBody(
  response: Response,
  body: string | null,
  headers?: Record<string, string>,
): Response {
  const copied = new Headers(response.headers)
  copied.delete('content-length')
  for (const [name, value] of Object.entries(headers ?? {})) copied.set(name, value)
  return new Response(body, { status: response.status, headers: copied })
}

export function withStatus(response: Response, status: number, body: string | null): Response {
  const copied = new Headers(response.headers)
  copied.delete('content-length')
  if (body !== null && !copied.has('content-type')) copied.set('content-type', 'application/json')
  return new Response(body, { status, headers: copied })
}

/** Rewrites the JSON body of problem responses (kaiten.sh errors). */
export function rewriteProblem(change: (problem: Record<string, unknown>) => Record<string, unknown>): Wrap {
  return rewriteResponse(async (response) => {
    if (response.status < 400) return response
    const problem = (await response.json()) as Record<string, unknown>
    return withBody(response, JSON.stringify(change(problem)))
  })
}

/** Compose wraps, applied right to left like function composition. */
export function compose(...wraps: Wrap[]): Wrap {
  return (faithful) => wraps.reduceRight((inner, wrap) => wrap(inner), faithful)
}

/** A timestamp field in epoch microseconds, parsed the way the mocks parse bounds. */
export function instant(text: unknown): number | null {
  return typeof text === 'string' ? parseDateTime(text) : null
}
