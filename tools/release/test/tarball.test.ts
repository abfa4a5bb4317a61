import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { readTarball } from '../src/tarball.js'

const scratch = mkdtempSync(join(tmpdir(), 'tarball-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A tarball made by the system's tar, the way npm and pnpm lay one out: everything under `package/`. */
function systemTarball(files: Record<string, string>): Buffer {
  const root = mkdtempSync(join(scratch, 'src-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'package', path, '..'), { recursive: true })
    writeFileSync(join(root, 'package', path), text)
  }
  const out = join(root, 'out.tgz')
  execFileSync('tar', ['-czf', out, '-C', root, 'package'])
  return execFileSync('cat', [out])
}

describe('readTarball', () => {
  it('lists the files below package/ and reads their text', () => {
    const tarball = readTarball(
      systemTarball({ 'package.json': '{"name":"x"}', 'dist/index.js': 'export {}', 'dist/a/b.d.ts': 'x' }),
    )
    expect([...tarball.files].sort()).toEqual(['dist/a/b.d.ts', 'dist/index.js', 'package.json'])
    expect(tarball.text('package.json')).toBe('{"name":"x"}')
    expect(tarball.text('missing')).toBeUndefined()
  })

  it('reads names longer than 100 characters', () => {
    const long = `dist/${'nested-directory/'.repeat(8)}file-with-a-long-name.d.ts`
    expect(long.length).toBeGreaterThan(100)
    expect(readTarball(systemTarball({ [long]: 'x', 'package.json': '{}' })).files).toContain(long)
  })

  it('refuses what is not a gzipped tarball, saying so', () => {
    expect(() => readTarball(gzipSync(Buffer.from('not a tar archive')))).toThrow(/not a tar archive/)
    expect(() => readTarball(Buffer.from('plain'))).toThrow(/not gzip/)
  })
})
