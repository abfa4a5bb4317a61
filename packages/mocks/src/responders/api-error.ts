// Each API's error shape, for answers a scenario or a server refusal makes: problem+json for kaiten.sh, and for
// kaiten.ru no body, with the reason in X-Mock-Reason.

import type { MockApi } from '../apis.js'
import { problemResponse } from './problem.js'
import { bodilessResponse } from './reason-header.js'

/** An error response as `api` words it: the status, why, and any extra headers. */
export function apiErrorResponse(
  api: MockApi,
  status: number,
  reason: string,
  headers: Record<string, string> = {},
): Response {
  return api === 'kaiten-sh'
    ? problemResponse(status, reason, undefined, headers)
    : bodilessResponse(status, reason, headers)
}
