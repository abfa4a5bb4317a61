// An error the spec documents, on demand: the status must be one the API model lists for the operation, so a status
// a spec edit adds is available at once and one the spec never had is refused.

import { operationFor } from '../operations.js'
import { apiErrorResponse } from '../responders/api-error.js'
import { documentedHeaders, documentedStatuses, documentsStatus } from '../responders/documented.js'
import { defineScenario, ScenarioError } from './scenario.js'

/**
 * Answers `status` in the API's error shape with the headers the model documents for it, taken from the faithful
 * answer (kaiten.ru's `X-RateLimit-*`), so the wrapped responder still counts the request. Wrapping refuses a status
 * the model does not document for the operation.
 */
export const documentedError = defineScenario<{ status: number }, 'status'>({
  name: 'documented-error',
  summary: "an error status the API's model documents for the operation, in its error shape and headers",
  apis: ['kaiten-sh', 'kaiten-ru'],
  options: { status: { min: 400, max: 599 } },
  wrap: (responder, { status }, { take }) => {
    const operation = operationFor(responder.api, responder.model)
    if (!documentsStatus(operation, status))
      throw new ScenarioError(
        `scenario documented-error, status: ${status} is not allowed; allowed: an error status ${operation.operationId} documents (${documentedStatuses(
          operation,
        )
          .filter((key) => /^[45]/.test(key))
          .join(', ')}), or api= naming an API that documents it`,
      )
    const kept = documentedHeaders(operation, status)
    return async (request) => {
      if (!take()) return responder(request)
      const faithful = await responder(request)
      const headers: Record<string, string> = {}
      faithful.headers.forEach((value, name) => {
        if (kept.has(name)) headers[name] = value
      })
      await faithful.body?.cancel()
      return apiErrorResponse(
        responder.api,
        status,
        `documented error ${status} (mock scenario documented-error)`,
        headers,
      )
    }
  },
})
