// `pnpm bench:mock`: requests per second of Prism's mock server, a bare node:http server and our standalone
// mock server, each in its own process, under the same kaiten.sh request mix on loopback.
//
// Flags: --requests <n> (default 4000), --concurrency <n> (default 16), --rounds <n> (default 3, best kept).

import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { load } from './load.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const packageDir = resolve(here, '..')
const spec = resolve(packageDir, '../../specs/kaiten-sh/openapi.yaml')
const prismCli = resolve(packageDir, 'node_modules/@stoplight/prism-cli/dist/index.js')

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
  },
})
function positive(name, text) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name}: ${JSON.stringify(text)} is not allowed; allowed: an integer ≥ 1\n`)
    process.exit(2)
  }
  return value
}
const total = positive('requests', values.requests)
const concurrency = positive('concurrency', values.concurrency)
const rounds = positive('rounds', values.rounds)

const TOKEN = 'ksh_mock_read_instances_0123456789abcdef'
/** The mix: plain pages, a full page, each filter, paging, and one invalid limit (422). */
const QUERIES = [
  '',
  '?limit=200',
  '?event_name=kaiten.v1.feature_flag.evaluate&limit=20',
  '?after=2026-01-01T00:00:00Z&before=2026-02-01T00:00:00Z',
  '?offset=100&limit=50',
  '?limit=0',
]
const pathsUnder = (prefix) =>
  QUERIES.map((query) => `${prefix}/instances/acme-production/audit-trails${query}`)

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolvePort(port))
    })
  })
}

/** Starts a child that prints `{"origin": …}` on its first stdout line. */
function startReporting(script) {
  const child = spawn(process.execPath, [resolve(here, script)], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolveStart, reject) => {
    let text = ''
    child.once('exit', (code) =>
      reject(new Error(`${script} exited with ${code} before reporting its address`)),
    )
    child.stdout.on('data', (chunk) => {
      text += chunk
      if (text.includes('\n')) resolveStart({ child, origin: JSON.parse(text.split('\n')[0]).origin })
    })
  })
}

/** Prism takes seconds to start; poll until it answers anything, for at most 60 s. */
async function startPrism() {
  const port = await freePort()
  const child = spawn(process.execPath, [prismCli, 'mock', '-h', '127.0.0.1', '-p', String(port), spec], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Prism exited with ${child.exitCode}: ${stderr.slice(0, 2000)}`)
    try {
      await fetch(`${origin}/instances/acme-production/audit-trails`, { signal: AbortSignal.timeout(1000) })
      return { child, origin }
    } catch {
      await new Promise((done) => setTimeout(done, 200))
    }
  }
  child.kill('SIGTERM')
  throw new Error(`Prism did not answer within 60 s: ${stderr.slice(0, 2000)}`)
}

function stop(child) {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}

async function measure(name, start, prefix) {
  const { child, origin } = await start()
  try {
    const run = (count) =>
      load({
        origin,
        paths: pathsUnder(prefix),
        headers: { authorization: `Bearer ${TOKEN}` },
        total: count,
        concurrency,
      })
    await run(Math.min(total, 500)) // warm-up: JIT, connections
    let best
    for (let round = 0; round < rounds; round++) {
      const result = await run(total)
      if (!best || result.requestsPerSecond > best.requestsPerSecond) best = result
    }
    return { name, ...best }
  } finally {
    await stop(child)
  }
}

const results = []
let prismError
try {
  results.push(await measure('prism mock', startPrism, ''))
} catch (error) {
  prismError = error
  process.stderr.write(`Prism could not be measured: ${error.message}\n`)
}
results.push(await measure('bare node:http', () => startReporting('bare-server.mjs'), ''))
results.push(await measure('@kaiten-audit/mocks', () => startReporting('mock-server.mjs'), '/api'))

const prism = results.find((result) => result.name === 'prism mock')
const bare = results.find((result) => result.name === 'bare node:http')
process.stdout.write(
  `node ${process.version}, ${total} requests × best of ${rounds}, concurrency ${concurrency}, keep-alive, 127.0.0.1\n`,
)
process.stdout.write(`mix: ${QUERIES.map((query) => query || '(no query)').join(' | ')}\n\n`)
for (const result of results) {
  const ratios = [
    prism ? `${(result.requestsPerSecond / prism.requestsPerSecond).toFixed(2)}× prism` : '',
    `${(result.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}× bare`,
  ].filter(Boolean)
  process.stdout.write(
    `${result.name.padEnd(20)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s   ${ratios.join('   ')}   statuses ${JSON.stringify(result.statuses)}\n`,
  )
}
if (prismError) process.exitCode = 1
