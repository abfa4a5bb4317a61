// End to end, in-process, against the mocks over real HTTP: output formats, appending only what is new, rewinding
// after a crash, refusing files that do not belong together, and never writing a token.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MOCK_TOKENS, type Responder } from '@kaiten-audit/mocks'
import { afterEach, describe, expect, it } from 'vitest'
import { CSV_COLUMNS } from '../src/encode.js'
import { parseCsv } from './support/csv.js'
import { type Env, runMain, startTarget, workDir } from './support/harness.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function target(options: Parameters<typeof startTarget>[0] = {}) {
  const started = await startTarget(options)
  closers.push(() => started.mocks.close())
  return started
}

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('NDJSON', () => {
  it('writes every event once, oldest first, as the API sent it, then appends only what is new', async () => {
    const { mocks, env } = await target({ sizes: { kaitenRuEvents: 700 } })
    const dir = workDir()
    const argv = [
      '--api',
      'ru',
      '--out',
      'events.ndjson',
      '--checkpoint',
      'checkpoint.json',
      '--limit',
      '100',
    ]
    const first = await runMain(argv, env, dir)
    expect(first.stderr).toMatch(/^kaiten-export: done, written to .*events\.ndjson; 700 events/)
    expect(first.code).toBe(0)
    const store = mocks.stores.kaitenRu
    expect(lines(join(dir, 'events.ndjson'))).toEqual([...store.events()].reverse())

    const checkpoint = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8'))
    const added = [
      store.append(),
      store.append({ created: checkpoint.positions['-'].instant }),
      store.append(),
    ]
    const second = await runMain(argv, env, dir)
    expect(second.code).toBe(0)
    const all = lines(join(dir, 'events.ndjson'))
    expect(all).toHaveLength(703)
    expect(
      all
        .slice(700)
        .map((event) => event.id)
        .sort(),
    ).toEqual(added.map((event) => event.id).sort())
  })

  it('rewinds the output to the checkpoint on a resume: a partial line and events after it are written once', async () => {
    const { mocks, env } = await target({ sizes: { kaitenRuEvents: 300 } })
    const dir = workDir()
    const out = join(dir, 'events.ndjson')
    const argv = ['--api', 'ru', '--out', out, '--checkpoint', join(dir, 'checkpoint.json'), '--limit', '50']
    expect((await runMain(argv, env, dir)).code).toBe(0)
    copyFileSync(join(dir, 'checkpoint.json'), join(dir, 'older.json'))
    for (let index = 0; index < 120; index++) mocks.stores.kaitenRu.append()
    expect((await runMain(argv, env, dir)).code).toBe(0)
    // A crash after these events were written but before their checkpoint was stored, in the middle of a line.
    copyFileSync(join(dir, 'older.json'), join(dir, 'checkpoint.json'))
    writeFileSync(out, '{"id":"half-writ', { flag: 'a' })
    expect((await runMain(argv, env, dir)).code).toBe(0)
    const ids = lines(out).map((event) => event.id)
    expect(ids).toEqual(
      mocks.stores.kaitenRu
        .events()
        .map((event) => event.id)
        .reverse(),
    )
  })
})

describe('CSV', () => {
  it('writes the header once and the documented columns, nested values as JSON text', async () => {
    const { mocks, env } = await target({ sizes: { kaitenShEntries: 200 } })
    const dir = workDir()
    const slug = mocks.kaitenSh.instanceSlug
    const argv = [
      '--api',
      'sh',
      '--instance',
      slug,
      '--format',
      'csv',
      '--out',
      'trail.csv',
      '--checkpoint',
      'cp.json',
    ]
    expect((await runMain(argv, env, dir)).code).toBe(0)
    mocks.stores.kaitenSh.append(slug, { payload: { note: 'a "quoted", multi\nline value' } })
    expect((await runMain(argv, env, dir)).code).toBe(0)
    const rows = parseCsv(readFileSync(join(dir, 'trail.csv'), 'utf8'))
    expect(rows[0]).toEqual([...CSV_COLUMNS.sh])
    const entries = [...mocks.stores.kaitenSh.entries(slug)].reverse()
    expect(rows.slice(1)).toEqual(
      entries.map((entry) => [
        entry.timestamp,
        String(entry.id),
        entry.instanceSlug,
        entry.instanceId,
        entry.eventName,
        entry.status,
        entry.payload === null ? '' : JSON.stringify(entry.payload),
      ]),
    )
  })
})

