// A throwaway Verdaccio on 127.0.0.1: its own config and storage in a temporary directory, one user for publishing,
// no uplinks (only this workspace's scope is published to it; consumers get everything else from their usual
// registry), stopped by its PID.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort } from './free-port.js'
import { type Background, run, startBackground } from './process.js'

/** The version pinned in `tools/release/verdaccio/package.json` (6.10 needs Node 22; 6.8.0 runs on Node 20). */
export const VERDACCIO_VERSION = '6.8.0'
const INSTALL_TIMEOUT_MS = 10 * 60_000
const START_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 10_000

/** A running registry: its URL, a token that may publish to it, and how to stop it. */
export interface Registry {
  url: string
  token: string
  pid: number
  log: () => string
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; killed: boolean }>
}

/** Installs Verdaccio from its lockfile (npm ci) unless the pinned version is already there. */
export async function ensureVerdaccio(installDir: string): Promise<'installed' | 'present'> {
  const manifest = join(installDir, 'node_modules/verdaccio/package.json')
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === VERDACCIO_VERSION) {
    return 'present'
  }
  await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: installDir,
    timeoutMs: INSTALL_TIMEOUT_MS,
  })
  return 'installed'
}

function config(workDir: string): string {
  return [
    `storage: ${JSON.stringify(join(workDir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(workDir, 'htpasswd'))}`,
    '    max_users: 1',
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n')
}

async function waitUntilServing(url: string, server: Background): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2000) })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    const ended = await Promise.race([
      server.exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 250)),
    ])
    if (ended || Date.now() > deadline) {
      const why = ended ? 'it exited' : `not serving after ${START_TIMEOUT_MS} ms`
      throw new Error(`verdaccio: ${why}\n${server.stdout()}${server.stderr()}`)
    }
  }
}

async function createUser(url: string): Promise<string> {
  const name = 'release-proof'
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `proof-${Math.random().toString(36).slice(2)}` }),
    signal: AbortSignal.timeout(10_000),
  })
  const body = (await response.json()) as { token?: string }
  if (!response.ok || !body.token)
    throw new Error(`verdaccio: creating the publishing user answered ${response.status}`)
  return body.token
}

/** Starts Verdaccio from `installDir` with config and storage under `workDir`. */
export async function startVerdaccio(installDir: string, workDir: string): Promise<Registry> {
  const configFile = join(workDir, 'config.yaml')
  writeFileSync(configFile, config(workDir))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const bin = join(installDir, 'node_modules/verdaccio/bin/verdaccio')
  const server = startBackground(
    process.execPath,
    [bin, '--config', configFile, '--listen', `127.0.0.1:${port}`],
    {
      cwd: workDir,
    },
  )
  const stop = async () => {
    const { code, signal, killed } = await server.stop('SIGTERM', STOP_TIMEOUT_MS)
    return { code, signal, killed }
  }
  try {
    await waitUntilServing(url, server)
    return {
      url,
      token: await createUser(url),
      pid: server.pid,
      log: () => server.stdout() + server.stderr(),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
