// Canned kaiten.ru pages for the benchmark, served from its own process so the server's CPU time is not billed to
// the client under test. GET …/audit-logs?offset&limit: `limit` events (capped at 500, as the API does) starting at
// `offset`, newest first, out of BENCH_TOTAL_EVENTS; prints the base URL on stdout once listening.
// With BENCH_WINDOW=sliding or fixed it enforces 5 requests per second that way (see window.mjs), answering 429
// beyond it, and GET /__bench/stats reports every accepted arrival and the number refused.
import { createServer } from 'node:http'
import { createWindow } from './window.mjs'

const total = Number(process.env.BENCH_TOTAL_EVENTS ?? 1_000_000)
const NEWEST_MS = Date.UTC(2026, 3, 1, 12, 0, 0)

function event(index) {
  const id = `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`
  // Ten events per millisecond, so equal timestamps (and page boundaries inside them) are common.
  const created = new Date(NEWEST_MS - Math.floor(index / 10)).toISOString()
  return `{"id":"${id}","app_name":null,"company_uid":"5b0c7a3e-3f0e-4f51-9a53-0c6f1f4f2a10","author_id":${index % 60},"author_uid":"u-${index % 60}","author_username":"user.${index % 60}","author_remote_address":"10.0.${index % 250}.7","author":{"id":${index % 60},"uid":"u-${index % 60}","full_name":"User ${index % 60}","email":"user${index % 60}@example.com","username":"user.${index % 60}"},"category":"auth","action":"sign_in","message":"Signed in","details":{"method":"password"},"created":"${created}"}`
}

const rateWindow = process.env.BENCH_WINDOW ? createWindow(process.env.BENCH_WINDOW) : undefined

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (url.pathname === '/__bench/stats') {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(rateWindow?.stats() ?? null))
    return
  }
  // The same clock as the client's (Date.now on one machine), so the window is counted on the time it paces by.
  const decision = rateWindow?.take(Date.now())
  if (decision && !decision.allowed) {
    response.writeHead(429, {
      'content-length': 0,
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(decision.resetSeconds),
    })
    response.end()
    return
  }
  const offset = Number(url.searchParams.get('offset') ?? 0)
  const requested = Number(url.searchParams.get('limit') ?? 100)
  const limit = requested === 0 ? 100 : Math.min(requested, 500)
  const end = Math.min(total, offset + limit)
  const parts = []
  for (let index = offset; index < end; index++) parts.push(event(index))
  const body = `[${parts.join(',')}]`
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-ratelimit-remaining': String(decision?.remaining ?? 4),
    'x-ratelimit-reset': String(decision?.resetSeconds ?? Math.ceil(Date.now() / 1000)),
  })
  response.end(body)
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address()
  process.stdout.write(`http://127.0.0.1:${port}/api/latest\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
