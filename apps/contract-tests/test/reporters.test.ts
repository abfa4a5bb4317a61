import { describe, expect, it } from 'vitest'
import type { CheckResult, RunReport } from '../src/model.js'
import { renderJUnit } from '../src/report/junit.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { renderTerminal } from '../src/report/terminal.js'

function check(overrides: Partial<CheckResult>): CheckResult {
  return {
    id: 'kaiten-ru.pagination.order',
    api: 'kaiten-ru',
    group: 'pagination',
    title: 'Order is newest first',
    rules: ['RU-33', 'RU-34'],
    outcome: 'passed',
    findings: [],
    notes: [],
    requests: 2,
    durationMs: 12,
    ...overrides,
  }
}

const report: RunReport = {
  target: 'live',
  startedAt: '2026-04-02T09:30:00.000Z',
  durationMs: 4200,
  requestsUsed: 9,
  requestBudget: 300,
  seed: 1234,
  apis: [
    { api: 'kaiten-sh', verified: false, skippedBecause: 'KAITEN_SH_* not set' },
    {
      api: 'kaiten-ru',
      verified: true,
      baseUrl: 'https://example.kaiten.ru/api/latest',
      requests: 9,
      durationMs: 3100,
    },
  ],
  checks: [
    check({}),
    check({
      id: 'kaiten-ru.errors.400-unknown-category',
      group: 'errors',
      title: '400 without a body | for <unknown> & "odd" categories',
      outcome: 'failed',
      findings: [
        {
          message: '400 is documented with no body, but one was sent',
          path: '$.body',
          expected: 'no body',
          actual: 'text/plain body "a|b <x> \u0001 `tick`"',
          request: 'GET /audit-logs?categories=not_a_category → 400',
        },
      ],
    }),
    check({ id: 'kaiten-ru.errors.403-without-access', outcome: 'skipped', reason: 'no forbidden token' }),
    check({ id: 'kaiten-ru.filters.id', outcome: 'errored', reason: 'GET /audit-logs failed: ECONNRESET' }),
  ],
}

describe('renderJUnit', () => {
  const xml = renderJUnit(report)

  it('counts per suite and overall, with the skipped API as a skipped test', () => {
    expect(xml).toContain(
      '<testsuites name="kaiten-audit contract (live)" tests="5" failures="1" errors="1" skipped="2" time="4.200">',
    )
    expect(xml).toContain('<testsuite name="kaiten.sh" tests="1" failures="0" errors="0" skipped="1"')
    expect(xml).toContain('<skipped message="KAITEN_SH_* not set"/>')
    expect(xml).toContain('<testsuite name="kaiten.ru" tests="4" failures="1" errors="1" skipped="1"')
  })

  it('escapes markup and replaces characters XML cannot hold', () => {
    expect(xml).toContain('400 without a body | for &lt;unknown&gt; &amp; &quot;odd&quot; categories')
    expect(xml).toContain('a|b &lt;x&gt; \ufffd `tick`')
    expect(xml).not.toContain('\u0001')
  })

  it('records the seed, so a failing run replays', () => {
    expect(xml).toMatch(
      /<testsuite name="kaiten.ru" [^>]*>\n\s+<properties>\n\s+<property name="seed" value="1234"\/>\n\s+<\/properties>/,
    )
  })

  it('names the rules each check closes, so a CI failure points at the documented rule', () => {
    expect(xml).toMatch(
      /<testcase classname="kaiten-ru.pagination" name="kaiten-ru.pagination.order: Order is newest first" time="0.012">\n\s+<properties>\n\s+<property name="rules" value="RU-33 RU-34"\/>\n\s+<\/properties>\n\s+<\/testcase>/,
    )
  })

  it('puts the finding, the JSON path, expected and actual into the failure', () => {
    expect(xml).toContain('<failure message="400 is documented with no body, but one was sent">')
    expect(xml).toContain('at $.body: expected no body, actual text/plain body')
    expect(xml).toContain('<error message="GET /audit-logs failed: ECONNRESET">')
  })
})

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(report)

  it('gives a verdict, a table per verified API, and says which API was skipped', () => {
    expect(markdown).toMatch(/^## Contract checks against live APIs: ❌ failed/)
    expect(markdown).toContain('### kaiten.sh — skipped: KAITEN_SH_* not set')
    expect(markdown).toContain('| ⏭️ |')
  })

  it('escapes pipes in table cells and details each failure', () => {
    expect(markdown).toContain('| ❌ | 400 without a body \\| for <unknown> & "odd" categories |')
    expect(markdown).toContain('#### ❌ `kaiten-ru.errors.400-unknown-category` — FAILED')
    expect(markdown).toContain('- 400 is documented with no body, but one was sent')
    // A value holding a backtick is fenced with a longer run, so it stays one code span.
    expect(markdown).toContain(
      '  - `` at $.body: expected no body, actual text/plain body "a|b <x> \u0001 `tick`" ``',
    )
  })
})

describe('renderTerminal', () => {
  it('lists every check with its outcome and ends with the verdict', () => {
    const text = renderTerminal(report, { colour: false })
    expect(text).toContain('  ✓ Order is newest first (kaiten-ru.pagination.order · 2 req · 12 ms)')
    expect(text).toContain('      → 400 is documented with no body, but one was sent')
    expect(text).toContain('        request: GET /audit-logs?categories=not_a_category → 400')
    expect(text).toContain('  ○ Order is newest first (kaiten-ru.errors.403-without-access')
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'FAIL 4 checks: 1 passed, 1 failed, 1 errored, 1 skipped · 9 of 300 requests · 4.2 s · seed 1234 (--seed 1234 replays)',
    )
    expect(text).toContain('kaiten.ru — https://example.kaiten.ru/api/latest · 9 requests · 3.1 s\n')
    expect(text).not.toContain('\u001b[')
  })

  it('colours only when asked to', () => {
    expect(renderTerminal(report, { colour: true })).toContain('\u001b[31m')
  })
})
