// The README's check and rule tables are rendered from the declarations; a stale table fails with the command that
// regenerates it.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { README_COMMAND, staleReadmeBlocks, updateReadme } from '../src/docs/readme.js'

const readmePath = new URL('../README.md', import.meta.url)

describe('README tables', () => {
  it(`are what the declarations render (regenerate with ${README_COMMAND})`, async () => {
    const text = await readFile(readmePath, 'utf8')
    const stale = staleReadmeBlocks(text)
    expect(stale, `the README's ${stale.join(' and ')} table is stale; run ${README_COMMAND}`).toEqual([])
  })

  it('finds a hand edit inside a generated block, and regenerating restores it', async () => {
    const text = await readFile(readmePath, 'utf8')
    const edited = text.replace(/(<!-- rules:start[^>]*-->\n)/, '$1| SH-99 | a rule nobody declared |\n')
    expect(staleReadmeBlocks(edited)).toEqual(['rules'])
    expect(staleReadmeBlocks(updateReadme(edited))).toEqual([])
  })
})
