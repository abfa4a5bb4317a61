// JUnit XML: one test suite per API, one test case per check, so CI systems show each check by name.
import type { CheckResult, RunReport } from '../model.js'
import { apiLabels, countOutcomes } from '../model.js'
import { findingLines } from './format.js'

/** The characters XML 1.0 allows; a server's bytes can hold others (control characters, lone surrogates). */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    codePoint >= 0x10000
  )
}

function escapeXml(text: string): string {
  let safe = ''
  // Iterating by code point yields a lone surrogate as its own character, so it is replaced too.
  for (const char of text) safe += isXmlChar(char.codePointAt(0) ?? 0) ? char : '\ufffd'
  return safe
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

const seconds = (ms: number) => (ms / 1000).toFixed(3)

function testCase(check: CheckResult): string {
  const open = `    <testcase classname="${escapeXml(`${check.api}.${check.group}`)}" name="${escapeXml(`${check.id}: ${check.title}`)}" time="${seconds(check.durationMs)}"`
  const details = check.findings.map((finding) => findingLines(finding).join('\n  ')).join('\n\n')
  const notes =
    check.notes.length > 0 ? `\n      <system-out>${escapeXml(check.notes.join('\n'))}</system-out>` : ''
  // The rules a failure breaks, where CI systems that read testcase properties show them next to the test.
  const properties =
    check.rules.length > 0
      ? `\n      <properties>\n        <property name="rules" value="${escapeXml(check.rules.join(' '))}"/>\n      </properties>`
      : ''
  switch (check.outcome) {
    case 'passed':
      return properties || notes ? `${open}>${properties}${notes}\n    </testcase>` : `${open}/>`
    case 'skipped':
      return `${open}>${properties}\n      <skipped message="${escapeXml(check.reason ?? '')}"/>${notes}\n    </testcase>`
    case 'errored':
      return `${open}>${properties}\n      <error message="${escapeXml(check.reason ?? 'error')}">${escapeXml(details)}</error>${notes}\n    </testcase>`
    case 'failed': {
      const message = check.findings[0]?.message ?? 'failed'
      const count = check.findings.length > 1 ? ` (+${check.findings.length - 1} more)` : ''
      return `${open}>${properties}\n      <failure message="${escapeXml(message + count)}">${escapeXml(details)}</failure>${notes}\n    </testcase>`
    }
  }
}

export function renderJUnit(report: RunReport): string {
  const suites = report.apis.map((summary) => {
    const checks = report.checks.filter((check) => check.api === summary.api)
    const name = escapeXml(apiLabels[summary.api])
    if (!summary.verified) {
      const reason = escapeXml(summary.skippedBecause ?? 'not configured')
      return `  <testsuite name="${name}" tests="1" failures="0" errors="0" skipped="1" time="0.000">\n    <testcase classname="${summary.api}" name="${name} not verified">\n      <skipped message="${reason}"/>\n    </testcase>\n  </testsuite>`
    }
    const counts = countOutcomes(checks)
    const time = seconds(checks.reduce((sum, check) => sum + check.durationMs, 0))
    return [
      `  <testsuite name="${name}" tests="${checks.length}" failures="${counts.failed}" errors="${counts.errored}" skipped="${counts.skipped}" time="${time}" timestamp="${escapeXml(report.startedAt)}">`,
      // The seed the run drew its rotating cases with: `--seed` replays a failing run.
      `    <properties>\n      <property name="seed" value="${report.seed}"/>\n    </properties>`,
      ...checks.map(testCase),
      '  </testsuite>',
    ].join('\n')
  })
  const totals = countOutcomes(report.checks)
  const skippedApis = report.apis.filter((summary) => !summary.verified).length
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kaiten-audit contract (${report.target})" tests="${report.checks.length + skippedApis}" failures="${totals.failed}" errors="${totals.errored}" skipped="${totals.skipped + skippedApis}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}
