// A real `pnpm pack` of a package outside the workspace: packed before its build, it must be refused.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { packAndCheck, tarballName } from '../src/pack.js'
import { currentPnpm } from '../src/pnpm.js'

const PACK_TIMEOUT_MS = 60_000
const scratch = mkdtempSync(join(tmpdir(), 'pack-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function fixture(): string {
  const dir = mkdtempSync(join(scratch, 'pkg-'))
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: '@fixture/lib',
      version: '1.2.3',
      license: 'MIT',
      type: 'module',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      files: ['dist'],
    }),
  )
  writeFileSync(join(dir, 'README.md'), '# lib\n')
  writeFileSync(join(dir, 'LICENSE'), 'MIT\n')
  return dir
}

describe('packAndCheck', () => {
  it('names the tarball as pnpm does', () => {
    expect(tarballName('@kaiten-audit/client', '0.1.0')).toBe('kaiten-audit-client-0.1.0.tgz')
    expect(tarballName('plain', '2.0.0')).toBe('plain-2.0.0.tgz')
  })

  it(
    'refuses a package packed without its build, and accepts it once dist/ is there',
    async () => {
      const dir = fixture()
      const out = mkdtempSync(join(scratch, 'out-'))
      const unbuilt = await packAndCheck(dir, out, currentPnpm(), PACK_TIMEOUT_MS)
      expect(unbuilt.problems).toEqual([
        'exports ".": types "./dist/index.d.ts" is not in the tarball',
        'exports ".": default "./dist/index.js" is not in the tarball',
      ])
      mkdirSync(join(dir, 'dist'))
      writeFileSync(join(dir, 'dist/index.js'), 'export const x = 1\n')
      writeFileSync(join(dir, 'dist/index.d.ts'), 'export declare const x: number\n')
      const built = await packAndCheck(dir, out, currentPnpm(), PACK_TIMEOUT_MS)
      expect(built.problems).toEqual([])
      expect([...built.files].sort()).toEqual([
        'LICENSE',
        'README.md',
        'dist/index.d.ts',
        'dist/index.js',
        'package.json',
      ])
    },
    3 * PACK_TIMEOUT_MS,
  )
})
