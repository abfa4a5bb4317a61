#!/usr/bin/env node
// `pnpm changeset:check [--since <ref>]`: fails when a published package's public surface changed since `ref`
// (default origin/main) and no changeset added since then releases it. Run on every pull request.

import { parseArgs } from 'node:util'
import { checkChangesets } from '../changeset-check.js'

function main(): void {
  const { values } = parseArgs({
    options: { since: { type: 'string', default: 'origin/main' } },
    strict: true,
  })
  const since = values.since as string
  const root = process.cwd()
  const result = checkChangesets(root, since)
  const out = process.stdout
  out.write(`Public surface compared with ${since} (merge base ${result.base.slice(0, 12)}).\n`)
  if (result.changes.length === 0) out.write('No published package changed.\n')
  for (const change of result.changes) out.write(`changed  ${change.name}: ${change.reasons.join(', ')}\n`)
  for (const { file, changeset } of result.changesets) {
    const releases = changeset.releases.map((release) => `${release.name} (${release.type})`).join(', ')
    out.write(`changeset ${file}: ${releases || 'empty'}\n`)
  }
  if (result.uncovered.length === 0) return
  process.stderr.write(
    [
      '',
      'These packages changed what consumers receive, but no changeset releases them:',
      ...result.uncovered.map((change) => `  ${change.name}: ${change.reasons.join(', ')}`),
      '',
      'Run `pnpm changeset`, select them, pick a bump (patch: fix; minor: addition; major: breaking), describe the',
      'change for the changelog, and commit the new file in .changeset/.',
      '',
    ].join('\n'),
  )
  process.exitCode = 1
}

try {
  main()
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 2
}
