// What the model documents about an operation's answers: which statuses exist and which headers each carries. The
// responders check the statuses and headers they give a meaning to when they are made, so a model without them fails
// at once, naming what is missing, instead of the fakes answering what the spec no longer says.

import type { ApiOperation } from '@kaiten-audit/types'

/** The statuses the operation documents, as keyed (`200`, `4XX`, `default`). */
export function documentedStatuses(operation: ApiOperation): string[] {
  return operation.responses.map((response) => response.status)
}

/** True when the operation documents `status` by its number or by its range (`4XX`). */
export function documentsStatus(operation: ApiOperation, status: number): boolean {
  const keys = documentedStatuses(operation)
  return keys.includes(String(status)) || keys.includes(`${String(status)[0]}XX`)
}

/**
 * Throws unless the operation documents every status in `uses`, each with why the fake answers it, e.g.
 * `{ 401: 'a missing or invalid token' }`.
 */
export function requireStatuses(operation: ApiOperation, uses: Readonly<Record<number, string>>): void {
  for (const [status, why] of Object.entries(uses)) {
    if (!documentsStatus(operation, Number(status)))
      throw new Error(
        `${operation.operationId} documents no ${status} in the API model, which the mock answers for ${why}; documented: ${documentedStatuses(operation).join(', ')}`,
      )
  }
}

/** The statuses of `x-invalid-parameter-status`, each checked to be documented; an error when there is none. */
export function requireInvalidParameterStatus(operation: ApiOperation): void {
  const statuses = operation.invalidParameterStatus
  if (statuses === undefined)
    throw new Error(
      `${operation.operationId} documents no x-invalid-parameter-status in the API model; the mock needs it to answer an invalid parameter`,
    )
  for (const [key, status] of Object.entries(statuses))
    requireStatuses(operation, { [status]: `an invalid parameter (x-invalid-parameter-status ${key})` })
}

/** The header names as the model spells them, for `status`; an error when it documents any of `names` there not. */
export function requireHeaders(operation: ApiOperation, status: number, names: readonly string[]): string[] {
  const response = operation.responses.find((candidate) => candidate.status === String(status))
  return names.map((name) => {
    const header = response?.headers.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())
    if (!header)
      throw new Error(
        `${operation.operationId} documents no ${name} header on ${status} in the API model; the mock sends it on every answer`,
      )
    return header.name
  })
}

/** The headers the model documents for `status` (exact, then range, then `default`), by lower-case name. */
export function documentedHeaders(operation: ApiOperation, status: number): Set<string> {
  const keys = [String(status), `${String(status)[0]}XX`, 'default']
  const response = keys
    .map((key) => operation.responses.find((candidate) => candidate.status === key))
    .find((found) => found !== undefined)
  return new Set((response?.headers ?? []).map((header) => header.name.toLowerCase()))
}
