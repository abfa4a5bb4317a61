// A kaiten.sh audit-trails server whose entries are computed from the query, not stored: a million of them cost the
// server no memory and little time, so the benchmark measures the exporter. Entries are one second apart, newest
// first, with inclusive `after` / `before`, `offset` and `limit` (1–200) as the API documents.
import { createServer } from 'node:http'

export const TOKEN = 'ksh_synthetic_benchmark_token_0123456789'
const START_S = Date.UTC(2024, 0, 1) / 1000

const timestamp = (index) => new Date((START_S + index) * 1000).toISOString().replace('.000Z', 'Z')
const indexAt = (text, round) => round(Date.parse(text) / 1000 - START_S)

export async function startSyntheticServer(count) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost')
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      response
        .writeHead(401, { 'content-type': 'application/problem+json' })
        .end('{"status":401,"title":"Unauthorized"}')
      return
    }
    const slug = url.pathname.split('/')[3] ?? ''
    const after = url.searchParams.get('after')
    const before = url.searchParams.get('before')
    const offset = Number(url.searchParams.get('offset') ?? 0)
    const limit = Number(url.searchParams.get('limit') ?? 50)
    const oldest = after ? Math.max(0, indexAt(after, Math.ceil)) : 0
    const newest = Math.min(count - 1, before ? indexAt(before, Math.floor) : count - 1) - offset
    const items = []
    for (let index = newest; index >= Math.max(oldest, newest - limit + 1); index--) {
      items.push({
        eventName: 'kaiten.v1.entitlement.value.get',
        id: 1001 + index,
        instanceId: '5f0c2a8e-6a43-4f4e-9d0b-1b2c3d4e5f60',
        instanceSlug: slug,
        payload: {
          entitlement: 'projects',
          value: index % 997,
          requestedBy: `service-account-${index % 13}`,
          limits: { soft: 500, hard: 1000 },
        },
        status: 'ACCEPTED',
        timestamp: timestamp(index),
      })
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(items))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
