import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { resolvePnpm } from '../src/pnpm.js'

const scratch = mkdtempSync(join(tmpdir(), 'pnpm-shim-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('resolvePnpm', () => {
  it('runs the pnpm of npm_execpath directly, and puts the same pnpm first on PATH for tools that look it up', async () => {
    const dir = join(scratch, "with space and 'quote'")
    mkdirSync(dir)
    const fake = join(dir, 'pnpm.cjs')
    writeFileSync(fake, 'console.log(JSON.stringify(process.argv.slice(2)))\n')
    const shimDir = mkdtempSync(join(scratch, 'bin-'))
    const pnpm = await resolvePnpm('10.34.9', shimDir, { npm_execpath: fake, PATH: process.env.PATH })
    expect(pnpm.command).toBe(process.execPath)
    expect(pnpm.prefix).toEqual([fake])
    const viaPath = execFileSync('sh', ['-c', 'pnpm publish "a b" --json'], {
      env: pnpm.env,
      encoding: 'utf8',
    })
    expect(JSON.parse(viaPath)).toEqual(['publish', 'a b', '--json'])
  })
})
