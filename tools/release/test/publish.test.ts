import { describe, expect, it } from 'vitest'
import { checkRegistryUrl, sharedScope } from '../src/publish.js'
import type { WorkspacePackage } from '../src/workspace.js'

const pkg = (name: string) => ({ name }) as WorkspacePackage

describe('checkRegistryUrl', () => {
  it('takes an internal http(s) registry, with a trailing slash', () => {
    expect(checkRegistryUrl('https://npm.example.internal')).toBe('https://npm.example.internal/')
    expect(checkRegistryUrl('http://127.0.0.1:4873/')).toBe('http://127.0.0.1:4873/')
  })

  it.each([undefined, '', 'npm.example.internal', 'ftp://x/'])(
    'refuses %j, saying what is allowed',
    (url) => {
      expect(() => checkRegistryUrl(url)).toThrow(
        /is not allowed; allowed: the http\(s\) URL of the internal registry/,
      )
    },
  )

  it.each(['https://registry.npmjs.org/', 'https://registry.yarnpkg.com'])(
    'refuses the public registry %s',
    (url) => {
      expect(() => checkRegistryUrl(url)).toThrow(/allowed: an internal registry, not the public one/)
    },
  )
})

describe('sharedScope', () => {
  it('is the one scope of every published package', () => {
    expect(sharedScope([pkg('@kaiten-audit/client'), pkg('@kaiten-audit/mocks')])).toBe('@kaiten-audit')
    expect(() => sharedScope([pkg('@kaiten-audit/client'), pkg('other')])).toThrow(/must share one scope/)
  })
})
