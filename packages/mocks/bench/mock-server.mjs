// Our standalone server, as `pnpm mock` runs it (default data sizes), in its own process.

import { startMockServers } from '../dist/server.js'

const servers = await startMockServers({ rateLimit: false })
process.stdout.write(`${JSON.stringify({ origin: new URL(servers.kaitenSh.baseUrl).origin })}\n`)
process.on('SIGTERM', () => servers.close().then(() => process.exit(0)))
