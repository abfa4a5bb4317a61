import type { AttemptResult } from './transport.js'

/**
 * The body text of an openapi-fetch result made with `parseAs: 'text'`. Success bodies arrive as text; error bodies
 * arrive JSON-parsed when they parse (openapi-fetch always tries), so those are serialised back for the error factory.
 */
export function attemptResultOf(result: {
  data?: unknown
  error?: unknown
  response: Response
}): AttemptResult {
  const { response } = result
  const body = response.ok ? result.data : result.error
  const bodyText =
    body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  return { response, bodyText }
}
