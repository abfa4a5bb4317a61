// Usage errors: exit 2 before any request, with a message naming the flag, the value and what is allowed.
import { describe, expect, it } from 'vitest'
import { runMain, workDir } from './support/harness.js'

const env = {
  KAITEN_RU_BASE_URL: 'http://127.0.0.1:9/api/latest',
  KAITEN_RU_TOKEN: 'kaiten-ru-token-never-printed-0123',
  KAITEN_SH_BASE_URL: 'http://127.0.0.1:9/api',
  KAITEN_SH_TOKEN: 'ksh_token_never_printed_0123456789',
}
const required = ['--out', 'events.ndjson', '--checkpoint', 'checkpoint.json']

describe('usage', () => {
  it.each([
    [['--out', 'x', '--checkpoint', 'y'], /^--api: missing; allowed: ru .* or sh/],
    [['--api', 'kaiten', ...required], /^--api: "kaiten" is not allowed; allowed: ru/],
    [
      ['--api', 'ru', '--format', 'xml', ...required],
      /^--format: "xml" is not allowed; allowed: ndjson or csv/,
    ],
    [['--api', 'ru', '--checkpoint', 'y'], /^--out: missing; allowed: a file path, or - for standard output/],
    [['--api', 'ru', '--out', 'x'], /^--checkpoint: missing/],
    [
      ['--api', 'ru', '--event-name', 'x', ...required],
      /^--event-name: a kaiten\.sh filter is not allowed with --api ru; allowed: --author-id/,
    ],
    [['--api', 'ru', '--instance', 'acme', ...required], /^--instance: "acme" is not allowed with --api ru/],
    [['--api', 'sh', ...required], /^--instance: missing; allowed: one or more --instance SLUG/],
    [
      ['--api', 'ru', '--author-id', 'me', ...required],
      /^--author-id: "me" is not allowed; allowed: an integer user id/,
    ],
    [
      ['--api', 'ru', '--since', 'yesterday', ...required],
      /^--since: "yesterday" is not allowed; allowed: an RFC 3339 date-time/,
    ],
    [
      ['--api', 'ru', '--categories', 'auth,nope', ...required],
      /^--categories: .*nope.* is not allowed; allowed:/,
    ],
    [
      ['--api', 'ru', '--limit', '1', ...required],
      /^--limit: 1 is not allowed; allowed: a page size of at least 2/,
    ],
    [['--api', 'ru', '--colour', ...required], /^--colour: unknown option; allowed: --api, --instance/],
    [['--api', 'ru', '--api', 'sh', ...required], /^--api: given 2 times \("ru", "sh"\); allowed: once/],
    [['--api', 'ru', 'extra', ...required], /^"?extra"?: unexpected argument/],
  ])('%j exits 2 naming the flag', async (argv, message) => {
    const { code, stderr } = await runMain(argv, env, workDir())
    expect(stderr).toMatch(message)
    expect(code).toBe(2)
    expect(stderr).not.toContain(env.KAITEN_RU_TOKEN)
  })

  it('names the missing variable of the target', async () => {
    const { code, stderr } = await runMain(['--api', 'sh', '--instance', 'a', ...required], {}, workDir())
    expect(code).toBe(2)
    expect(stderr).toMatch(
      /^KAITEN_SH_BASE_URL: not set; allowed: the API root, e\.g\. https:\/\/demo\.kaiten\.sh \(or pass --mock/,
    )
  })

  it('prints the help on stdout', async () => {
    const { code, stdout } = await runMain(['--help'], {}, workDir())
    expect(code).toBe(0)
    expect(stdout).toContain('pnpm run export --api ru|sh')
    expect(stdout).toContain('Exit codes: 0 done, 1 API or I/O failure')
  })
})
