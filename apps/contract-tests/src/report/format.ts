// Text shared by every reporter: how one finding and one outcome read.
import type { CheckResult, Finding, Outcome, RunReport } from '../model.js'
import { apiLabels, countOutcomes } from '../model.js'

/** `message`, then where it was seen and what was expected, one line each. */
export function findingLines(finding: Finding): string[] {
  const lines = [finding.message]
  if (finding.path !== undefined || finding.expected !== undefined || finding.actual !== undefined) {
    const at = finding.path !== undefined ? `at ${finding.path}: ` : ''
    lines.push(`${at}expected ${finding.expected ?? '—'}, actual ${finding.actual ?? '—'}`)
  }
  if (finding.request !== undefined) lines.push(`request: ${finding.request}`)
  return lines
}

export const outcomeWords: Readonly<Record<Outcome, string>> = {
  passed: 'passed',
  failed: 'FAILED',
  skipped: 'skipped',
  errored: 'ERROR',
}

export function checksOf(report: RunReport, api: CheckResult['api']): CheckResult[] {
  return report.checks.filter((check) => check.api === api)
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** `41 checks: 38 passed, 2 failed, 1 skipped · 87 of 300 requests · 9.4 s` */
export function summaryLine(report: RunReport): string {
  const counts = countOutcomes(report.checks)
  const parts = [`${counts.passed} passed`]
  if (counts.failed > 0) parts.push(`${counts.failed} failed`)
  if (counts.errored > 0) parts.push(`${counts.errored} errored`)
  if (counts.skipped > 0) parts.push(`${counts.skipped} skipped`)
  return `${report.checks.length} checks: ${parts.join(', ')} · ${report.requestsUsed} of ${report.requestBudget} requests · ${seconds(report.durationMs)} · seed ${report.seed} (--seed ${report.seed} replays)`
}

export function targetLine(report: RunReport): string {
  return report.target === 'mocks' ? 'the embedded mock servers' : 'live APIs'
}

export function apiHeading(report: RunReport, api: CheckResult['api']): string {
  const summary = report.apis.find((entry) => entry.api === api)
  const label = apiLabels[api]
  if (!summary?.verified) return `${label} — skipped: ${summary?.skippedBecause ?? 'not configured'}`
  const spent =
    summary.requests !== undefined && summary.durationMs !== undefined
      ? ` · ${summary.requests} requests · ${seconds(summary.durationMs)}`
      : ''
  return `${label} — ${summary.baseUrl ?? ''}${spent}`
}
