// Baseline: a bare node:http server answering every request with one fixed, pre-serialised page.

import { createServer } from 'node:http'
import { createKaitenShStore } from '../dist/index.js'

const store = createKaitenShStore()
const page = Buffer.from(JSON.stringify(store.entries('acme-production').slice(0, 50)))
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': page.length }).end(page)
})
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ origin: `http://127.0.0.1:${server.address().port}` })}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
