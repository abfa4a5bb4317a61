// The CLI end to end, in-process: help, usage errors, a live-style run against the mock servers, report files,
// exit codes, and tokens kept out of every output.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { allChecks, kaitenRuChecks } from '../src/checks/index.js'
import { main } from '../src/cli.js'
import { variables } from '../src/config/variables.js'
import { startMockTarget } from '../src/mock-target.js'
import { REDACTED } from '../src/redact.js'
import { rewriteResponse, withBody } from './support/faults.js'

function captureIo(cwd: string) {
  const out = { stdout: '', stderr: '' }
  return {
    out,
    io: {
      stdout: (text: string) => {
        out.stdout += text
      },
      stderr: (text: string) => {
        out.stderr += text
      },
      colour: false,
      cwd,
    },
  }
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'contract-cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('pnpm contract', () => {
  it('--help documents the options and every variable, and exits 0', async () => {
    const { out, io } = captureIo(dir)
    expect(await main(['--help'], {}, io)).toBe(0)
    for (const variable of variables) expect(out.stdout).toContain(variable.name)
    for (const option of ['--max-requests', '--junit', '--markdown', '--target'])
      expect(out.stdout).toContain(option)
  })

  it('--help shows only example URLs that fetch may open (no port the Fetch standard blocks)', async () => {
    const { out, io } = captureIo(dir)
    expect(await main(['--help'], {}, io)).toBe(0)
    // Only the local examples are opened: a test reaches no host outside this machine.
    const urls = (out.stdout.match(/https?:\/\/[^\s,)]+/g) ?? []).filter((url) =>
      ['localhost', '127.0.0.1'].includes(new URL(url).hostname),
    )
    expect(urls.length).toBeGreaterThan(0)
    const refused: string[] = []
    for (const url of urls) {
      // Refused before any connection is tried; an address nobody listens on fails for another reason.
      const cause = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
        () => undefined,
        (error: unknown) => (error as { cause?: { message?: string } }).cause?.message,
      )
      if (cause === 'bad port') refused.push(url)
    }
    expect(refused).toEqual([])
  }, 20_000)

  it('--list prints every check: its id, the rules it closes and its title, separated by tabs', async () => {
    const { out, io } = captureIo(dir)
    expect(await main(['--list'], {}, io)).toBe(0)
    const lines = out.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(allChecks.length)
    expect(lines[0]).toBe(
      'kaiten-sh.pagination.no-gaps-no-overlaps\tSH-33 SH-18\tPages have no gaps and no overlaps',
    )
    expect(lines.map((line) => line.split('\t')[0])).toEqual(allChecks.map((check) => check.id))
  })

  it('exits 2 on a bad option, naming it', async () => {
    const { out, io } = captureIo(dir)
    expect(await main(['--max-requests', '0'], {}, io)).toBe(2)
    expect(out.stderr).toContain('--max-requests: "0" is not allowed; allowed: an integer ≥ 1')
  })

  it('exits 2 on an --only prefix that matches no check', async () => {
    const { out, io } = captureIo(dir)
    expect(await main(['--only', 'kaiten-ru.nothing'], {}, io)).toBe(2)
    expect(out.stderr).toContain('--only: "kaiten-ru.nothing" matches no check')
  })

  it('exits 2 on an empty --only, which would otherwise select every check', async () => {
    const { out, io } = captureIo(dir)
    // A one-request budget keeps a run that wrongly starts short.
    expect(await main(['--only', '', '--max-requests', '1'], {}, io)).toBe(2)
    expect(out.stderr).toContain('--only: "" is not allowed; allowed: a check id or the start of one')
    expect(out.stdout).toBe('')
  })

  describe('report paths are checked before the run', () => {
    const noRun = (out: { stdout: string; stderr: string }) => {
      expect(out.stderr).not.toContain('Starting the embedded mock servers')
      expect(out.stdout).toBe('')
    }

    it('exits 2 when a report directory cannot be created because a file is in the way', async () => {
      await writeFile(join(dir, 'blocker'), 'a file, not a directory\n')
      const { out, io } = captureIo(dir)
      expect(await main(['--junit', 'blocker/junit.xml', '--max-requests', '1'], {}, io)).toBe(2)
      expect(out.stderr).toContain(
        `--junit: "blocker/junit.xml" cannot be written (${join(dir, 'blocker')} is not a directory)`,
      )
      noRun(out)
    })

    it('exits 2 when a report path is a directory', async () => {
      await mkdir(join(dir, 'reports'))
      const { out, io } = captureIo(dir)
      expect(await main(['--markdown', 'reports', '--max-requests', '1'], {}, io)).toBe(2)
      expect(out.stderr).toContain(
        `--markdown: "reports" cannot be written (${join(dir, 'reports')} is a directory)`,
      )
      noRun(out)
    })

    it('exits 2, not 3, when the system refuses to look at the path (a symlink loop)', async () => {
      await symlink('loop', join(dir, 'loop'))
      const { out, io } = captureIo(dir)
      expect(await main(['--junit', 'loop/junit.xml', '--max-requests', '1'], {}, io)).toBe(2)
      expect(out.stderr).toMatch(/^--junit: "loop\/junit.xml" cannot be written \(ELOOP: /)
      noRun(out)
    })

    it('exits 2 when both reports would go to one file', async () => {
      const { out, io } = captureIo(dir)
      expect(await main(['--junit', 'r/out', '--markdown', './r/out', '--max-requests', '1'], {}, io)).toBe(2)
      expect(out.stderr).toContain('--markdown: "./r/out" is the file --junit writes')
      noRun(out)
    })
  })

  it('exits 2 on an incomplete environment without printing the token it holds', async () => {
    const { out, io } = captureIo(dir)
    const env = { KAITEN_RU_TOKEN: 'ru-secret-token-value' }
    expect(await main([], env, io)).toBe(2)
    expect(out.stderr).toContain('KAITEN_RU_BASE_URL')
    expect(out.stderr).not.toContain(env.KAITEN_RU_TOKEN)
  })

  it('reads variables from --env-file, keeps the environment first, and never prints a token from the file', async () => {
    await writeFile(
      join(dir, 'contract.env'),
      'KAITEN_RU_TOKEN=file-secret-token\nKAITEN_CONTRACT_MAX_REQUESTS=0\n',
    )
    const { out, io } = captureIo(dir)
    // The environment's budget wins over the file's invalid one; the file's lone token is an incomplete setup.
    expect(await main(['--env-file', 'contract.env'], { KAITEN_CONTRACT_MAX_REQUESTS: '20' }, io)).toBe(2)
    expect(out.stderr).toContain('KAITEN_RU_TOKEN is set but KAITEN_RU_BASE_URL is not')
    expect(out.stderr).not.toContain('file-secret-token')
  })

  it('exits 2 when --env-file cannot be read', async () => {
    const { out, io } = captureIo(dir)
    expect(await main(['--env-file', 'missing.env'], {}, io)).toBe(2)
    expect(out.stderr).toContain('--env-file: "missing.env" cannot be read')
  })

  it('verifies only the configured live API, reports the other as skipped, writes both reports, exits 0', async () => {
    const mocks = await startMockTarget({ rateLimit: true })
    try {
      const env = { KAITEN_RU_BASE_URL: mocks.kaitenRu.baseUrl, KAITEN_RU_TOKEN: mocks.kaitenRu.validToken }
      const { out, io } = captureIo(dir)
      const code = await main(
        [
          '--only',
          'kaiten-ru.filters.id',
          '--junit',
          'reports/junit.xml',
          '--markdown',
          'reports/summary.md',
        ],
        env,
        io,
      )
      expect(out.stdout).toContain(
        'kaiten.sh — skipped: KAITEN_SH_BASE_URL, KAITEN_SH_TOKEN, KAITEN_SH_INSTANCE not set',
      )
      expect(out.stdout).toContain('✓ `id` returns exactly that event; an id no event has returns [] (200)')
      // The selected check and the passive ones, which judge what it recorded.
      const passive = kaitenRuChecks.filter((check) => check.passive).length
      expect(out.stdout).toContain(`PASS ${passive + 1} checks: ${passive + 1} passed`)
      expect(code).toBe(0)
      const junit = await readFile(join(dir, 'reports/junit.xml'), 'utf8')
      expect(junit).toContain('<testsuite name="kaiten.sh" tests="1" failures="0" errors="0" skipped="1"')
      expect(junit).toContain(
        'name="kaiten-ru.filters.id: `id` returns exactly that event; an id no event has returns [] (200)"',
      )
      const markdown = await readFile(join(dir, 'reports/summary.md'), 'utf8')
      expect(markdown).toContain('### kaiten.sh — skipped')
      expect(markdown).toContain(
        '| ✅ | `id` returns exactly that event; an id no event has returns [] (200) |',
      )
    } finally {
      await mocks.close()
    }
  })

  it('--json writes the whole result and --record every exchange as NDJSON, tokens redacted', async () => {
    const mocks = await startMockTarget({ rateLimit: false })
    try {
      const token = mocks.kaitenRu.validToken
      const env = { KAITEN_RU_BASE_URL: mocks.kaitenRu.baseUrl, KAITEN_RU_TOKEN: token }
      const { io } = captureIo(dir)
      const argv = [
        '--only',
        'kaiten-ru.filters.id',
        '--seed',
        '7',
        '--json',
        'r/run.json',
        '--record',
        'r/run.ndjson',
      ]
      expect(await main(argv, env, io)).toBe(0)
      const json = await readFile(join(dir, 'r/run.json'), 'utf8')
      const record = await readFile(join(dir, 'r/run.ndjson'), 'utf8')
      for (const text of [json, record]) expect(text).not.toContain(token)
      const result = JSON.parse(json) as { seed: number; requestsUsed: number; checks: { id: string }[] }
      expect(result.seed).toBe(7)
      expect(result.checks.map((check) => check.id)).toContain('kaiten-ru.filters.id')
      const lines = record
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(lines).toHaveLength(result.requestsUsed)
      const first = lines[0] as {
        api: string
        check: string
        request: { method: string; url: string; headers: Record<string, string> }
        response: { status: number; headers: Record<string, string>; body: string }
      }
      expect(first).toMatchObject({
        api: 'kaiten-ru',
        check: 'kaiten-ru.filters.id',
        request: {
          method: 'GET',
          url: `${mocks.kaitenRu.baseUrl}/audit-logs?limit=500`,
          headers: { authorization: `Bearer ${REDACTED}` },
        },
        response: { status: 200 },
      })
      expect(JSON.parse(first.response.body)).toHaveLength(500)
    } finally {
      await mocks.close()
    }
  })

  it('exits 1 when a check fails, and keeps a token a server echoes out of every output', async () => {
    // A server that puts the caller's Authorization header into its 400 bodies.
    const echo = rewriteResponse(async (response, request) =>
      response.status === 400
        ? withBody(response, `rejected ${request.headers.get('authorization')}`, {
            'content-type': 'text/plain',
          })
        : response,
    )
    const mocks = await startMockTarget({ rateLimit: false, wrap: { kaitenRu: echo } })
    try {
      const token = mocks.kaitenRu.validToken
      const env = { KAITEN_RU_BASE_URL: mocks.kaitenRu.baseUrl, KAITEN_RU_TOKEN: token }
      const { out, io } = captureIo(dir)
      const reports = ['--junit', 'j.xml', '--markdown', 's.md', '--json', 'r.json', '--record', 'r.ndjson']
      const code = await main(['--only', 'kaiten-ru.errors.invalid-parameters', ...reports], env, io)
      expect(code).toBe(1)
      const outputs = [
        out.stdout,
        out.stderr,
        ...(await Promise.all(
          ['j.xml', 's.md', 'r.json', 'r.ndjson'].map((file) => readFile(join(dir, file), 'utf8')),
        )),
      ]
      for (const output of outputs) expect(output).not.toContain(token)
      expect(out.stdout).toContain(`rejected Bearer ${REDACTED}`)
      expect(out.stdout).toMatch(/✗ A query value that breaks its parameter's schema/)
    } finally {
      await mocks.close()
    }
  })
})
