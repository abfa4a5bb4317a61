// The README's check table and rule table, rendered from the check declarations and the rules module, so the
// documentation cannot drift from the code. Each table sits between markers that only this file writes.

import type { CheckDefinition } from '../checks/context.js'
import { allChecks } from '../checks/index.js'
import { apiLabels } from '../model.js'
import { allRules, type Rule } from '../rules/index.js'

export const README_COMMAND = 'pnpm --filter @kaiten-audit/contract-tests readme'

type BlockName = 'checks' | 'rules'

const blockNames: readonly BlockName[] = ['checks', 'rules']

const start = (name: BlockName) =>
  `<!-- ${name}:start (generated from the declarations by \`${README_COMMAND}\`; do not edit) -->`
const end = (name: BlockName) => `<!-- ${name}:end -->`

/** Table cells hold one line, and a pipe would end the cell. */
function cell(text: string): string {
  return text.replaceAll('\n', ' ').replaceAll('|', '\\|')
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`
}

export function renderCheckTable(checks: readonly CheckDefinition[] = allChecks): string {
  return [
    row(['check', 'verifies', 'rules']),
    row(['---', '---', '---']),
    ...checks.map((check) =>
      row([
        `\`${check.id}\``,
        check.passive ? `${check.title} (judges every recorded response)` : check.title,
        check.rules.join(', '),
      ]),
    ),
  ].join('\n')
}

function closedBy(rule: Rule, checks: readonly CheckDefinition[]): string {
  const ids = checks.filter((check) => check.rules.includes(rule.id)).map((check) => `\`${check.id}\``)
  if (ids.length > 0) return ids.join(', ')
  return rule.notProbeable !== undefined ? `not probeable: ${rule.notProbeable}` : 'no check yet'
}

export function renderRuleTable(
  rules: readonly Rule[] = allRules,
  checks: readonly CheckDefinition[] = allChecks,
): string {
  return [
    row(['rule', 'API', 'rule text', 'kind', 'source', 'checks']),
    row(['---', '---', '---', '---', '---', '---']),
    ...rules.map((rule) =>
      row([rule.id, apiLabels[rule.api], rule.text, rule.kind, rule.source, closedBy(rule, checks)]),
    ),
  ].join('\n')
}

const renderers: Readonly<Record<BlockName, () => string>> = {
  checks: () => renderCheckTable(),
  rules: () => renderRuleTable(),
}

function blockPattern(name: BlockName): RegExp {
  return new RegExp(`${escapeRegExp(start(name))}\\n[\\s\\S]*?${escapeRegExp(end(name))}`)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function rendered(name: BlockName): string {
  return `${start(name)}\n${renderers[name]()}\n${end(name)}`
}

/**
 * A table as its cells, trimmed: the formatter pads cells to align the columns (and stretches the `---` row), which
 * changes the text but not the table.
 */
function cells(block: string): string[][] {
  return block.split('\n').map((line) =>
    line.startsWith('|')
      ? line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((cell) => cell.trim().replace(/^-{3,}$/, '---'))
      : [line],
  )
}

/** The names of the generated blocks that are missing from `readme` or differ from what the declarations render. */
export function staleReadmeBlocks(readme: string): BlockName[] {
  return blockNames.filter((name) => {
    const found = blockPattern(name).exec(readme)?.[0]
    return found === undefined || JSON.stringify(cells(found)) !== JSON.stringify(cells(rendered(name)))
  })
}

/** `readme` with every generated block rendered afresh; a block without its markers is an error naming them. */
export function updateReadme(readme: string): string {
  let text = readme
  for (const name of blockNames) {
    const pattern = blockPattern(name)
    if (!pattern.test(text)) {
      throw new Error(`the README has no ${name} block; add the lines "${start(name)}" and "${end(name)}"`)
    }
    text = text.replace(pattern, () => rendered(name))
  }
  return text
}
