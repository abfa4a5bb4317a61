import type { ApiOperation } from '@kaiten-audit/types'
import type { ParameterIssue } from './issues.js'

/**
 * The status the API answers a query with these issues, per the operation's `x-invalid-parameter-status`: a status
 * named for the format a malformed value breaks (kaiten.sh: `date-time` → 400) wins over `default`. Undefined when the
 * model documents none.
 */
export function invalidParameterStatus(
  operation: ApiOperation,
  issues: readonly ParameterIssue[],
): number | undefined {
  const statuses = operation.invalidParameterStatus
  if (statuses === undefined) return undefined
  for (const issue of issues) {
    if (issue.kind !== 'malformed') continue
    const parameter = operation.parameters.find((candidate) => candidate.name === issue.parameter)
    const format = parameter?.schema.format ?? parameter?.schema.items?.format
    const status = format === undefined ? undefined : statuses[format]
    if (status !== undefined) return status
  }
  return statuses.default
}
