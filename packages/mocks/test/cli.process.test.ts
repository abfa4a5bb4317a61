// `pnpm mock` as a user runs it: a real pnpm, a real node process, real signals. Every wait has its own deadline,
// generous because a busy machine starts processes slowly; none of them is part of what is asserted.

import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const START_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 20_000

/** pnpm as the test runner was started with, so the test uses the same pnpm the user has. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath
  if (execPath && basename(execPath).includes('pnpm')) return [process.execPath, [execPath]]
  return ['pnpm', []]
}

interface Running {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function startPnpmMock(args: string[]): Running {
  const [command, prefix] = pnpmCommand()
  // Its own process group, so a signal can reach pnpm, its shell and node together, as Ctrl+C in a terminal does.
  const child = spawn(command, [...prefix, 'run', 'mock', ...args], {
    cwd: packageDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, stdout: () => stdout, stderr: () => stderr, exited }
}

async function waitFor(
  what: string,
  running: Running,
  read: () => string,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const match = read().match(pattern)
    if (match) return match
    const ended = running.child.exitCode !== null || running.child.signalCode !== null
    if (ended || Date.now() > deadline) {
      const why = ended
        ? `the process ended (${running.child.exitCode ?? running.child.signalCode})`
        : `${timeoutMs} ms passed`
      throw new Error(
        `no ${what} matching ${pattern}: ${why}\nstdout:\n${running.stdout()}\nstderr:\n${running.stderr()}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function withDeadline<T>(promise: Promise<T>, what: string, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${timeoutMs} ms`)), timeoutMs)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

describe('pnpm mock as a process', () => {
  let running: Running | undefined
  afterEach(() => {
    // Whatever the test did, nothing it started outlives it.
    if (running?.child.pid && running.child.exitCode === null && running.child.signalCode === null) {
      process.kill(-running.child.pid, 'SIGKILL')
    }
    running = undefined
  })

  it.skipIf(process.platform === 'win32')(
    'logs each request without its token, and stops on Ctrl+C with exit 0 and no package-manager error',
    async () => {
      if (!existsSync(join(packageDir, 'dist/cli.js'))) {
        throw new Error('dist/cli.js is missing: run `pnpm --filter @kaiten-audit/mocks build` first')
      }
      running = startPnpmMock(['--log', '--no-rate-limit', '--host', '127.0.0.1'])
      const current = running
      await waitFor('banner', current, current.stdout, /Ctrl\+C stops both servers/, START_TIMEOUT_MS)
      const [, baseUrl] = await waitFor(
        'base URL',
        current,
        current.stdout,
        /base URL\s+(http:\S+\/api)\n/,
        1000,
      )
      const [, token] = await waitFor('token', current, current.stdout, /token\s+(ksh_\S+)\n/, 1000)
      const [, slug] = await waitFor('instances', current, current.stdout, /instances\s+([a-z0-9-]+)/, 1000)
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/)

      const response = await fetch(`${baseUrl}/instances/${slug}/audit-trails?limit=2`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(STOP_TIMEOUT_MS),
      })
      expect(response.status).toBe(200)
      await waitFor(
        'request log line',
        current,
        current.stderr,
        new RegExp(`kaiten\\.sh GET /api/instances/${slug}/audit-trails\\?limit=2 200 \\d+ ms`),
        STOP_TIMEOUT_MS,
      )
      expect(current.stderr()).not.toContain(token)

      process.kill(-(current.child.pid as number), 'SIGINT')
      const exit = await withDeadline(current.exited, 'stopping after SIGINT', STOP_TIMEOUT_MS)
      expect(current.stdout()).toContain('SIGINT: mock servers stopped')
      expect(current.stderr()).not.toMatch(/ELIFECYCLE|ERR_PNPM|Command failed/)
      expect(exit).toEqual({ code: 0, signal: null })
    },
    START_TIMEOUT_MS + 3 * STOP_TIMEOUT_MS,
  )

  it.skipIf(process.platform === 'win32')(
    'exits 2 listing the scenario names for an unknown --scenario, without starting a server',
    async () => {
      const child = spawn(process.execPath, [join(packageDir, 'dist/cli.js'), '--scenario', 'explode'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
      })
      const exit = await withDeadline(
        new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))),
        'exiting on a bad flag',
        START_TIMEOUT_MS,
      )
      expect(exit).toBe(2)
      expect(stderr).toMatch(
        /^--scenario: scenario "explode" is not allowed; allowed: latency, server-errors, /,
      )
      expect(stderr).toContain('cursor-envelope')
    },
    START_TIMEOUT_MS,
  )

  it.skipIf(process.platform === 'win32')(
    'serves the --scenario it was started with, and the one a request names in X-Mock-Scenario',
    async () => {
      running = startPnpmMock(['--scenario', 'server-errors:status=503,times=1,api=kaiten-sh'])
      const current = running
      await waitFor('banner', current, current.stdout, /Ctrl\+C stops both servers/, START_TIMEOUT_MS)
      expect(current.stdout()).toMatch(/scenarios\s+server-errors:status=503,times=1,api=kaiten-sh\n/)
      const [, baseUrl] = await waitFor(
        'base URL',
        current,
        current.stdout,
        /base URL\s+(http:\S+\/api)\n/,
        1000,
      )
      const [, token] = await waitFor('token', current, current.stdout, /token\s+(ksh_\S+)\n/, 1000)
      const [, slug] = await waitFor('instances', current, current.stdout, /instances\s+([a-z0-9-]+)/, 1000)
      const send = (headers: Record<string, string> = {}) =>
        fetch(`${baseUrl}/instances/${slug}/audit-trails?limit=1`, {
          headers: { authorization: `Bearer ${token}`, ...headers },
          signal: AbortSignal.timeout(STOP_TIMEOUT_MS),
        })
      expect((await send()).status).toBe(503)
      expect((await send()).status).toBe(200)
      const viaHeader = await send({ 'X-Mock-Scenario': 'html-error-page:status=502' })
      expect([viaHeader.status, viaHeader.headers.get('content-type')]).toEqual([502, 'text/html'])
      process.kill(-(current.child.pid as number), 'SIGINT')
      expect(await withDeadline(current.exited, 'stopping after SIGINT', STOP_TIMEOUT_MS)).toEqual({
        code: 0,
        signal: null,
      })
    },
    START_TIMEOUT_MS + 3 * STOP_TIMEOUT_MS,
  )
})
