// kaiten.sh errors: RFC 9457 problem details with the `errors` extension, as its framework (Huma) writes them.

import type { ProblemDetails, ProblemErrorDetail } from '@kaiten-audit/types'
import { textResponse } from './responder.js'

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

function problemBody(status: number, detail: string, errors?: ProblemErrorDetail[]): ProblemDetails {
  return {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  }
}

/** A problem+json response whose `status` member always equals the HTTP status. */
export function problemResponse(
  status: number,
  detail: string,
  errors?: ProblemErrorDetail[],
  headers: Record<string, string> = {},
): Response {
  return textResponse(JSON.stringify(problemBody(status, detail, errors)), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  })
}
