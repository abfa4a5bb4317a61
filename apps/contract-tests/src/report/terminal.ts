// A readable summary for a terminal: one line per check, details under each failure.
import type { CheckResult, Outcome, RunReport } from '../model.js'
import { runPassed } from '../model.js'
import { apiHeading, checksOf, findingLines, summaryLine, targetLine } from './format.js'

const symbols: Readonly<Record<Outcome, string>> = { passed: '✓', failed: '✗', skipped: '○', errored: '!' }
const colours: Readonly<Record<Outcome | 'dim' | 'bold', [number, number]>> = {
  passed: [32, 39],
  failed: [31, 39],
  errored: [31, 39],
  skipped: [33, 39],
  dim: [2, 22],
  bold: [1, 22],
}

export interface TerminalOptions {
  colour: boolean
}

export function renderTerminal(report: RunReport, options: TerminalOptions): string {
  const paint = (style: keyof typeof colours, text: string) => {
    const [open, close] = colours[style]
    return options.colour ? `\u001b[${open}m${text}\u001b[${close}m` : text
  }
  const lines: string[] = [paint('bold', `Contract checks against ${targetLine(report)}`), '']
  for (const summary of report.apis) {
    lines.push(paint('bold', apiHeading(report, summary.api)))
    for (const check of checksOf(report, summary.api)) lines.push(...checkLines(check, paint))
    lines.push('')
  }
  const verdict = runPassed(report) ? paint('passed', 'PASS') : paint('failed', 'FAIL')
  lines.push(`${verdict} ${summaryLine(report)}`)
  return `${lines.join('\n')}\n`
}

function checkLines(
  check: CheckResult,
  paint: (style: keyof typeof colours, text: string) => string,
): string[] {
  const head = `  ${paint(check.outcome, symbols[check.outcome])} ${check.title} ${paint('dim', `(${check.id} · ${check.requests} req · ${check.durationMs} ms)`)}`
  const lines = [head]
  if (check.reason !== undefined) lines.push(`      ${paint(check.outcome, check.reason)}`)
  for (const finding of check.findings) {
    const [first = '', ...rest] = findingLines(finding)
    lines.push(`      ${paint('failed', '→')} ${first}`)
    for (const line of rest) lines.push(`        ${paint('dim', line)}`)
  }
  for (const note of check.notes) lines.push(`      ${paint('dim', `note: ${note}`)}`)
  return lines
}
