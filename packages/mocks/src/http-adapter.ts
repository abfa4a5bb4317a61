// Serves a Responder over node:http: incoming request → fetch Request → Responder → written back.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { httpOrigin } from './listen-address.js'
import { type Responder, unreadBodyText } from './responders/responder.js'

export interface ServedResponder {
  server: Server
  /** `http://127.0.0.1:PORT`, or the host it was asked to listen on */
  origin: string
  port: number
  close(): Promise<void>
}

async function readBody(incoming: IncomingMessage): Promise<Buffer | undefined> {
  if (incoming.method === 'GET' || incoming.method === 'HEAD') return undefined
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function toRequest(incoming: IncomingMessage, origin: string, body: Buffer | undefined): Request {
  const headers = new Headers()
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string)
  }
  return new Request(new URL(incoming.url ?? '/', origin), {
    method: incoming.method ?? 'GET',
    headers,
    ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
  })
}

function headerRecord(response: Response): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    out[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) out['set-cookie'] = cookies
  return out
}

/**
 * Writes the response. A body that fails part-way (a deliberately truncated response) is sent as far as it got
 * and the socket is destroyed, which is what a client sees from a real dropped connection.
 */
async function writeResponse(outgoing: ServerResponse, response: Response): Promise<void> {
  const headers = headerRecord(response)
  const known = unreadBodyText(response)
  if (known !== undefined) {
    const body = Buffer.from(known)
    headers['content-length'] = String(body.length)
    outgoing.writeHead(response.status, headers).end(body)
    return
  }
  if (!response.body) {
    outgoing.writeHead(response.status, headers).end()
    return
  }
  const chunks: Uint8Array[] = []
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
    }
  } catch {
    delete headers['content-length']
    outgoing.writeHead(response.status, headers)
    outgoing.flushHeaders()
    // Destroy only once the partial body is on the wire; destroying at once would discard it.
    outgoing.write(Buffer.concat(chunks), () => outgoing.destroy())
    return
  }
  const body = Buffer.concat(chunks)
  headers['content-length'] = String(body.length)
  outgoing.writeHead(response.status, headers).end(body)
}

export async function serveResponder(
  responder: Responder,
  port: number,
  host = '127.0.0.1',
): Promise<ServedResponder> {
  const sockets = new Set<import('node:net').Socket>()
  let origin = ''
  const server = createServer((incoming, outgoing) => {
    readBody(incoming)
      .then((body) => responder(toRequest(incoming, origin, body)))
      .then((response) => writeResponse(outgoing, response))
      .catch((error: unknown) => {
        // A responder that throws is a bug in a wrapper or the mock; answer 500 and say why rather than hang.
        if (outgoing.headersSent) outgoing.destroy()
        else
          outgoing.writeHead(500, { 'content-type': 'text/plain' }).end(`mock server error: ${String(error)}`)
      })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const actualPort = (server.address() as AddressInfo).port
  origin = httpOrigin(host, actualPort)
  return {
    server,
    origin,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive connections would hold close() open; nothing is in flight once the caller closes.
        for (const socket of sockets) socket.destroy()
      }),
  }
}
