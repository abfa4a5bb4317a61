// Rewrites the README's generated check and rule tables from the built declarations (`pnpm ... readme` builds first),
// then lets the formatter align them, as it does every Markdown table of the repository.
import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { staleReadmeBlocks, updateReadme } from '../dist/docs/readme.js'

const path = new URL('../README.md', import.meta.url)
const before = await readFile(path, 'utf8')
const stale = staleReadmeBlocks(before)
await writeFile(path, updateReadme(before))
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', fileURLToPath(path)], { stdio: 'ignore' })
console.log(
  stale.length > 0 ? `README.md: rewrote the ${stale.join(' and ')} table` : 'README.md: already up to date',
)
