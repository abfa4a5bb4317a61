// Rewrites the README's generated check and rule tables from the built declarations (`pnpm ... readme` builds first).
import { readFile, writeFile } from 'node:fs/promises'
import { staleReadmeBlocks, updateReadme } from '../dist/docs/readme.js'

const path = new URL('../README.md', import.meta.url)
const before = await readFile(path, 'utf8')
const stale = staleReadmeBlocks(before)
await writeFile(path, updateReadme(before))
console.log(
  stale.length > 0 ? `README.md: rewrote the ${stale.join(' and ')} table` : 'README.md: already up to date',
)
