import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { browserBundle, bundleOf } from '../scripts/browser-bundle.mjs'

// The spec documents are for validation and tooling; a browser application that only lists audit logs must not
// download them. Their prose is what gives them away in a bundle: the sentences of the specs' descriptions.
const ROOT = join(import.meta.dirname, '..', '..', '..')
const SPECS = ['kaiten-ru', 'kaiten-sh'].map((api) => join(ROOT, 'specs', api, 'openapi.yaml'))

/** Lines of every block-scalar `description` in a spec that any bundle would keep verbatim. */
function descriptionLines(yaml: string): string[] {
  const lines: string[] = []
  let blockIndent = -1
  for (const line of yaml.split('\n')) {
    const indent = line.length - line.trimStart().length
    if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) {
      const text = line.trim()
      // Plain prose only: quotes, backslashes and backticks may be escaped differently once minified.
      if (text.length >= 40 && /^[A-Za-z0-9 ,.;:()/-]+$/.test(text)) lines.push(text)
      continue
    }
    blockIndent = /^\s*description: [|>]-?$/.test(line) ? indent : -1
  }
  return lines
}

/** The source files of packages/types that hold a spec document: the descriptions in code, not in comments. */
function specDocumentFiles(markers: string[]): string[] {
  const directory = join(ROOT, 'packages', 'types', 'src')
  const inCode = (line: string) =>
    !/^\s*(\*|\/\/|\/\*)/.test(line) && markers.some((marker) => line.includes(marker))
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(directory, name))
    .filter((file) => readFileSync(file, 'utf8').split('\n').some(inCode))
}

describe('the browser bundle', { timeout: 120_000 }, () => {
  const markers = SPECS.flatMap((file) => descriptionLines(readFileSync(file, 'utf8')))

  it('would show the spec documents if it carried them', async () => {
    expect(markers.length).toBeGreaterThan(10)
    const files = specDocumentFiles(markers)
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const bundled = await bundleOf(file)
      expect(markers.filter((marker) => bundled.includes(marker)).length, file).toBeGreaterThan(0)
    }
  })

  it('does not carry the spec documents', async () => {
    const bundle = await browserBundle()
    expect(bundle).toContain('createKaitenRuClient')
    expect(markers.filter((marker) => bundle.includes(marker))).toEqual([])
  })
})
