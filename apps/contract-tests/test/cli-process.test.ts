// The CLI as users start it: the package script through pnpm, the `kaiten-contract` bin through a node_modules/.bin
// link, and the built file through node. What Node, the shell and pnpm do to arguments and streams is under test.
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { builtCli, PROCESS_TIMEOUT_MS, packageDir, requireBuild, runProcess } from './support/process.js'

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
      const result = await runProcess('pnpm', ['run', 'contract', '--dotenv', 'missing.env'], {
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
      const result = await runProcess('pnpm', ['run', 'contract', '--', '--env-file', 'missing.env'], {
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
