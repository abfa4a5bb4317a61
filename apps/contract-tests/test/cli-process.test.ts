// The CLI as users start it: the package script through pnpm, the `kaiten-contract` bin through a node_modules/.bin
// link, and the built file through node. What Node, the shell and pnpm do to arguments and streams is under test.
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { allCheckIds } from '../src/checks/index.js'
import {
  builtCli,
  PROCESS_TIMEOUT_MS,
  type ProcessResult,
  packageDir,
  pnpm,
  repoRoot,
  requireBuild,
  runProcess,
} from './support/process.js'

const TEST_TIMEOUT_MS = PROCESS_TIMEOUT_MS + 10_000

let dir: string
beforeAll(requireBuild)
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'contract-process-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const missingFile = (stderr: string, option: string) => {
  expect(stderr).toContain(`${option}: "missing.env" cannot be read`)
  expect(stderr).toContain('See pnpm contract --help.')
}

// Node 20 takes `--env-file` anywhere on its own command line before a `--` (nodejs/node#54232): also after a script
// name, so also in the node process that runs pnpm itself. `--dotenv` is a name Node does not claim.
describe('the dotenv option belongs to the CLI, not to Node', () => {
  it(
    'through pnpm and the package script, --dotenv with a missing file is a usage error naming it (exit 2)',
    async () => {
      const result = await runProcess(...pnpm(['run', 'contract', '--dotenv', 'missing.env']), {
        cwd: packageDir,
      })
      missingFile(result.stderr, '--dotenv')
      expect(result.code).toBe(2)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'through pnpm and the package script, --env-file after `--` reaches the CLI too',
    async () => {
      const result = await runProcess(...pnpm(['run', 'contract', '--', '--env-file', 'missing.env']), {
        cwd: packageDir,
      })
      missingFile(result.stderr, '--env-file')
      expect(result.code).toBe(2)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'through the kaiten-contract bin linked into node_modules/.bin, --env-file reaches the CLI',
    async () => {
      const bin = join(dir, 'node_modules', '.bin')
      await mkdir(bin, { recursive: true })
      await symlink(builtCli, join(bin, 'kaiten-contract'))
      const result = await runProcess(join(bin, 'kaiten-contract'), ['--env-file', 'missing.env'], {
        cwd: dir,
      })
      missingFile(result.stderr, '--env-file')
      expect(result.code).toBe(2)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'through node, the options may follow a `--` (as `pnpm contract -- …` passes them)',
    async () => {
      const result = await runProcess(process.execPath, [builtCli, '--', '--env-file', 'missing.env'], {
        cwd: dir,
      })
      missingFile(result.stderr, '--env-file')
      expect(result.code).toBe(2)
    },
    TEST_TIMEOUT_MS,
  )
})

describe('stdout carries only the CLI output', () => {
  it(
    'a reader that has gone (`| head -3` after three lines) ends the CLI quietly: no EPIPE crash, exit 0',
    async () => {
      for (const option of ['--help', '--list']) {
        const result = await runProcess(process.execPath, [builtCli, option], { cwd: dir, closeStdout: true })
        expect(result.stderr, option).toBe('')
        expect(result.code, option).toBe(0)
      }
    },
    TEST_TIMEOUT_MS,
  )

  // The root script as pnpm runs it (`sh -c "<script> <args>"`), with a stand-in for turbo that prints its banner
  // to stdout as turbo does: what the build says must go to stderr, and nothing else may reach stdout.
  async function runRootScript(args: string): Promise<ProcessResult> {
    const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    const turbo = "turbo() { echo ' • turbo 2.11.11'; echo ' Tasks: 5 successful, 5 total'; }"
    return runProcess('sh', ['-c', `${turbo}\n${manifest.scripts.contract} ${args}`], {
      cwd: repoRoot,
      env: { INIT_CWD: dir },
    })
  }

  it(
    'the root contract script: `pnpm contract --list` prints the checks and nothing else on stdout',
    async () => {
      const result = await runRootScript('--list')
      expect(result.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual([...allCheckIds, ''])
      expect(result.stderr).toContain('Tasks: 5 successful')
      expect(result.code).toBe(0)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'the root contract script hands --dotenv and a leading -- to the CLI',
    async () => {
      for (const args of ['--dotenv missing.env', '-- --env-file missing.env']) {
        const result = await runRootScript(args)
        expect(result.stdout, args).toBe('')
        expect(result.stderr, args).toMatch(/--(dotenv|env-file): "missing.env" cannot be read/)
        expect(result.code, args).toBe(2)
      }
    },
    TEST_TIMEOUT_MS,
  )
})
