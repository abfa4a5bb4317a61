// The one fault vocabulary of the teeth tests: every fault is a `Responder → Responder` wrapper of the faithful mock
// responder, the shape of the mocks' scenarios. Where the mocks have a scenario for a fault, `scenarioFault` wraps the
// faithful responder with `scenario.wrap` (limited to some requests if asked); the building blocks below bend one
// behaviour where no scenario says it.
import { parseRateLimitHeaders } from '@kaiten-audit/client'
import { scenarios } from '@kaiten-audit/mocks'
import type { KaitenRuResponder, KaitenShResponder, Responder, Scenario } from '@kaiten-audit/mocks/server'
import { parseDateTime } from '@kaiten-audit/query'

/** A fault: gets the faithful responder and returns the one the server uses. */
export type Wrap = (faithful: Responder) => Responder

/** The faithful responder `startMockServers` hands to `wrap`: it says its API, so a scenario can wrap it. */
export type FaithfulResponder = KaitenShResponder | KaitenRuResponder

/** A fault that needs the faithful responder itself (a scenario wraps only a responder that says its API). */
export type Fault = (faithful: FaithfulResponder) => Responder

/**
 * The mocks' `scenario`, wrapped around the faithful responder: for every request, or only for those `when` picks
 * (the others get the faithful answer).
 */
export function scenarioFault(scenario: Scenario, when?: (request: Request) => boolean): Fault {
  return (faithful) => {
    const faulty = scenario.wrap(faithful)
    return when ? (request) => (when(request) ? faulty(request) : faithful(request)) : faulty
  }
}

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

type Item = Record<string, unknown>

export const shiftOffset = rewriteQuery((query) => {
  const offset = Number(query.get('offset') ?? '0')
  if (offset > 0) query.set('offset', String(offset + 1))
})

export const drop = (name: string) => rewriteQuery((query) => query.delete(name))

/** The same request asked again lists its first two items the other way round. */
export function unstableOrder(): Wrap {
  const seen = new Map<string, number>()
  return rewritePage((items, request) => {
    const times = (seen.get(request.url) ?? 0) + 1
    seen.set(request.url, times)
    if (times % 2 === 1 || items.length < 2) return items
    const [first, second, ...rest] = items
    return [second, first, ...rest]
  })
}

/** Drops items sitting exactly on the `bound` parameter's instant: an inclusive bound made exclusive. */
export function exclusive(bound: string, field: string): Wrap {
  return rewritePage((items, request) => {
    const at = instant(new URL(request.url).searchParams.get(bound))
    return at === null ? items : items.filter((item) => instant((item as Item)[field]) !== at)
  })
}

/** Drops the fraction of a time bound: a server that reads bounds to the whole second. */
export function wholeSecond(name: string): Wrap {
  return rewriteQuery((query) => {
    const text = query.get(name)
    if (text !== null) query.set(name, text.replace(/\.\d+/, ''))
  })
}

/** Reads time bounds written with a zone offset as if they were UTC. */
export function offsetsAsUtc(...names: string[]): Wrap {
  return rewriteQuery((query) => {
    for (const name of names) {
      const text = query.get(name)
      if (text !== null) query.set(name, text.replace(/[+-]\d{2}:\d{2}$/, 'Z'))
    }
  })
}

/** Gives `status` responses a JSON `{message}` body, where kaiten.ru documents none. */
export function jsonMessageOn(status: number, message: string): Wrap {
  return rewriteResponse(async (response) =>
    response.status === status
      ? withBody(response, JSON.stringify({ message }), { 'content-type': 'application/json' })
      : response,
  )
}

/** Answers `status` responses with 200 `[]`, as if the request had been allowed. */
export function servedInsteadOf(status: number, when: (request: Request) => boolean = () => true): Wrap {
  return rewriteResponse(async (response, request) =>
    response.status === status && when(request) ? withStatus(response, 200, '[]') : response,
  )
}

/** Leaves out the values of a list parameter that are not documented, as if the server ignored unknown values. */
export function ignoreUnknownValues(name: string, documented: readonly string[]): Wrap {
  return rewriteQuery((query) => {
    const values = query.get(name)
    if (values === null) return
    const known = values.split(',').filter((value) => documented.includes(value))
    if (known.length > 0) query.set(name, known.join(','))
    else query.delete(name)
  })
}

/** Answers an offset past the end with the first page, as a server that wraps around would. */
export const pastEndGivesFirstPage: Wrap = (faithful) => async (request) => {
  const response = await faithful(request.clone())
  const url = new URL(request.url)
  if (response.status !== 200 || !url.searchParams.has('offset')) return response
  const items = (await response.clone().json()) as Item[]
  if (items.length > 0) return response
  url.searchParams.set('offset', '0')
  return faithful(new Request(url, { headers: request.headers }))
}

export const withToken = (request: Request) => request.headers.has('authorization')

export const queryOf = (request: Request) => new URL(request.url).searchParams

/** The same response with some headers replaced. */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const copied = new Headers(response.headers)
  for (const [name, value] of Object.entries(headers)) copied.set(name, value)
  return new Response(response.body, { status: response.status, headers: copied })
}

