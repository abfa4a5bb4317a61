#!/usr/bin/env node
// `pnpm release --registry <url>` (or KAITEN_AUDIT_REGISTRY): after `pnpm changeset version` is merged, packs and
// checks every published package, then publishes the versions the registry lacks with `changeset publish`.
// The registry token comes from the user's or CI's .npmrc (`//host/:_authToken=${NPM_TOKEN}`).

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { packAndCheck } from '../pack.js'
import { resolvePnpm } from '../pnpm.js'
import { changesetPublish, checkRegistryUrl, sharedScope } from '../publish.js'
import { pinnedPnpmVersion, publishablePackages } from '../workspace.js'

const USAGE = `Usage: pnpm release [--registry <url>] [--no-git-tag]

Packs every published package, refuses to go on if a tarball lacks its build, types, licence or real dependency
versions, then runs changeset publish with the packages' scope pointed at the registry.

  --registry <url>  the internal registry (default: $KAITEN_AUDIT_REGISTRY); the public npm registry is refused
  --no-git-tag      do not create a git tag per published package
`

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      registry: { type: 'string' },
      'no-git-tag': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    process.stdout.write(USAGE)
    return
  }
  const registry = checkRegistryUrl(values.registry ?? process.env.KAITEN_AUDIT_REGISTRY)
  const temp = mkdtempSync(join(tmpdir(), 'kaiten-audit-release-'))
  try {
    mkdirSync(join(temp, 'bin'))
    const pnpm = await resolvePnpm(pinnedPnpmVersion(root), join(temp, 'bin'))
    const packages = publishablePackages(root)
    const problems: string[] = []
    for (const pkg of packages) {
      const packed = await packAndCheck(pkg.dir, temp, pnpm, 5 * 60_000)
      process.stdout.write(`checked ${pkg.name}@${pkg.version}: ${packed.files.length} files\n`)
      problems.push(...packed.problems.map((problem) => `${pkg.name}: ${problem}`))
    }
    if (problems.length > 0)
      throw new Error(`nothing was published; fix these first:\n  ${problems.join('\n  ')}`)
    const result = await changesetPublish(root, {
      registry,
      scope: sharedScope(packages),
      pnpm,
      gitTag: values['no-git-tag'] !== true,
    })
    process.stdout.write(result.stdout)
    process.stderr.write(result.stderr)
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`release: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
