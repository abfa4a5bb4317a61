// A small load generator: keep-alive agent, fixed concurrency, a bounded number of requests.

import http from 'node:http'

/**
 * Sends `total` GET requests to `origin`, cycling through `paths`, `concurrency` at a time.
 * Returns requests per second over the whole run and how many of each status came back.
 */
export async function load({ origin, paths, headers, total, concurrency }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const url = new URL(origin)
  const statuses = new Map()
  let next = 0
  const one = (path) =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { host: url.hostname, port: url.port, path, method: 'GET', headers, agent },
        (response) => {
          response.on('data', () => {})
          response.on('end', () => {
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
            resolve()
          })
          response.on('error', reject)
        },
      )
      request.on('error', reject)
      request.end()
    })
  const worker = async () => {
    while (next < total) {
      const index = next++
      await one(paths[index % paths.length])
    }
  }
  const started = process.hrtime.bigint()
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  agent.destroy()
  return { requestsPerSecond: total / seconds, seconds, statuses: Object.fromEntries(statuses) }
}
