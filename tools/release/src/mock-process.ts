// `pnpm mock` as a user starts it: run from the workspace root, its printed base URLs and tokens read back, and
// stopped with SIGINT to its process group, as Ctrl+C in a terminal does.

import { type Background, startBackground } from './process.js'

const START_TIMEOUT_MS = 5 * 60_000
const STOP_TIMEOUT_MS = 20_000

/** What `pnpm mock` prints about each fake. */
export interface MockBanner {
  kaitenSh: { baseUrl: string; token: string; tokenWithoutScope: string; instances: string[] }
  kaitenRu: { baseUrl: string; token: string; tokenWithoutAccess: string }
}

function line(section: string, label: string): string {
  const match = new RegExp(`^\\s+${label}\\s+(\\S+)`, 'm').exec(section)
  if (!match) throw new Error(`pnpm mock: no "${label}" line in its banner:\n${section}`)
  return match[1] as string
}

/** Reads the banner `pnpm mock` prints once both servers listen. */
export function parseMockBanner(stdout: string): MockBanner {
  const sh = stdout.indexOf('kaiten.sh (Kaiten Cloud) audit trails')
  const ru = stdout.indexOf('kaiten.ru (Kaiten) audit logs')
  if (sh === -1 || ru === -1 || ru < sh) throw new Error(`pnpm mock: banner not found in:\n${stdout}`)
  const shSection = stdout.slice(sh, ru)
  const ruSection = stdout.slice(ru)
  const instances =
    /^\s+instances\s+(.+)$/m
      .exec(shSection)?.[1]
      ?.split(',')
      .map((slug) => slug.trim()) ?? []
  return {
    kaitenSh: {
      baseUrl: line(shSection, 'base URL'),
      token: line(shSection, 'token'),
      tokenWithoutScope: line(shSection, 'token without scope'),
      instances,
    },
    kaitenRu: {
      baseUrl: line(ruSection, 'base URL'),
      token: line(ruSection, 'token'),
      tokenWithoutAccess: line(ruSection, 'token without access'),
    },
  }
}

/** A running `pnpm mock`. */
export interface RunningMock {
  banner: MockBanner
  pid: number
  process: Background
  /** Ctrl+C: SIGINT to the group; says whether it ended the way a user expects (exit 0, "stopped", no pnpm error). */
  interrupt(): Promise<{ clean: boolean; code: number | null; signal: NodeJS.Signals | null; output: string }>
}

/** Starts `pnpm mock -- <args>` in `root` with the given pnpm, waiting until it prints its banner. */
export async function startPnpmMock(
  root: string,
  pnpm: { command: string; prefix: string[]; env: NodeJS.ProcessEnv },
  args: readonly string[],
): Promise<RunningMock> {
  const mock = startBackground(pnpm.command, [...pnpm.prefix, 'mock', '--', ...args], {
    cwd: root,
    env: { ...pnpm.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  })
  try {
    await mock.waitFor(/Ctrl\+C stops both servers\./, START_TIMEOUT_MS, 'banner from pnpm mock')
  } catch (error) {
    await mock.stop('SIGKILL', STOP_TIMEOUT_MS)
    throw error
  }
  return {
    banner: parseMockBanner(mock.stdout()),
    pid: mock.pid,
    process: mock,
    async interrupt() {
      const result = await mock.stop('SIGINT', STOP_TIMEOUT_MS)
      const output = result.stdout + result.stderr
      const clean =
        !result.killed &&
        result.code === 0 &&
        result.stdout.includes('SIGINT: mock servers stopped') &&
        !/ELIFECYCLE|ERR_PNPM|Command failed/.test(output)
      return { clean, code: result.code, signal: result.signal, output }
    },
  }
}
