// HTTP/1.1 over a plain socket, byte for byte: `fetch` cannot send TRACE, CONNECT, malformed header lines or a
// request target that is not a clean path, and it would normalise `\` and `//` before they reach the server.

import { connect, type Socket } from 'node:net'

export interface RawResponse {
  status: number
  /** Header lines in the order received; names lowercased. */
  headers: [name: string, value: string][]
  body: Buffer
}

export interface RawExchange {
  /** Everything the server sent before the connection ended. */
  received: Buffer
  /** The socket error that ended the exchange, if any (e.g. `ECONNRESET` after an early answer to a big upload). */
  errorCode?: string
  /** Bytes this client handed to the kernel, headers included. */
  bytesWritten: number
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

export function headerOf(response: RawResponse, name: string): string | undefined {
  return response.headers.find(([candidate]) => candidate === name)?.[1]
}

function decodeChunked(bytes: Buffer): { body: Buffer; complete: boolean } {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at)
    if (lineEnd < 0) return { body: Buffer.concat(parts), complete: false }
    const sizeText = bytes.subarray(at, lineEnd).toString('latin1').split(';')[0] as string
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw new Error(`malformed chunk size ${JSON.stringify(sizeText)}`)
    const size = Number.parseInt(sizeText, 16)
    if (size === 0) return { body: Buffer.concat(parts), complete: bytes.indexOf('\r\n\r\n', lineEnd) >= 0 }
    const start = lineEnd + 2
    if (bytes.length < start + size + 2) return { body: Buffer.concat(parts), complete: false }
    parts.push(bytes.subarray(start, start + size))
    at = start + size + 2
  }
}

/**
 * Parses one response and throws unless it is well-formed: a status line, `name: value` header lines with token
 * names, and a body that agrees with its framing. `complete` is false while more bytes are needed.
 */
export function parseResponse(
  bytes: Buffer,
  options: { headRequest?: boolean; connectionClosed?: boolean } = {},
): { response: RawResponse; complete: boolean } | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n')
  if (headEnd < 0) return undefined
  const [statusLine, ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n')
  const status = /^HTTP\/1\.[01] ([1-5]\d\d) [^\r\n]*$/.exec(statusLine as string)
  if (!status) throw new Error(`malformed status line ${JSON.stringify(statusLine)}`)
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon)
    if (colon < 1 || !TOKEN.test(name)) throw new Error(`malformed header line ${JSON.stringify(line)}`)
    return [name.toLowerCase(), line.slice(colon + 1).trim()]
  })
  const rest = bytes.subarray(headEnd + 4)
  const response: RawResponse = { status: Number(status[1]), headers, body: Buffer.alloc(0) }
  const noBody = options.headRequest === true || /^(1\d\d|204|304)$/.test(String(response.status))
  if (noBody) return { response, complete: true }
  if (/chunked/i.test(headerOf(response, 'transfer-encoding') ?? '')) {
    const { body, complete } = decodeChunked(rest)
    return { response: { ...response, body }, complete }
  }
  const length = headerOf(response, 'content-length')
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) throw new Error(`malformed content-length ${JSON.stringify(length)}`)
    const expected = Number(length)
    if (rest.length > expected && options.connectionClosed)
      throw new Error(`body of ${rest.length} bytes exceeds content-length ${expected}`)
    return { response: { ...response, body: rest.subarray(0, expected) }, complete: rest.length >= expected }
  }
  // No framing: the body runs until the server closes the connection.
  return { response: { ...response, body: rest }, complete: options.connectionClosed === true }
}

/**
 * Sends `head` as is, then `bodyBytes` zero bytes in 64 KiB pieces (as chunks when `chunked`) as fast as the socket
 * takes them, and collects
 * the answer until the server closes the connection or (unless `untilClosed`) a complete response has arrived.
 */
export function exchangeRaw(
  port: number,
  head: string | Buffer,
  options: { bodyBytes?: number; chunked?: boolean; headRequest?: boolean; untilClosed?: boolean } = {},
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let errorCode: string | undefined
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      resolve({
        received: Buffer.concat(chunks),
        bytesWritten: socket.bytesWritten,
        ...(errorCode ? { errorCode } : {}),
      })
      socket.destroy()
    }
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      if (options.untilClosed) return
      try {
        if (parseResponse(Buffer.concat(chunks), options)?.complete) finish()
      } catch {
        // Malformed: let the caller's parse report it once the connection ends.
      }
    })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      errorCode = error.code ?? error.message
    })
    socket.on('close', finish)
    socket.write(head)
    let left = options.bodyBytes ?? 0
    const piece = Buffer.alloc(64 * 1024)
    const frame = (bytes: Buffer) =>
      options.chunked
        ? Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')])
        : bytes
    const pump = () => {
      while (left > 0 && !socket.destroyed) {
        const bytes = left >= piece.length ? piece : piece.subarray(0, left)
        left -= bytes.length
        const last = left === 0 && options.chunked ? Buffer.from('0\r\n\r\n') : Buffer.alloc(0)
        if (!socket.write(Buffer.concat([frame(bytes), last]))) {
          socket.once('drain', pump)
          return
        }
      }
    }
    pump()
  })
}

/** The exchange's response, checked for well-formedness; throws with the raw bytes when there is none. */
export function responseOf(exchange: RawExchange, options: { headRequest?: boolean } = {}): RawResponse {
  const parsed = parseResponse(exchange.received, { ...options, connectionClosed: true })
  if (!parsed?.complete) {
    throw new Error(
      `no complete response (${exchange.errorCode ?? 'connection closed'}): ${JSON.stringify(exchange.received.toString('latin1').slice(0, 300))}`,
    )
  }
  return parsed.response
}
