// A scenario as an MSW override. MSW cannot hand a resolver the answer of the handlers after it, so the scenario
// wraps a faithful responder of its own; when it hands that answer back untouched (a delay, an insert, a spent
// `times` budget) the override steps aside and the handlers after it answer, with their own store and rate limit.

import type { ApiModel } from '@kaiten-audit/types'
import { type HttpHandler, http } from 'msw'
import type { MockApi } from '../apis.js'
import { parseBaseUrl } from '../base-url.js'
import { createKaitenRuResponder } from '../responders/kaiten-ru.js'
import { createKaitenShResponder } from '../responders/kaiten-sh.js'
import { type ApiResponder, apiResponder, type Responder } from '../responders/responder.js'
import { routeFor, routeOf } from '../routes.js'
import { defaultStores } from '../store/defaults.js'
import type { KaitenRuStore } from '../store/kaiten-ru.js'
import type { KaitenShStore } from '../store/kaiten-sh.js'
import type { Scenario, ScenarioHandlerOptions } from './scenario.js'

function modelOf(api: MockApi, options: ScenarioHandlerOptions): ApiModel | undefined {
  return api === 'kaiten-sh' ? options.models?.kaitenSh : options.models?.kaitenRu
}

function faithfulResponder(api: MockApi, options: ScenarioHandlerOptions, basePath: string): ApiResponder {
  const model = modelOf(api, options)
  const { store } = options
  if (store && store.api !== api)
    throw new Error(
      `store: a ${store.api} store is not allowed for a ${api} request; allowed: a ${api} store`,
    )
  return api === 'kaiten-sh'
    ? createKaitenShResponder({
        store: (store as KaitenShStore | undefined) ?? defaultStores.kaitenSh,
        basePath,
        ...(model ? { model } : {}),
      })
    : createKaitenRuResponder({
        store: (store as KaitenRuStore | undefined) ?? defaultStores.kaitenRu,
        basePath,
        rateLimit: false,
        ...(model ? { model } : {}),
        ...(options.clock ? { now: options.clock.now } : {}),
      })
}

/** `scenario` over both APIs' routes under `baseUrl`; any other path is left to the handlers after it. */
export function scenarioHandler(
  scenario: Scenario,
  baseUrl: string,
  options: ScenarioHandlerOptions,
): HttpHandler {
  const { origin, basePath } = parseBaseUrl(baseUrl)
  const untouched = new WeakSet<Response>()
  const wrapped = new Map<MockApi, Responder>()
  const wrappedFor = (api: MockApi): Responder => {
    let respond = wrapped.get(api)
    if (!respond) {
      const faithful = faithfulResponder(api, options, basePath)
      const marking = apiResponder(faithful, async (request) => {
        const response = await faithful(request)
        untouched.add(response)
        return response
      })
      respond = scenario.wrap(marking, options.clock)
      wrapped.set(api, respond)
    }
    return respond
  }
  const routes = scenario.apis.map((api) => routeFor(api, modelOf(api, options)))
  return http.all(`${origin}/*`, async ({ request }) => {
    const found = routeOf(routes, new URL(request.url), basePath)
    if (!found) return undefined
    const response = await wrappedFor(found.route.api)(request)
    return untouched.has(response) ? undefined : response
  })
}
