import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..', 'src')

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : [join(directory, entry.name)],
  )
}

// The main entry must run in browsers: no Node built-in may be imported anywhere under src/.
const NODE_BUILTINS =
  /from '(node:[^']+|fs|path|http|https|net|tls|os|crypto|stream|util|events|buffer|child_process|url|zlib)'/

it('imports no Node-only module from the main entry', () => {
  const files = sourceFiles(SRC)
  expect(files.length).toBeGreaterThan(5)
  for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(NODE_BUILTINS)
})

it('exports the agreed surface', async () => {
  const surface = await import('../src/index.js')
  for (const name of [
    'createKaitenShClient',
    'createKaitenRuClient',
    'RateLimiter',
    'KaitenError',
    'ApiError',
  ]) {
    expect(surface, name).toHaveProperty(name)
  }
})
