import { describe, expect, it } from 'vitest'
import { parseChangeset, surfaceChanges, uncoveredChanges } from '../src/public-surface.js'

const client = {
  name: '@kaiten-audit/client',
  version: '0.1.0',
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  dependencies: { '@kaiten-audit/types': 'workspace:*', 'openapi-fetch': '0.17.0' },
  devDependencies: { vitest: 'catalog:' },
  scripts: { test: 'vitest run' },
}
const mocks = { name: '@kaiten-audit/mocks', version: '0.1.0', dependencies: { msw: 'catalog:' } }
const packages = [
  { name: client.name, path: 'packages/client', before: client, after: client },
  { name: mocks.name, path: 'packages/mocks', before: mocks, after: mocks },
]
const catalog = { msw: '~2.15.0', vitest: '~4.1.12' }

describe('surfaceChanges', () => {
  it('counts source files, generated ones included, and ignores tests, benches and docs', () => {
    expect(
      surfaceChanges({
        packages,
        changedFiles: [
          'packages/client/src/core/retry.ts',
          'packages/client/src/kaiten-sh.gen.ts',
          'packages/client/test/retry.test.ts',
          'packages/client/README.md',
          'packages/mocks/bench/run.mjs',
          'specs/kaiten-sh/openapi.yaml',
        ],
        catalogBefore: catalog,
        catalogAfter: catalog,
      }),
    ).toEqual([{ name: '@kaiten-audit/client', reasons: ['src/core/retry.ts', 'src/kaiten-sh.gen.ts'] }])
  })

  it('counts a package.json change only in what is published', () => {
    const scriptsOnly = { ...client, scripts: { test: 'vitest run --bail 1' }, devDependencies: { x: '1' } }
    const newDependency = { ...client, dependencies: { ...client.dependencies, yaml: '^2.8.0' } }
    const bumped = { ...client, version: '0.2.0' }
    const run = (after: Record<string, unknown>) =>
      surfaceChanges({
        packages: [{ name: client.name, path: 'packages/client', before: client, after }],
        changedFiles: ['packages/client/package.json'],
        catalogBefore: catalog,
        catalogAfter: catalog,
      })
    expect(run(scriptsOnly)).toEqual([])
    expect(run(bumped)).toEqual([])
    expect(run(newDependency)).toEqual([
      { name: '@kaiten-audit/client', reasons: ['dependencies: yaml (none) → ^2.8.0'] },
    ])
  })

  it('counts a catalog change for the packages that publish that dependency', () => {
    expect(
      surfaceChanges({
        packages,
        changedFiles: ['pnpm-workspace.yaml'],
        catalogBefore: catalog,
        catalogAfter: { msw: '~2.16.0', vitest: '~4.2.0' },
      }),
    ).toEqual([{ name: '@kaiten-audit/mocks', reasons: ['dependencies: msw ~2.15.0 → ~2.16.0'] }])
  })

  it('does not count moving a range into the catalog unchanged', () => {
    const explicit = { ...mocks, dependencies: { msw: '~2.15.0' } }
    expect(
      surfaceChanges({
        packages: [{ name: mocks.name, path: 'packages/mocks', before: explicit, after: mocks }],
        changedFiles: ['packages/mocks/package.json', 'pnpm-workspace.yaml'],
        catalogBefore: {},
        catalogAfter: catalog,
      }),
    ).toEqual([])
  })

  it('counts a package that was not published before', () => {
    expect(
      surfaceChanges({
        packages: [
          { name: mocks.name, path: 'packages/mocks', before: { ...mocks, private: true }, after: mocks },
        ],
        changedFiles: ['packages/mocks/package.json'],
        catalogBefore: catalog,
        catalogAfter: catalog,
      }),
    ).toEqual([{ name: '@kaiten-audit/mocks', reasons: ['package.json: private'] }])
    expect(
      surfaceChanges({
        packages: [{ name: mocks.name, path: 'packages/mocks', before: undefined, after: mocks }],
        changedFiles: ['packages/mocks/package.json', 'packages/mocks/src/index.ts'],
        catalogBefore: catalog,
        catalogAfter: catalog,
      }),
    ).toEqual([{ name: '@kaiten-audit/mocks', reasons: ['new package'] }])
  })
})

describe('changesets', () => {
  it('reads the packages and bumps of a changeset', () => {
    const text = `---\n"@kaiten-audit/client": minor\n'@kaiten-audit/mocks': patch\n---\n\nTyped overrides.\n`
    expect(parseChangeset(text)).toEqual({
      releases: [
        { name: '@kaiten-audit/client', type: 'minor' },
        { name: '@kaiten-audit/mocks', type: 'patch' },
      ],
      summary: 'Typed overrides.',
    })
    expect(parseChangeset('---\n---\n\nNothing to release.\n')).toEqual({
      releases: [],
      summary: 'Nothing to release.',
    })
  })

  it('refuses a file that is not a changeset, naming the problem', () => {
    expect(() => parseChangeset('no front matter')).toThrow(/no front matter/)
    expect(() => parseChangeset('---\n"@kaiten-audit/client": huge\n---\n')).toThrow(
      /"huge" is not allowed; allowed: major, minor, patch/,
    )
  })

  it('leaves uncovered exactly the changed packages no changeset names', () => {
    const changes = [
      { name: '@kaiten-audit/client', reasons: ['src/a.ts'] },
      { name: '@kaiten-audit/mocks', reasons: ['src/b.ts'] },
    ]
    const covering = [{ releases: [{ name: '@kaiten-audit/mocks', type: 'patch' as const }], summary: '' }]
    expect(uncoveredChanges(changes, covering)).toEqual([changes[0]])
    expect(uncoveredChanges(changes, [])).toEqual(changes)
  })
})
