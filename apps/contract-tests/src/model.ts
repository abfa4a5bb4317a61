// The vocabulary of a contract run: checks, what they found, and the report that reporters render.
import type { ApiName } from '@kaiten-audit/types'
import type { Violation } from '@kaiten-audit/types/validation'

export type { ApiName, Violation }

/** What a check is about; the second part of its id (`kaiten-ru.<group>.<name>`). */
export type CheckGroup =
  | 'pagination'
  | 'filters'
  | 'errors'
  | 'access'
  | 'rate-limit'
  | 'invariants'
  | 'schema'
  | 'drift'

/** Every group, in the order the README lists them. */
export const checkGroups: readonly CheckGroup[] = [
  'pagination',
  'filters',
  'errors',
  'access',
  'rate-limit',
  'invariants',
  'schema',
  'drift',
]

export type Outcome = 'passed' | 'failed' | 'skipped' | 'errored'

/** One thing a check found wrong. `path`/`expected`/`actual` are set when the finding is about one value. */
export interface Finding {
  message: string
  /** JSON path into the response, e.g. `$.body[3].created`. */
  path?: string
  expected?: string
  actual?: string
  /** The request that showed it, e.g. `GET /audit-logs?limit=0 → 200`. */
  request?: string
}

export interface CheckResult {
  id: string
  api: ApiName
  group: CheckGroup
  title: string
  /** The documented rules the check closes (`SH-07`, `RU-13`, …); see the README's rule table. */
  rules: readonly string[]
  outcome: Outcome
  findings: Finding[]
  /** Observations that are not failures (e.g. "only 12 events exist, the clamp could not be observed"). */
  notes: string[]
  /** Why the check was skipped, or the error that stopped it. */
  reason?: string
  requests: number
  durationMs: number
}

export interface ApiRunSummary {
  api: ApiName
  /** Base URL with no credentials in it. */
  baseUrl?: string
  verified: boolean
  /** Why the API was not verified. */
  skippedBecause?: string
  /** Requests sent to this API, and how long its checks took from the first to the last. */
  requests?: number
  durationMs?: number
}

export interface RunReport {
  target: 'mocks' | 'live'
  startedAt: string
  durationMs: number
  apis: ApiRunSummary[]
  checks: CheckResult[]
  requestsUsed: number
  requestBudget: number
  /** The seed the run drew its rotating cases with; `--seed` replays them. */
  seed: number
}

export const apiLabels: Readonly<Record<ApiName, string>> = {
  'kaiten-sh': 'kaiten.sh',
  'kaiten-ru': 'kaiten.ru',
}

/** A run passes only when no check failed or errored (skipped checks were not applicable, e.g. no forbidden token). */
export function runPassed(report: RunReport): boolean {
  return report.checks.every((check) => check.outcome === 'passed' || check.outcome === 'skipped')
}

export function countOutcomes(checks: readonly CheckResult[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { passed: 0, failed: 0, skipped: 0, errored: 0 }
  for (const check of checks) counts[check.outcome]++
  return counts
}