describe('a new output file per run', () => {
  it('continues in the new file, cutting the previous one back to its checkpoint', async () => {
    const { mocks, env } = await target({ sizes: { kaitenRuEvents: 200 } })
    const dir = workDir()
    const run = (out: string) => runMain(['--api', 'ru', '--out', out, '--checkpoint', 'cp.json'], env, dir)
    expect((await run('first.ndjson')).code).toBe(0)
    const complete = readFileSync(join(dir, 'first.ndjson'), 'utf8')
    // Written after the last checkpoint by a run that was then killed.
    writeFileSync(join(dir, 'first.ndjson'), '{"id":"unconfirmed"}\n', { flag: 'a' })
    const added = [mocks.stores.kaitenRu.append(), mocks.stores.kaitenRu.append()]
    expect((await run('second.ndjson')).code).toBe(0)
    expect(readFileSync(join(dir, 'first.ndjson'), 'utf8')).toBe(complete)
    expect(lines(join(dir, 'second.ndjson')).map((event) => event.id)).toEqual(added.map((event) => event.id))
    const taken = await run('first.ndjson')
    expect(taken.code).toBe(2)
    expect(taken.stderr).toMatch(
      /^--out: ".*first\.ndjson" is not allowed: it already holds \d+ bytes and there is no checkpoint/,
    )
  })
})

describe('files that do not belong together', () => {
  it('refuses another format or API for a checkpoint, and an output that has no checkpoint', async () => {
    const { env } = await target({ sizes: { kaitenRuEvents: 50 } })
    const dir = workDir()
    const base = ['--out', 'events.ndjson', '--checkpoint', 'cp.json']
    expect((await runMain(['--api', 'ru', ...base], env, dir)).code).toBe(0)

    const csv = await runMain(['--api', 'ru', '--format', 'csv', ...base], env, dir)
    expect(csv.code).toBe(2)
    expect(csv.stderr).toMatch(
      /^--format: "csv" is not allowed with --checkpoint "cp\.json"; allowed: "ndjson"/,
    )

    const sh = await runMain(['--api', 'sh', '--instance', 'acme-production', ...base], env, dir)
    expect(sh.code).toBe(2)
    expect(sh.stderr).toMatch(/^--api: "sh" is not allowed with --checkpoint/)

    const orphan = await runMain(
      ['--api', 'ru', '--out', 'events.ndjson', '--checkpoint', 'new.json'],
      env,
      dir,
    )
    expect(orphan.code).toBe(2)
    expect(orphan.stderr).toMatch(
      /^--out: ".*events\.ndjson" is not allowed: it already holds \d+ bytes and there is no checkpoint/,
    )

    writeFileSync(join(dir, 'events.ndjson'), '')
    const shorter = await runMain(['--api', 'ru', ...base], env, dir)
    expect(shorter.code).toBe(1)
    expect(shorter.stderr).toMatch(
      /holds 0 bytes but the checkpoint records \d+: it was changed outside the export/,
    )
  })
})

describe('failures', () => {
  it('exits 1 with the cause when the API refuses the token', async () => {
    const { env } = await target({ sizes: { kaitenRuEvents: 10 } })
    const dir = workDir()
    const wrong = { ...env, KAITEN_RU_TOKEN: 'kaiten-ru-wrong-token-0123456789' }
    const { code, stderr } = await runMain(
      ['--api', 'ru', '--out', 'e.ndjson', '--checkpoint', 'c.json'],
      wrong,
      dir,
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /failed: API failure: GET http:\/\/127\.0\.0\.1:\d+\/api\/latest\/audit-logs\?.* failed with 401/,
    )
    expect(stderr).not.toContain(wrong.KAITEN_RU_TOKEN)
  })

  it('never writes the token, even when a hostile server echoes it in events, ids and errors', async () => {
    const token = 'kaiten-ru-secret-token-echoed-0123456789'
    let requests = 0
    const echo: Responder = async (request) => {
      requests++
      const sent = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? ''
      if (requests > 3) return new Response(`invalid token ${sent}`, { status: 500 })
      const event = {
        id: `evt-${sent}`,
        app_name: null,
        company_uid: null,
        author_id: null,
        author_uid: null,
        author_username: sent,
        author_remote_address: null,
        author: null,
        category: 'auth',
        action: 'sign_in',
        message: `signed in with ${sent} (${encodeURIComponent(sent)})`,
        details: { token: sent },
        created: '2026-04-01T12:00:00.000Z',
      }
      const url = new URL(request.url)
      const page = url.searchParams.get('offset') === '0' ? [event] : []
      return Response.json(page)
    }
    const { env } = await target({ wrap: { kaitenRu: () => echo } })
    const dir = workDir()
    const hostile: Env = { ...env, KAITEN_RU_TOKEN: token }
    const argv = ['--api', 'ru', '--out', 'e.ndjson', '--checkpoint', 'c.json']
    const first = await runMain(argv, hostile, dir)
    expect(first.code).toBe(0)
    // The next run meets the server's errors, which also carry the token.
    const second = await runMain(argv, hostile, dir)
    expect(second.code).toBe(1)
    for (const text of [
      first.stderr,
      second.stderr,
      readFileSync(join(dir, 'e.ndjson'), 'utf8'),
      readFileSync(join(dir, 'c.json'), 'utf8'),
    ]) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(encodeURIComponent(token))
    }
    expect(readFileSync(join(dir, 'e.ndjson'), 'utf8')).toContain('[redacted]')
    expect(MOCK_TOKENS.kaitenRu.valid).not.toBe(token)
  }, 30_000)
})
