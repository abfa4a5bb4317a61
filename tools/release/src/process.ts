// Child processes that always end: each runs in its own process group with a deadline, and whatever is still
// running when the caller gives up is killed by group, so no registry, mock server or install outlives the run.

import { type ChildProcess, spawn } from 'node:child_process'

/** How a process ended, with everything it printed. */
export interface Finished {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  ms: number
}

/** A process that failed, timed out or was stopped; `result` holds its output. */
export class ProcessError extends Error {
  override name = 'ProcessError'
  constructor(
    message: string,
    readonly result: Finished,
  ) {
    super(message)
  }
}

/** Where and how long a process may run. */
export interface ProcessOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
}

const live = new Set<ChildProcess>()

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

/** SIGKILL to every process group still running: the last resort when the caller itself is interrupted. */
export function killAllChildren(): void {
  for (const child of live) signalGroup(child, 'SIGKILL')
}

function tail(text: string, lines = 25): string {
  const all = text.trimEnd().split('\n')
  return all.slice(-lines).join('\n')
}

/** A one-line description of a command for messages: the program and its arguments, never the environment. */
export function describeCommand(command: string, args: readonly string[]): string {
  return [command, ...args]
    .map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : JSON.stringify(part)))
    .join(' ')
}

/** A started process: its output so far, a way to wait for a line, and a way to stop it. */
export interface Background {
  readonly pid: number
  stdout(): string
  stderr(): string
  /** Resolves with the first match in stdout; rejects if the process ends first or `timeoutMs` passes. */
  waitFor(pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpMatchArray>
  /** Sends `signal` to the group, waits up to `timeoutMs`, then SIGKILLs it. */
  stop(signal: NodeJS.Signals, timeoutMs: number): Promise<Finished & { killed: boolean }>
  readonly exited: Promise<Finished>
}

/** Starts `command` in its own process group, collecting its output. */
export function startBackground(
  command: string,
  args: readonly string[],
  options: ProcessOptions,
): Background {
  const started = Date.now()
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<Finished>((resolve) => {
    child.on('error', (error) => {
      stderr += `${String(error)}\n`
    })
    child.on('close', (code, signal) => {
      live.delete(child)
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started })
    })
  })
  const ended = () => child.exitCode !== null || child.signalCode !== null || !live.has(child)
  return {
    get pid() {
      return child.pid ?? -1
    },
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async waitFor(pattern, timeoutMs, what) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const match = stdout.match(pattern)
        if (match) return match
        if (ended() || Date.now() > deadline) {
          const why = ended() ? 'the process ended' : `${timeoutMs} ms passed`
          throw new ProcessError(
            `${describeCommand(command, args)}: no ${what} (${why})\n--- stdout\n${tail(stdout)}\n--- stderr\n${tail(stderr)}`,
            { code: child.exitCode, signal: child.signalCode, stdout, stderr, ms: Date.now() - started },
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async stop(signal, timeoutMs) {
      signalGroup(child, signal)
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs)
      })
      const first = await Promise.race([exited, timedOut])
      clearTimeout(timer)
      if (first !== 'timeout') return { ...first, killed: false }
      signalGroup(child, 'SIGKILL')
      return { ...(await exited), killed: true }
    },
  }
}

/** Runs `command` to completion within `timeoutMs`; rejects with its output when it fails or times out. */
export async function run(
  command: string,
  args: readonly string[],
  options: ProcessOptions & { timeoutMs: number },
): Promise<Finished> {
  const background = startBackground(command, args, options)
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs)
  })
  const first = await Promise.race([background.exited, timedOut])
  clearTimeout(timer)
  const label = describeCommand(command, args)
  if (first === 'timeout') {
    const stopped = await background.stop('SIGTERM', 5000)
    throw new ProcessError(
      `${label}: still running after ${options.timeoutMs} ms, stopped\n--- stdout\n${tail(stopped.stdout)}\n--- stderr\n${tail(stopped.stderr)}`,
      stopped,
    )
  }
  if (first.code !== 0) {
    throw new ProcessError(
      `${label}: exit ${first.code ?? first.signal}\n--- stdout\n${tail(first.stdout)}\n--- stderr\n${tail(first.stderr)}`,
      first,
    )
  }
  return first
}
