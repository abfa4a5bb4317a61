// A Markdown summary for a CI job page ($GITHUB_STEP_SUMMARY): a table per API, then the failures in detail.
import type { CheckResult, Outcome, RunReport } from '../model.js'
import { runPassed } from '../model.js'
import { apiHeading, checksOf, findingLines, outcomeWords, summaryLine, targetLine } from './format.js'

const icons: Readonly<Record<Outcome, string>> = { passed: '✅', failed: '❌', skipped: '⏭️', errored: '⚠️' }

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ')
}

function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${longest > 0 ? ' ' : ''}${text}${longest > 0 ? ' ' : ''}${fence}`
}

export function renderMarkdown(report: RunReport): string {
  const verdict = runPassed(report) ? '✅ passed' : '❌ failed'
  const lines: string[] = [
    `## Contract checks against ${targetLine(report)}: ${verdict}`,
    '',
    summaryLine(report),
    '',
  ]
  for (const summary of report.apis) {
    lines.push(`### ${cell(apiHeading(report, summary.api))}`, '')
    const checks = checksOf(report, summary.api)
    if (checks.length === 0) continue
    lines.push('| | check | id | requests | notes |', '| --- | --- | --- | ---: | --- |')
    for (const check of checks) {
      const notes = [check.reason, ...check.notes].filter((note) => note !== undefined).join('; ')
      lines.push(
        `| ${icons[check.outcome]} | ${cell(check.title)} | ${code(check.id)} | ${check.requests} | ${cell(notes)} |`,
      )
    }
    lines.push('')
  }
  const failing = report.checks.filter((check) => check.outcome === 'failed' || check.outcome === 'errored')
  if (failing.length > 0) {
    lines.push('### Failures', '')
    for (const check of failing) lines.push(...failureDetail(check))
  }
  return `${lines.join('\n')}\n`
}

function failureDetail(check: CheckResult): string[] {
  const lines = [`#### ${icons[check.outcome]} ${code(check.id)} — ${outcomeWords[check.outcome]}`, '']
  if (check.reason !== undefined) lines.push(check.reason, '')
  for (const finding of check.findings) {
    const [first = '', ...rest] = findingLines(finding)
    lines.push(`- ${first}`)
    for (const line of rest) lines.push(`  - ${code(line)}`)
  }
  lines.push('')
  return lines
}
