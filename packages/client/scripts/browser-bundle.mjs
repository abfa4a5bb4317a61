// The client as a browser application would ship it: the main entry and everything it imports, bundled for the
// browser and minified, so its size, and what it carries, can be measured. `pnpm bundle:size` prints the size.

import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'

const MAIN_ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url))

/** The minified browser bundle of the main entry (ESM, every dependency inlined), as text. */
export function browserBundle() {
  return bundleOf(MAIN_ENTRY)
}

/** The minified browser bundle of any module, as text. */
export async function bundleOf(entry) {
  const build = await rolldown({ input: entry, platform: 'browser', logLevel: 'warn' })
  try {
    const { output } = await build.generate({ format: 'esm', minify: true })
    return output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('')
  } finally {
    await build.close()
  }
}

/** Bytes of the bundle as written and as served with gzip (level 9). */
export function bundleSizes(code) {
  const bytes = Buffer.from(code, 'utf8')
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { minified, gzip } = bundleSizes(await browserBundle())
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`
  console.log(
    `@kaiten-audit/client browser bundle: ${kib(minified)} minified, ${kib(gzip)} gzip (${minified} / ${gzip} bytes)`,
  )
}
