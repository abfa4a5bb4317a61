#!/usr/bin/env node
// `pnpm registry:proof` (or `npm run registry:proof` with only Node and npm): see ../registry-proof.ts.

import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { killAllChildren } from '../process.js'
import { registryProof } from '../registry-proof.js'

const USAGE = `Usage: pnpm registry:proof [--keep]

Packs and checks every published package, installs the tarballs into a project outside the workspace, publishes
them with changesets to a temporary Verdaccio on 127.0.0.1, installs the client and the mocks from it with npm,
compiles a typed consumer with strict tsc and runs it against pnpm mock. Exits 0 when every step passed.

  --keep   keep the scratch directory (tarballs, consumers, registry storage) for inspection
`

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')

let values: { keep?: boolean; help?: boolean }
try {
  values = parseArgs({ options: { keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${USAGE}`)
  process.exit(2)
}
if (values.help) {
  process.stdout.write(USAGE)
  process.exit(0)
}

// Interrupted, the proof still leaves no registry or mock server behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllChildren()
    process.stderr.write(`\nregistry proof: ${signal}, stopped every process it started\n`)
    process.exit(130)
  })
}

registryProof({ root, keep: values.keep === true, write: (text) => process.stdout.write(text) }).catch(
  (error: unknown) => {
    process.stderr.write(
      `\nregistry proof FAILED: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
