// Plumbing shared by the scenarios: which API a request is for, counting faults, faithful answers to distort.

import { type HttpHandler, http } from 'msw'
import { parseBaseUrl } from '../base-url.js'
import { createKaitenRuResponder } from '../responders/kaiten-ru.js'
import { createKaitenShResponder } from '../responders/kaiten-sh.js'
import { problemResponse } from '../responders/problem.js'
import type { Responder } from '../responders/responder.js'
import { defaultStores } from '../store/defaults.js'
import type { KaitenRuStore } from '../store/kaiten-ru.js'
import type { KaitenShStore } from '../store/kaiten-sh.js'

export type ApiName = 'kaiten-sh' | 'kaiten-ru'
/** The store of either API. */
export type AnyStore = KaitenShStore | KaitenRuStore

/** How long a scenario lasts. */
export interface FaultOptions {
  /** How many matching requests get the fault before the faithful handler answers again. Default: every request. */
  times?: number
}

/** kaiten.sh has one path, `…/instances/{slug}/audit-trails`; everything else under a kaiten.ru base is kaiten.ru. */
export function apiOf(url: URL): ApiName {
  return /\/instances\/[^/]+\/audit-trails$/.test(url.pathname) ? 'kaiten-sh' : 'kaiten-ru'
}

function checkTimes(times: number | undefined): number {
  if (times === undefined) return Number.POSITIVE_INFINITY
  if (Number.isInteger(times) && times >= 0) return times
  throw new Error(
    `times: ${JSON.stringify(times)} is not allowed; allowed: an integer ≥ 0, or omitted for every request`,
  )
}

/** A counter that says yes `times` times, then no. */
export function budget(times: number | undefined): () => boolean {
  let left = checkTimes(times)
  return () => {
    if (left <= 0) return false
    left--
    return true
  }
}

/**
 * An override for every path under `baseUrl`. `produce` answers while the budget lasts; returning undefined (or
 * after the budget) lets the next handler — normally the faithful one — answer, which is how MSW composes overrides.
 */
export function faultHandler(
  baseUrl: string,
  times: number | undefined,
  produce: (request: Request, api: ApiName) => Response | undefined | Promise<Response | undefined>,
): HttpHandler {
  const { url } = parseBaseUrl(baseUrl)
  const take = budget(times)
  return http.all(`${url}/*`, ({ request }) => {
    if (!take()) return undefined
    return produce(request, apiOf(new URL(request.url)))
  })
}

/** An error response shaped like each API's errors: problem+json for kaiten.sh, no body for kaiten.ru. */
export function apiError(
  api: ApiName,
  status: number,
  detail: string,
  headers: Record<string, string> = {},
): Response {
  if (api === 'kaiten-sh') return problemResponse(status, detail, undefined, headers)
  return new Response(null, { status, headers })
}

/** The faithful answer for a request, from the given store or the default one; kaiten.ru without a rate limit. */
export function faithfulResponder(baseUrl: string, store: AnyStore | undefined): (api: ApiName) => Responder {
  const { basePath } = parseBaseUrl(baseUrl)
  const cache = new Map<ApiName, Responder>()
  return (api) => {
    let respond = cache.get(api)
    if (!respond) {
      if (store && store.api !== api) {
        throw new Error(
          `store: a ${store.api} store is not allowed for a ${api} request; allowed: a ${api} store`,
        )
      }
      respond =
        api === 'kaiten-sh'
          ? createKaitenShResponder({
              store: (store as KaitenShStore | undefined) ?? defaultStores.kaitenSh,
              basePath,
            })
          : createKaitenRuResponder({
              store: (store as KaitenRuStore | undefined) ?? defaultStores.kaitenRu,
              basePath,
              rateLimit: false,
            })
      cache.set(api, respond)
    }
    return respond
  }
}
