// A project outside the workspace that installs the packages with plain npm, as another team would: the files in
// tools/release/consumer/ plus a package.json and .npmrc written for one install source.

import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { type Finished, run } from './process.js'

const INSTALL_TIMEOUT_MS = 10 * 60_000
const COMPILE_TIMEOUT_MS = 5 * 60_000
const RUN_TIMEOUT_MS = 2 * 60_000

/** Where the consumer gets the packages from, and the toolchain it compiles with. */
export interface ConsumerSpec {
  /** Package name to an npm spec: a version (from the registry) or `file:…tgz`. */
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  /** Lines of the project's .npmrc, e.g. `@scope:registry=http://127.0.0.1:PORT/`. */
  npmrc: string[]
}

/** Refuses a directory inside the workspace: npm would find the workspace's node_modules and prove nothing. */
export function assertOutside(workspaceRoot: string, dir: string): void {
  const path = relative(resolve(workspaceRoot), resolve(dir))
  if (path === '' || (!path.startsWith('..') && !isAbsolute(path))) {
    throw new Error(
      `consumer directory ${dir} is inside the workspace ${workspaceRoot}; use a directory outside it`,
    )
  }
}

/** Writes the consumer project into `dir` (which must be outside the workspace). */
export function writeConsumer(
  templateDir: string,
  workspaceRoot: string,
  dir: string,
  spec: ConsumerSpec,
): void {
  assertOutside(workspaceRoot, dir)
  cpSync(join(templateDir, 'src'), join(dir, 'src'), { recursive: true })
  cpSync(join(templateDir, 'tsconfig.json'), join(dir, 'tsconfig.json'))
  const manifest = {
    name: 'kaiten-audit-consumer',
    private: true,
    type: 'module',
    dependencies: spec.dependencies,
    devDependencies: spec.devDependencies,
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  writeFileSync(join(dir, '.npmrc'), spec.npmrc.map((line) => `${line}\n`).join(''))
}

/** `npm install` in the consumer. */
export function installConsumer(dir: string, env?: NodeJS.ProcessEnv): Promise<Finished> {
  return run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    timeoutMs: INSTALL_TIMEOUT_MS,
    ...(env ? { env } : {}),
  })
}

/** The version npm installed for each package name. */
export function installedVersions(dir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => [
      name,
      JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version,
    ]),
  )
}

/** Strict `tsc` over the consumer's sources and the installed declarations (skipLibCheck is off). */
export function compileConsumer(dir: string): Promise<Finished> {
  return run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], {
    cwd: dir,
    timeoutMs: COMPILE_TIMEOUT_MS,
  })
}

/** Runs the compiled consumer with `env` added to the environment. */
export function runConsumer(dir: string, env: Record<string, string>): Promise<Finished> {
  return run(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: { ...process.env, ...env },
    timeoutMs: RUN_TIMEOUT_MS,
  })
}
