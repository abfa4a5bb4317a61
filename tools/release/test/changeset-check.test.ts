// The check against a real git repository with a miniature workspace: a branch that changes a package's source
// fails until a changeset names the package.

import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkChangesets } from '../src/changeset-check.js'

const repo = mkdtempSync(join(tmpdir(), 'changeset-check-'))
afterAll(() => rmSync(repo, { recursive: true, force: true }))

function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true })
  writeFileSync(join(repo, path), text)
}

function git(...args: string[]): void {
  execFileSync('git', ['-C', repo, ...args], { stdio: 'ignore', timeout: 30_000 })
}

beforeAll(() => {
  git('init', '--quiet', '--initial-branch=main')
  git('config', 'user.email', 'test@example.invalid')
  git('config', 'user.name', 'test')
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n\ncatalog:\n  msw: ~2.15.0\n')
  write('package.json', JSON.stringify({ name: 'root', private: true }))
  write(
    'packages/lib/package.json',
    JSON.stringify({ name: '@x/lib', version: '1.0.0', dependencies: { msw: 'catalog:' } }),
  )
  write('packages/lib/src/index.ts', 'export const a = 1\n')
  write('packages/app/package.json', JSON.stringify({ name: '@x/app', version: '1.0.0', private: true }))
  write('packages/app/src/index.ts', 'export const b = 1\n')
  git('add', '-A')
  git('commit', '--quiet', '-m', 'base')
  git('checkout', '--quiet', '-b', 'feature')
})

describe('checkChangesets', () => {
  it('passes a branch that changes only tests and private packages', () => {
    write('packages/lib/test/index.test.ts', 'test\n')
    write('packages/app/src/index.ts', 'export const b = 2\n')
    expect(checkChangesets(repo, 'main')).toMatchObject({ changes: [], uncovered: [] })
  })

  it('fails a source change until a changeset releases the package, committed or not', () => {
    write('packages/lib/src/index.ts', 'export const a = 2\n')
    expect(checkChangesets(repo, 'main').uncovered).toEqual([{ name: '@x/lib', reasons: ['src/index.ts'] }])
    write('.changeset/other.md', '---\n"@x/app": patch\n---\n\nNot the changed package.\n')
    expect(checkChangesets(repo, 'main').uncovered).toHaveLength(1)
    write('.changeset/brave-lib.md', '---\n"@x/lib": minor\n---\n\nA is 2.\n')
    git('add', '-A')
    git('commit', '--quiet', '-m', 'change a')
    const result = checkChangesets(repo, 'main')
    expect(result.uncovered).toEqual([])
    expect(result.changesets.map((entry) => entry.file)).toEqual([
      '.changeset/brave-lib.md',
      '.changeset/other.md',
    ])
  })

  it('fails a catalog bump of a published dependency', () => {
    rmSync(join(repo, '.changeset'), { recursive: true })
    write('packages/lib/src/index.ts', 'export const a = 1\n')
    write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n\ncatalog:\n  msw: ~2.16.0\n')
    expect(checkChangesets(repo, 'main').uncovered).toEqual([
      { name: '@x/lib', reasons: ['dependencies: msw ~2.15.0 → ~2.16.0'] },
    ])
  })

  it('names a ref it cannot compare with', () => {
    expect(() => checkChangesets(repo, 'origin/nowhere')).toThrow(/--since: "origin\/nowhere" is not allowed/)
  })
})
