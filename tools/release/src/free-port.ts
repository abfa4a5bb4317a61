// A TCP port on 127.0.0.1 that nothing listens on right now.

import { createServer } from 'node:net'

/** Asks the system for a free port by binding port 0 and releasing it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port on 127.0.0.1'))))
    })
  })
}
