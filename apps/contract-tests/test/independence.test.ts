// A check that computes its expectation with the code under test proves nothing: the checks read the API model (the
// spec's data, which the mocks are also given, as any client of the API is) and the server's own answers, never the
// query parser or the mocks' code that decide what the mock servers answer. The limit helpers of the query package
// are broken below (for this file only): the checks must not notice.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { startMockTarget } from '../src/mock-target.js'
import { runContract } from '../src/runner.js'

vi.mock('@kaiten-audit/query', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@kaiten-audit/query')>()
  return {
    ...actual,
    // Wrong on purpose: another default and another clamp than the vendor documents.
    effectiveKaitenRuLimit: (requested: number | undefined) =>
      requested === undefined || requested === 0 ? 50 : Math.min(requested, 400),
    KAITEN_RU_LIMIT: { ...actual.KAITEN_RU_LIMIT, default: 50, max: 400 },
    KAITEN_SH_LIMIT: { ...actual.KAITEN_SH_LIMIT, default: 20, max: 100 },
  }
})

const srcDir = new URL('../src/', import.meta.url).pathname

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? sourceFiles(join(dir, entry.name))
        : Promise.resolve(entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []),
    ),
  )
  return nested.flat()
}

/** `import { a, type B } from 'x'` → the names imported as values (not `import type`, not `type B`). */
function valueImports(text: string, from: RegExp): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/gm)) {
    const [, wholeType, names = '', module = ''] = match
    if (wholeType || !from.test(module)) continue
    for (const name of names.split(',').map((part) => part.trim())) {
      if (name !== '' && !name.startsWith('type ')) found.push(`${module}: ${name}`)
    }
  }
  return found
}

describe('the checks are independent of the code the mocks run', () => {
  it('no source file takes a value from the query package, whose parser decides what the mocks answer', async () => {
    const offenders: string[] = []
    for (const file of await sourceFiles(srcDir)) {
      const imports = valueImports(await readFile(file, 'utf8'), /^@kaiten-audit\/query/)
      offenders.push(...imports.map((name) => `${relative(srcDir, file)} imports ${name}`))
    }
    expect(offenders).toEqual([])
  })

  it('only the embedded target starts the mocks; no check imports them', async () => {
    const offenders: string[] = []
    for (const file of await sourceFiles(srcDir)) {
      if (relative(srcDir, file) === 'mock-target.ts') continue
      const imports = valueImports(await readFile(file, 'utf8'), /^@kaiten-audit\/mocks/)
      offenders.push(...imports.map((name) => `${relative(srcDir, file)} imports ${name}`))
    }
    expect(offenders).toEqual([])
  })

  it('reads the spec in one place: only src/spec/ takes the models, the spec documents or generated value lists', async () => {
    const readers = new Set(['spec/operation.ts', 'spec/beyond-model.ts'])
    const offenders: string[] = []
    for (const file of await sourceFiles(srcDir)) {
      const name = relative(srcDir, file)
      if (readers.has(name)) continue
      const text = await readFile(file, 'utf8')
      const imports = [
        ...valueImports(text, /^@kaiten-audit\/types\/(spec|model-builder|testing)$/),
        ...valueImports(text, /^@kaiten-audit\/types$/).filter((imported) =>
          /(Model|Values)$/.test(imported),
        ),
      ]
      offenders.push(...imports.map((imported) => `${name} imports ${imported}`))
    }
    expect(offenders).toEqual([])
  })
})

describe('independent expectations', () => {
  it('judge page sizes from the spec, whatever the shared limit helpers say', async () => {
    const mocks = await startMockTarget({ rateLimit: false })
    try {
      const report = await runContract({
        target: 'mocks',
        kaitenSh: mocks.kaitenSh,
        kaitenRu: mocks.kaitenRu,
        pacing: false,
        rateLimitChecks: false,
        only: (id) => /\.pagination\.limit/.test(id),
      })
      const limits = report.checks.filter((check) => check.id.includes('.pagination.limit'))
      expect(limits.map((check) => check.id)).toEqual([
        'kaiten-sh.pagination.limit-and-default',
        'kaiten-sh.pagination.limit-bounds',
        'kaiten-ru.pagination.limit-and-default',
        'kaiten-ru.pagination.limit-clamp',
      ])
      for (const check of limits) expect(check.outcome, JSON.stringify(check, null, 2)).toBe('passed')
    } finally {
      await mocks.close()
    }
  }, 60_000)
})