/** Rewrites one header wherever the faithful responder sends it. */
export function rewriteHeader(name: string, change: (value: string) => string): Wrap {
  return rewriteResponse(async (response) => {
    const value = response.headers.get(name)
    return value === null ? response : withHeaders(response, { [name]: change(value) })
  })
}

/** After a 429, keeps refusing for one second more than X-RateLimit-Reset said, judged by the response's Date. */
export function windowOutlivesReset(): Wrap {
  let blockedUntilSecond = 0
  return rewriteResponse(async (response) => {
    const second = Math.floor(Date.parse(response.headers.get('date') ?? '') / 1000)
    if (response.status === 429) {
      blockedUntilSecond = (parseRateLimitHeaders(response.headers).resetEpochSeconds ?? 0) + 1
      return response
    }
    if (second < blockedUntilSecond) {
      return withStatus(withHeaders(response, { 'x-ratelimit-remaining': '0' }), 429, null)
    }
    return response
  })
}

/** Sends `offset` one further from `from` on: an off-by-one that only deep pages show. */
export function offByOneFrom(from: number): Wrap {
  return rewriteQuery((query) => {
    const offset = Number(query.get('offset') ?? '0')
    if (offset >= from) query.set('offset', String(offset + 1))
  })
}

/** Answers every offset from `from` on with [], as a server with a result-window cap does. */
export function emptyFrom(from: number): Wrap {
  return rewritePage((items, request) => (Number(queryOf(request).get('offset') ?? '0') >= from ? [] : items))
}

/**
 * On pages at `from` or deeper, lists items that share an instant lowest id first (the faithful order is highest
 * first): a database without a tiebreaker, whose deep pages come out in another order.
 */
export function tiesReversedFrom(from: number, field: string): Wrap {
  return (faithful) => async (request) => {
    const url = new URL(request.url)
    const offset = Number(url.searchParams.get('offset') ?? '0')
    const limit = Number(url.searchParams.get('limit') ?? '0')
    if (offset < from || limit <= 0) return faithful(request)
    // The page as the other order would cut it: the faithful items around it, re-sorted, then sliced.
    url.searchParams.set('offset', String(Math.max(offset - 20, 0)))
    url.searchParams.set('limit', String(limit + 40))
    const around = await faithful(new Request(url, { headers: request.headers }))
    if (around.status !== 200) return faithful(request)
    const items = (await around.json()) as Item[]
    // Each run of items at one instant, lowest id first (compared as the faithful order compares them).
    const lower = (a: Item, b: Item) =>
      typeof a.id === 'number' && typeof b.id === 'number'
        ? a.id - b.id
        : String(a.id) < String(b.id)
          ? -1
          : 1
    const sorted: Item[] = []
    for (let first = 0; first < items.length; ) {
      let end = first + 1
      while (end < items.length && items[end]![field] === items[first]![field]) end++
      sorted.push(...items.slice(first, end).sort(lower))
      first = end
    }
    const start = offset - Math.max(offset - 20, 0)
    return withBody(around, JSON.stringify(sorted.slice(start, start + limit)))
  }
}

/** Forwards the request with another URL or other headers; the faithful responder answers the changed one. */
export function rewriteRequest(change: (url: URL, headers: Headers) => void): Wrap {
  return (faithful) => async (request) => {
    const url = new URL(request.url)
    const headers = new Headers(request.headers)
    change(url, headers)
    return faithful(new Request(url, { method: request.method, headers }))
  }
}

/** Lists `url` through the faithful responder with `change` applied to its query, as JSON items. */
export async function listVia(
  faithful: (request: Request) => Promise<Response>,
  request: Request,
  change: (query: URLSearchParams) => void,
): Promise<Item[]> {
  const url = new URL(request.url)
  change(url.searchParams)
  const response = await faithful(new Request(url, { headers: request.headers }))
  return (await response.json()) as Item[]
}

/** Newest first by `created`, ties by id descending, as the faithful store orders them. */
export function newestFirst(items: Item[]): Item[] {
  return [...items].sort(
    (a, b) =>
      (instant(b.created) ?? 0) - (instant(a.created) ?? 0) || String(b.id).localeCompare(String(a.id)),
  )
}

/** Keeps only the first value of a comma-separated list parameter. */
export const firstValueOnly = (parameter: string) =>
  rewriteQuery((query) => {
    const list = query.get(parameter)
    if (list !== null) query.set(parameter, list.split(',')[0] as string)
  })

/**
 * Refuses the requests `refuse` picks with `status`, in the API's documented error shape and headers (the mocks'
 * `documented-error` scenario), as a server with an out-of-date enum would.
 */
export function refuseWith(status: number, refuse: (query: URLSearchParams) => boolean): Fault {
  return scenarioFault(scenarios.documentedError({ status }), (request) => refuse(queryOf(request)))
}

/** Fails the requests `when` picks with the mocks' `server-errors` scenario (500 in the API's error shape). */
export function serverErrorWhen(when: (query: URLSearchParams) => boolean): Fault {
  return scenarioFault(scenarios.serverErrors(), (request) => when(queryOf(request)))
}

export const INSTANCE_SLUGS = ['acme-production', 'acme-staging', 'globex-production']
