// Peak RSS of the exporter (a child process) exporting 1,000,000 events against 10,000: the sync holds one page, so
// memory must stay flat. Entries come from a synthetic kaiten.sh server (computed, not stored; kaiten.sh has no rate
// limit), so the run takes minutes, not the 400 s kaiten.ru's 5 requests per second would impose.
// Flags: --small N --large N --node-flag F (repeatable: V8/Node flags for both children, e.g.
// --node-flag=--max-semi-space-size=2 to see how much of the difference is V8 growing its young generation)
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startSyntheticServer, TOKEN } from './synthetic-server.mjs'

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '10000' },
    large: { type: 'string', default: '1000000' },
    'node-flag': { type: 'string', multiple: true, default: [] },
  },
})
const here = dirname(fileURLToPath(import.meta.url))

async function measure(count) {
  const server = await startSyntheticServer(count)
  const dir = mkdtempSync(join(tmpdir(), 'kaiten-export-rss-'))
  const started = Date.now()
  try {
    const child = spawn(
      process.execPath,
      [
        join(here, 'measure-child.mjs'),
        '--api',
        'sh',
        '--instance',
        'bench',
        '--out',
        join(dir, 'out.ndjson'),
        '--checkpoint',
        join(dir, 'cp.json'),
      ],
      {
        env: { PATH: process.env.PATH, KAITEN_SH_BASE_URL: server.baseUrl, KAITEN_SH_TOKEN: TOKEN },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    await new Promise((resolve) => child.on('exit', resolve))
    const result = JSON.parse(stdout.trim().split('\n').at(-1))
    if (result.code !== 0) throw new Error(`export of ${count} failed: ${stderr}`)
    return {
      count,
      maxRssMiB: result.maxRssKiB / 1024,
      seconds: (Date.now() - started) / 1000,
      summary: stderr.trim(),
    }
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (values['node-flag'].length > 0) console.log(`node flags: ${values['node-flag'].join(' ')}`)
const small = await measure(Number(values.small))
console.log(
  `${small.count} events: peak RSS ${small.maxRssMiB.toFixed(1)} MiB in ${small.seconds.toFixed(1)} s`,
)
const large = await measure(Number(values.large))
console.log(
  `${large.count} events: peak RSS ${large.maxRssMiB.toFixed(1)} MiB in ${large.seconds.toFixed(1)} s`,
)
console.log(`  ${large.summary}`)
const ratio = large.maxRssMiB / small.maxRssMiB
console.log(`ratio ${ratio.toFixed(3)} (target ≤ 1.2)`)
process.exitCode = ratio <= 1.2 ? 0 : 1
