// X-Mock-Scenario: a scenario chosen per request, for clients that cannot call `server.use()`. The value is the
// same text as the `--scenario` flag. Requests that send the same value share one wrap, so `times` counts across
// them as it does for a scenario given in code.

import { apiLabel } from '../apis.js'
import { apiErrorResponse } from '../responders/api-error.js'
import { type ApiResponder, apiResponder, type Responder } from '../responders/responder.js'
import { parseScenario } from './catalogue.js'
import { type ScenarioClock, ScenarioError, systemClock } from './scenario.js'

/** The request header that picks a scenario for that request (header names are case-insensitive). */
export const SCENARIO_HEADER = 'X-Mock-Scenario'

/** Distinct header values kept; past this the oldest wrap is dropped, so a client cannot grow the server's memory. */
const MAX_KEPT = 64

/** Wraps `responder` so a request carrying {@link SCENARIO_HEADER} gets that scenario over `responder`. */
export function withScenarioHeader<R extends ApiResponder>(
  responder: R,
  clock: ScenarioClock = systemClock,
): R {
  const kept = new Map<string, Responder>()
  const refuse = (reason: string) => apiErrorResponse(responder.api, 400, `${SCENARIO_HEADER}: ${reason}`)
  return apiResponder(responder, async (request) => {
    const text = request.headers.get(SCENARIO_HEADER)
    if (text === null) return responder(request)
    let wrapped = kept.get(text)
    if (!wrapped) {
      try {
        const scenario = parseScenario(text)
        if (!scenario.apis.includes(responder.api))
          return refuse(
            `scenario ${scenario.name} on ${apiLabel(responder.api)} is not allowed; allowed: ${scenario.apis.map(apiLabel).join(' or ')}`,
          )
        wrapped = scenario.wrap(responder, clock)
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error
        return refuse(error.message)
      }
      if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string)
      kept.set(text, wrapped)
    }
    return wrapped(request)
  }) as R
}
