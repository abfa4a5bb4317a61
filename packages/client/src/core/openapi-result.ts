import { type Attempt, type AttemptResult, HelperRequest, type TransportConfig } from './transport.js'

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

/**
 * openapi-fetch options every helper GET shares: the query text, already built and checked by @kaiten-audit/query
 * (openapi-fetch only appends it); the body as text, parsed and shape-checked by the helper; the attempt's auth; and
 * the plain fetch under the attempt's signal, since retries, pacing and the timeout already wrap the call.
 */
export function helperGetOptions(config: TransportConfig, attempt: Attempt, query: string) {
  return {
    querySerializer: () => query,
    parseAs: 'text' as const,
    headers: { Authorization: attempt.authorization },
    fetch: async (request: Request | HelperRequest) =>
      attempt.responded(await config.fetch(request, attempt.signal)),
    Request: HelperRequest as unknown as typeof Request,
  }
}
