// pnpm test:browser — the client and the mocks' service worker in a real headless Chromium.
// Bundles page.ts with rolldown, serves it with MSW's worker script on 127.0.0.1, opens it in Chromium and checks
// the results the page posts back. Needs a Chromium binary: $CHROMIUM, or chromium / google-chrome on PATH.
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rolldown } from 'rolldown'

const TIMEOUT_MS = 60_000
const here = fileURLToPath(new URL('.', import.meta.url))

function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
    if (found) return found
  }
  console.error(
    'test:browser: no Chromium found; allowed: set CHROMIUM to a Chromium or Chrome binary, or put chromium on PATH ' +
      '(Debian: apt-get install chromium)',
  )
  process.exit(2)
}

async function bundle() {
  const build = await rolldown({ input: join(here, 'page.ts'), platform: 'browser', logLevel: 'warn' })
  const { output } = await build.generate({ format: 'esm' })
  await build.close()
  return output[0].code
}

const require = createRequire(import.meta.url)
const workerScript = readFileSync(
  join(
    require.resolve('msw/package.json', { paths: [require.resolve('@kaiten-audit/mocks')] }),
    '..',
    'lib',
    'mockServiceWorker.js',
  ),
)
const pageScript = await bundle()
const chromium = findChromium()

let resolveResult
const result = new Promise((resolve) => {
  resolveResult = resolve
})
const server = createServer((request, response) => {
  const send = (type, body) => response.writeHead(200, { 'content-type': type }).end(body)
  if (request.url === '/')
    return send(
      'text/html',
      '<!doctype html><title>client in a browser</title><script type="module" src="/page.js"></script>',
    )
  if (request.url === '/page.js') return send('text/javascript', pageScript)
  if (request.url === '/mockServiceWorker.js') return send('text/javascript', workerScript)
  if (request.url === '/__result' && request.method === 'POST') {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      response.writeHead(204).end()
      resolveResult(JSON.parse(body))
    })
    return
  }
  response.writeHead(404).end()
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${server.address().port}/`

const profile = mkdtempSync(join(tmpdir(), 'kaiten-audit-chromium-'))
const browser = spawn(
  chromium,
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    url,
  ],
  // Its own process group, so stopping it also stops the renderer and helper processes it starts.
  { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
)
let browserLog = ''
browser.stderr.on('data', (chunk) => {
  browserLog += chunk
})
const timer = setTimeout(() => resolveResult({ error: `no result within ${TIMEOUT_MS} ms` }), TIMEOUT_MS)
const outcome = await result
clearTimeout(timer)
const exited = once(browser, 'exit')
process.kill(-browser.pid, 'SIGKILL')
await exited
server.close()
rmSync(profile, { recursive: true, force: true, maxRetries: 5 })

const expected = {
  iterated: { events: 1250, unique: 1250 },
  kaitenShPage: 10,
  afterTwo503s: 3,
  unknownInstance: 'NotFoundError 404',
  unknownCategory: 'InvalidParameterError',
  invalidIsTyped: true,
  abortedIsTyped: true,
}
const failures = Object.entries(expected).filter(
  ([key, value]) => JSON.stringify(outcome[key]) !== JSON.stringify(value),
)
if (outcome.error || failures.length > 0) {
  console.error('test:browser failed')
  if (outcome.error) console.error(outcome.error)
  for (const [key, value] of failures) {
    console.error(`  ${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(outcome[key])}`)
  }
  if (browserLog) console.error(`Chromium said:\n${browserLog.slice(-2000)}`)
  process.exit(1)
}
console.log(`test:browser: ${outcome.userAgent}`)
for (const key of Object.keys(expected)) console.log(`  ✓ ${key}: ${JSON.stringify(outcome[key])}`)
console.log(`${Object.keys(expected).length} passed, 0 failed`)
