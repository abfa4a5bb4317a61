// Serves a Responder over node:http: incoming request → fetch Request → Responder → written back. Whatever arrives,
// the answer is a well-formed HTTP response below 500 unless the responder itself (a fault scenario) asks for one;
// `Response.error()` drops the connection without an answer.

import { createServer, type IncomingMessage, type Server, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { httpOrigin } from './listen-address.js'
import { readRequestTarget } from './request-target.js'
import { type Responder, textResponse, unreadBodyText } from './responders/responder.js'

export interface ServedResponder {
  server: Server
  /** `http://127.0.0.1:PORT`, or the host it was asked to listen on */
  origin: string
  port: number
  close(): Promise<void>
}

/** How an API words a refusal the server makes before any route sees the request: its status, why, extra headers. */
export type Refusal = (status: number, reason: string, headers: Record<string, string>) => Response

export interface ServeOptions {
  /** The address to listen on. Default `127.0.0.1`: only this machine can reach the server. */
  host?: string
  /** Default: the reason as a text/plain body. */
  refusal?: Refusal
}

/** Every route is a GET; HEAD is the same answer without its body (RFC 9110 §9.3.2). */
const ALLOW = 'GET, HEAD'
const SERVED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD'])

const plainRefusal: Refusal = (status, reason, headers) =>
  textResponse(reason, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } })

/**
 * No route reads a request body, so none is ever read, however large; it is not even invited with
 * `100 Continue`. A request that declares one is answered and its connection closed, so the unread bytes
 * cannot be taken for the next request.
 */
function declaresBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length']
  return incoming.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/** The responder's view of a GET or HEAD: always a GET (HEAD's body is dropped when written), never a body. */
function toRequest(incoming: IncomingMessage, url: URL): Request {
  const headers = new Headers()
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string)
  }
  return new Request(url, { method: 'GET', headers })
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
async function writeResponse(
  outgoing: ServerResponse,
  response: Response,
  closeAfter: boolean,
): Promise<void> {
  // `Response.error()` (a network-error scenario): no response at all, as a connection dropped before it.
  if (response.type === 'error') {
    outgoing.destroy()
    return
  }
  const headers = headerRecord(response)
  if (closeAfter) headers.connection = 'close'
  const known = unreadBodyText(response)
  if (known !== undefined) {
    const body = Buffer.from(known)
    headers['content-length'] = String(body.length)
    outgoing.writeHead(response.status, headers).end(body)
    return
  }
  if (!response.body) {
    // Said outright, so a HEAD answer carries the same framing as its GET. RFC 9110 §8.6: never on a 204, and on a
    // 304 it would have to describe the 200.
    if (response.status !== 204 && response.status !== 304) headers['content-length'] = '0'
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
  options: ServeOptions = {},
): Promise<ServedResponder> {
  const refusal = options.refusal ?? plainRefusal
  const sockets = new Set<Socket>()
  let origin = ''

  /** The answer to a request, decided from its method and target alone; a responder sees only GETs it can route. */
  const answer = async (incoming: IncomingMessage): Promise<Response> => {
    const method = incoming.method ?? ''
    if (!SERVED_METHODS.has(method))
      return refusal(405, `method ${method} is not allowed; allowed: ${ALLOW}`, { allow: ALLOW })
    const target = readRequestTarget(incoming.url ?? '', origin)
    if (!target.ok) return refusal(400, target.reason, {})
    let request: Request
    try {
      request = toRequest(incoming, target.url)
    } catch (error) {
      return refusal(400, `a request header cannot be read: ${String(error)}`, {})
    }
    return responder(request)
  }

  const handle = (
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    closeAfter = declaresBody(incoming),
  ) => {
    answer(incoming)
      .then((response) => writeResponse(outgoing, response, closeAfter))
      .catch((error: unknown) => {
        // A responder that throws is a bug in a wrapper or the mock; answer 500 and say why rather than hang.
        if (outgoing.headersSent) outgoing.destroy()
        else
          outgoing
            .writeHead(500, { 'content-type': 'text/plain', connection: 'close' })
            .end(`mock server error: ${String(error)}`)
      })
  }

  const server = createServer((incoming, outgoing) => handle(incoming, outgoing))
  // Without these listeners Node would invite the body with 100 Continue, and drop a CONNECT without a word.
  server.on('checkContinue', (incoming: IncomingMessage, outgoing: ServerResponse) =>
    handle(incoming, outgoing),
  )
  server.on('connect', (incoming: IncomingMessage, socket: Socket) => {
    // Node hands a CONNECT over as a bare socket (for a tunnel); answering it takes a response of our own.
    const outgoing = new ServerResponse(incoming)
    outgoing.assignSocket(socket)
    outgoing.on('finish', () => {
      outgoing.detachSocket(socket)
      socket.destroySoon()
    })
    handle(incoming, outgoing, true)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const actualPort = (server.address() as AddressInfo).port
  origin = httpOrigin(options.host ?? '127.0.0.1', actualPort)
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
