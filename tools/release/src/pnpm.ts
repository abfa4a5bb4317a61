// The pnpm this run was started with, usable both directly and as `pnpm` on PATH (changesets looks it up there).

import { chmodSync, writeFileSync } from 'node:fs'
import { basename, delimiter, join } from 'node:path'

/** How to run pnpm, and an environment in which `pnpm` on PATH is that same pnpm. */
export interface Pnpm {
  command: string
  prefix: string[]
  env: NodeJS.ProcessEnv
  /** For the log: which pnpm this is. */
  origin: string
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/**
 * The pnpm that runs this script when it was started through pnpm (`npm_execpath`), otherwise the pinned version
 * through npx, so `npm run registry:proof` works with only Node and npm installed. A `pnpm` shim in `shimDir`
 * goes first on PATH.
 */
export function resolvePnpm(
  pinnedVersion: string,
  shimDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Pnpm {
  const execPath = env.npm_execpath
  const viaPnpm = execPath !== undefined && basename(execPath).startsWith('pnpm')
  const command = viaPnpm ? process.execPath : 'npx'
  const prefix = viaPnpm ? [execPath] : ['-y', `pnpm@${pinnedVersion}`]
  const shim = join(shimDir, 'pnpm')
  writeFileSync(shim, `#!/bin/sh\nexec ${[command, ...prefix].map(shellQuote).join(' ')} "$@"\n`)
  chmodSync(shim, 0o755)
  return {
    command,
    prefix,
    env: { ...env, PATH: `${shimDir}${delimiter}${env.PATH ?? ''}` },
    origin: viaPnpm ? `the pnpm running this script (${execPath})` : `pnpm@${pinnedVersion} through npx`,
  }
}

/** pnpm for tests: the one running the test runner when there is one, otherwise `pnpm` on PATH. */
export function currentPnpm(env: NodeJS.ProcessEnv = process.env): { command: string; prefix: string[] } {
  const execPath = env.npm_execpath
  if (execPath !== undefined && basename(execPath).startsWith('pnpm')) {
    return { command: process.execPath, prefix: [execPath] }
  }
  return { command: 'pnpm', prefix: [] }
}
