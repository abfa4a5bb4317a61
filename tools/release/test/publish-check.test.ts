import { describe, expect, it } from 'vitest'
import { type PackageManifest, publishProblems } from '../src/publish-check.js'

const manifest: PackageManifest = {
  name: '@kaiten-audit/mocks',
  version: '0.1.0',
  license: 'MIT',
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './node': { types: './dist/node.d.ts', default: './dist/node.js' },
    './package.json': './package.json',
  },
  bin: { 'kaiten-audit-mock': './dist/cli.js' },
  dependencies: { '@kaiten-audit/types': '0.1.0', msw: '~2.15.0' },
}
const complete = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/node.js',
  'dist/node.d.ts',
  'dist/cli.js',
]

describe('publishProblems', () => {
  it('finds nothing wrong with a complete package', () => {
    expect(publishProblems(manifest, complete)).toEqual([])
  })

  it('names every export whose build or types are missing, as a tarball packed before a build would be', () => {
    expect(publishProblems(manifest, ['package.json', 'README.md', 'LICENSE'])).toEqual([
      'exports ".": types "./dist/index.d.ts" is not in the tarball',
      'exports ".": default "./dist/index.js" is not in the tarball',
      'exports "./node": types "./dist/node.d.ts" is not in the tarball',
      'exports "./node": default "./dist/node.js" is not in the tarball',
      'bin "kaiten-audit-mock": "./dist/cli.js" is not in the tarball',
    ])
  })

  it('requires types for every entry that has code', () => {
    const untyped = { ...manifest, exports: { '.': { default: './dist/index.js' } } }
    expect(publishProblems(untyped, complete)).toEqual(['exports ".": no "types" condition'])
  })

  it('follows nested conditions and plain string targets', () => {
    const nested = {
      ...manifest,
      bin: undefined,
      exports: {
        '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' } },
        './x': './dist/x.js',
      },
    }
    expect(publishProblems(nested, complete)).toEqual([
      'exports "./x": no "types" condition',
      'exports "./x": "./dist/x.js" is not in the tarball',
    ])
  })

  it('refuses workspace: and catalog: ranges that would reach consumers unresolved', () => {
    const unresolved = {
      ...manifest,
      dependencies: { '@kaiten-audit/types': 'workspace:*', msw: 'catalog:' },
      peerDependencies: { vitest: 'catalog:testing' },
    }
    expect(publishProblems(unresolved, complete)).toEqual([
      'dependencies "@kaiten-audit/types": "workspace:*" was not replaced by a version',
      'dependencies "msw": "catalog:" was not replaced by a version',
      'peerDependencies "vitest": "catalog:testing" was not replaced by a version',
    ])
  })

  it('requires a licence field and file, a README, and no private flag', () => {
    const { license: _, ...unlicensed } = manifest
    expect(publishProblems({ ...unlicensed, private: true }, ['package.json', ...complete.slice(3)])).toEqual(
      [
        'private is true: the package cannot be published',
        'no "license" field',
        'no LICENSE file in the tarball',
        'no README in the tarball',
      ],
    )
  })
})
