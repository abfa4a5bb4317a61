// Runs the CLI as a user does, in its own process, so that what Node, the shell and pnpm do to the arguments and
// the output streams is part of what is tested.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const repoRoot = join(packageDir, '..', '..')
export const builtCli = join(packageDir, 'dist', 'cli.js')

/** Generous: two cores shared with other test runs can take seconds to start node or pnpm. */
export const PROCESS_TIMEOUT_MS = 60_000

export interface ProcessResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  /** Added to an environment without KAITEN_* variables, so the machine's own setup cannot pick the target. */
  env?: Record<string, string>
  /** Close the reading end of stdout before the child can write, like `| head` that has already exited. */
  closeStdout?: boolean
  timeoutMs?: number
}

/**
 * pnpm as the test itself was started with it (`npm_execpath`), so the test does not depend on a pnpm on PATH:
 * `npm test` in a fresh clone runs pnpm through npx.
 */
export function pnpm(args: readonly string[]): [string, string[]] {
  const execPath = process.env.npm_execpath
  if (execPath && /pnpm\.c?js$/.test(execPath)) return [process.execPath, [execPath, ...args]]
  return ['pnpm', [...args]]
}

export function requireBuild(): void {
  if (!existsSync(builtCli)) {
    throw new Error(`${builtCli} is missing: run pnpm --filter @kaiten-audit/contract-tests build first`)
  }
}

function cleanEnvironment(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || name.startsWith('KAITEN_') || name === 'INIT_CWD') continue
    env[name] = value
  }
  return { ...env, NO_COLOR: '1', ...extra }
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<ProcessResult> {
  const timeoutMs = options.timeoutMs ?? PROCESS_TIMEOUT_MS
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: cleanEnvironment(options.env ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    if (options.closeStdout) child.stdout.destroy()
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `${command} ${args.join(' ')} did not end within ${timeoutMs} ms; stderr so far: ${stderr}`,
        ),
      )
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
  })
}
