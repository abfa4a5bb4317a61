// The pnpm this run was started with, usable both directly and as `pnpm` on PATH (changesets looks it up there).

import { chmodSync, realpathSync, writeFileSync } from 'node:fs'
import { basename, delimiter, join } from 'node:path'
import { run } from './process.js'

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
 * fetched by npx, so `npm run registry:proof` works with only Node and npm installed. Either way pnpm runs as
 * `node pnpm.cjs`, never behind npx: npx dies of a SIGINT that pnpm and its children handle, which would make a
 * clean Ctrl+C look like a crash. A `pnpm` shim in `shimDir` goes first on PATH.
 */
export async function resolvePnpm(
  pinnedVersion: string,
  shimDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Pnpm> {
  const execPath = env.npm_execpath
  const viaPnpm = execPath !== undefined && basename(execPath).startsWith('pnpm')
  let script = execPath as string
  if (!viaPnpm) {
    const located = await run('npx', ['-y', '-p', `pnpm@${pinnedVersion}`, '-c', 'command -v pnpm'], {
      cwd: shimDir,
      timeoutMs: 5 * 60_000,
    })
    script = realpathSync(located.stdout.trim().split('\n').at(-1) ?? '')
  }
  const shim = join(shimDir, 'pnpm')
  writeFileSync(shim, `#!/bin/sh\nexec ${[process.execPath, script].map(shellQuote).join(' ')} "$@"\n`)
  chmodSync(shim, 0o755)
  return {
    command: process.execPath,
    prefix: [script],
    env: { ...env, npm_execpath: script, PATH: `${shimDir}${delimiter}${env.PATH ?? ''}` },
    origin: viaPnpm
      ? `the pnpm running this script (${script})`
      : `pnpm@${pinnedVersion} fetched by npx (${script})`,
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
