import type { Socket } from 'node:net'
import { propertySeed } from '@kaiten-audit/types/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveResponder } from '../src/http-adapter.js'
import { createKaitenShResponder } from '../src/responders/kaiten-sh.js'
import { type MockServers, startMockServers } from '../src/server.js'
import { createKaitenShStore } from '../src/store/kaiten-sh.js'
import { MOCK_TOKENS } from '../src/tokens.js'
import { exchangeRaw, headerOf, type RawResponse, responseOf } from './support/raw-http.js'

// Every test here talks to a real socket; the limits are generous because a busy machine is slow, not wrong.
const IO_TIMEOUT_MS = 30_000
const MAX_HEADER_LENGTH = 1024

let servers: MockServers
const ports = { sh: 0, ru: 0 }
beforeAll(async () => {
  servers = await startMockServers({ rateLimit: false, sizes: { kaitenShEntries: 60, kaitenRuEvents: 60 } })
  ports.sh = Number(new URL(servers.kaitenSh.baseUrl).port)
  ports.ru = Number(new URL(servers.kaitenRu.baseUrl).port)
}, IO_TIMEOUT_MS)
afterAll(() => servers.close())

const SH_TRAILS = '/api/instances/acme-production/audit-trails'
const RU_LOGS = '/api/latest/audit-logs'
const auth = {
  sh: `Authorization: Bearer ${MOCK_TOKENS.kaitenSh.valid}`,
  ru: `Authorization: Bearer ${MOCK_TOKENS.kaitenRu.valid}`,
}

function head(method: string, target: string, port: number, lines: string[] = []): string {
  return [
    `${method} ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    ...lines,
    'Connection: close',
    '',
    '',
  ].join('\r\n')
}

async function send(
  api: 'sh' | 'ru',
  method: string,
  target: string,
  lines: string[] = [],
): Promise<RawResponse> {
  const headRequest = method === 'HEAD'
  return responseOf(await exchangeRaw(ports[api], head(method, target, ports[api], lines), { headRequest }), {
    headRequest,
  })
}

/** What the mock says about a refusal: the problem's detail for kaiten.sh, the reason header for kaiten.ru. */
function reasonOf(api: 'sh' | 'ru', response: RawResponse): string {
  if (api === 'ru') return headerOf(response, 'x-mock-reason') ?? ''
  return (JSON.parse(response.body.toString('utf8')) as { detail: string }).detail
}

function expectApiShape(api: 'sh' | 'ru', response: RawResponse): void {
  if (api === 'sh') {
    expect(headerOf(response, 'content-type')).toBe('application/problem+json')
    expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({ status: response.status })
  } else {
    expect(response.body.length).toBe(0)
    expect(headerOf(response, 'x-mock-reason')).toBeTruthy()
  }
}

describe('node:http server: methods', { timeout: IO_TIMEOUT_MS }, () => {
  it.each([
    ['sh', 'TRACE'],
    ['ru', 'TRACE'],
    ['sh', 'POST'],
    ['ru', 'PUT'],
    ['sh', 'DELETE'],
    ['ru', 'PATCH'],
    ['sh', 'OPTIONS'],
    ['ru', 'PROPFIND'],
    ['sh', 'QUERY'],
    ['ru', 'LOCK'],
  ] as const)('%s: answers %s with 405, Allow: GET, HEAD, in the API’s error shape', async (api, method) => {
    const target = api === 'sh' ? SH_TRAILS : RU_LOGS
    const response = await send(api, method, target, [auth[api]])
    expect(response.status).toBe(405)
    expect(headerOf(response, 'allow')).toBe('GET, HEAD')
    expectApiShape(api, response)
    expect(reasonOf(api, response)).toContain(method)
  })

  it.each(['sh', 'ru'] as const)(
    '%s: answers CONNECT with 405 instead of dropping the connection',
    async (api) => {
      const response = await send(api, 'CONNECT', `127.0.0.1:${ports[api]}`)
      expect(response.status).toBe(405)
      expect(headerOf(response, 'allow')).toBe('GET, HEAD')
      expectApiShape(api, response)
    },
  )

  it.each(['sh', 'ru'] as const)('%s: answers OPTIONS * with 405', async (api) => {
    const response = await send(api, 'OPTIONS', '*')
    expect(response.status).toBe(405)
    expect(headerOf(response, 'allow')).toBe('GET, HEAD')
  })

  it.each([
    ['sh', `${SH_TRAILS}?limit=3`, auth.sh],
    ['sh', `${SH_TRAILS}?limit=0`, auth.sh],
    ['sh', SH_TRAILS, 'X-Nothing: 1'],
    ['ru', `${RU_LOGS}?limit=3`, auth.ru],
    ['ru', `${RU_LOGS}?categories=bogus`, auth.ru],
  ] as const)('%s: answers HEAD %s like GET, without the body', async (api, target, line) => {
    const get = await send(api, 'GET', target, [line])
    const headResponse = await send(api, 'HEAD', target, [line])
    expect(headResponse.status).toBe(get.status)
    expect(headResponse.body.length).toBe(0)
    for (const name of ['content-type', 'content-length', 'x-mock-reason'])
      expect(headerOf(headResponse, name), name).toBe(headerOf(get, name))
    expect(Number(headerOf(headResponse, 'content-length'))).toBe(get.body.length)
  })

  it.each(['get', 'Get', 'FOO', 'BREW'])(
    'answers the method token %s, which the HTTP parser refuses, with a well-formed 400',
    async (method) => {
      expect((await send('sh', method, SH_TRAILS, [auth.sh])).status).toBe(400)
    },
  )
})

describe('node:http server: the request target is taken literally', { timeout: IO_TIMEOUT_MS }, () => {
  it.each([
    ['sh', `//evil.example${SH_TRAILS}`],
    ['ru', `//evil.example${RU_LOGS}`],
    ['sh', `/${SH_TRAILS}`],
    ['sh', `${SH_TRAILS}/`],
    ['sh', SH_TRAILS.replace('/api/', '/api//')],
  ] as const)(
    '%s: a path that is not the route, %s, gets 404 even with a valid token',
    async (api, target) => {
      const response = await send(api, 'GET', target, [auth[api]])
      expect(response.status).toBe(404)
      expectApiShape(api, response)
    },
  )

  it.each([
    ['sh', SH_TRAILS.replaceAll('/', '\\').replace('\\', '/'), 'backslashes'],
    ['sh', SH_TRAILS.replace('/audit-trails', '\\audit-trails'), 'a backslash'],
    ['ru', RU_LOGS.replace('/audit-logs', '\\audit-logs'), 'a backslash'],
    ['sh', `http://127.0.0.1:PORT${SH_TRAILS}`, 'absolute-form'],
    ['ru', `http://127.0.0.1:PORT${RU_LOGS}`, 'absolute-form'],
    ['sh', SH_TRAILS.replace('acme-production', 'x/../acme-production'), 'a dot segment'],
    ['sh', SH_TRAILS.replace('acme-production', 'acme-production/.'), 'a dot segment'],
    ['ru', RU_LOGS.replace('latest', 'x/%2E%2e/latest'), 'an encoded dot segment'],
    ['sh', `${SH_TRAILS}?limit=%zz`, 'a bad escape in the query'],
    ['ru', `${RU_LOGS}?limit=%`, 'a bad escape in the query'],
    ['ru', `${RU_LOGS}?limit=1%2`, 'a bad escape in the query'],
    ['sh', SH_TRAILS.replace('acme-production', 'acme%zzproduction'), 'a bad escape in the path'],
    ['sh', `${SH_TRAILS}?limit=2#x`, 'a fragment'],
    ['ru', `${RU_LOGS}?limit="2"`, 'a character RFC 3986 does not allow'],
  ] as const)('%s: a target with %s (%s) gets 400 naming the target', async (api, template, _kind) => {
    const target = template.replace('PORT', String(ports[api]))
    const response = await send(api, 'GET', target, [auth[api]])
    expect(response.status).toBe(400)
    expectApiShape(api, response)
    expect(reasonOf(api, response)).toContain('request target')
  })

  it.each([
    ['sh', `${SH_TRAILS}?limit=2`, 200],
    ['sh', `${SH_TRAILS}?event_name=%ED%A0%80`, 200],
    ['sh', `${SH_TRAILS}?limit=1&limit=2`, 422],
    ['sh', `${SH_TRAILS}?limit=%31`, 200],
    ['ru', `${RU_LOGS}?author_uid=%ED%A0%80`, 200],
    ['ru', `${RU_LOGS}?limit=1&limit=2`, 400],
  ] as const)('%s: answers %s with %i', async (api, target, status) => {
    const response = await send(api, 'GET', target, [auth[api]])
    expect(response.status).toBe(status)
  })
})

describe('node:http server: malformed requests get a well-formed answer below 500', {
  timeout: IO_TIMEOUT_MS,
}, () => {
  const port = () => ports.sh
  it.each([
    ['a header name with a space', () => head('GET', SH_TRAILS, port(), ['Bad Header: y'])],
    ['a control character in a value', () => head('GET', SH_TRAILS, port(), ['X-A: a\u0001b'])],
    ['a header line without a colon', () => head('GET', SH_TRAILS, port(), ['NoColon'])],
    ['an obsolete folded header', () => head('GET', SH_TRAILS, port(), ['X-A: a', ' folded'])],
    [
      'Content-Length with Transfer-Encoding',
      () => head('GET', SH_TRAILS, port(), ['Content-Length: 3', 'Transfer-Encoding: chunked']),
    ],
    ['two Content-Lengths', () => head('GET', SH_TRAILS, port(), ['Content-Length: 3', 'Content-Length: 4'])],
    ['a negative Content-Length', () => head('GET', SH_TRAILS, port(), ['Content-Length: -1'])],
    ['bare LF line ends', () => head('GET', SH_TRAILS, port()).replaceAll('\r\n', '\n')],
    ['a 20 KB target', () => head('GET', `${SH_TRAILS}?event_name=${'a'.repeat(20_000)}`, port())],
    ['a 20 KB header', () => head('GET', SH_TRAILS, port(), [`X-Big: ${'b'.repeat(20_000)}`])],
    [
      'Latin-1 bytes in a value',
      () => Buffer.from(head('GET', SH_TRAILS, port(), ['X-A: \u00ff\u00e9']), 'latin1'),
    ],
    [
      'UTF-8 bytes in the target',
      () => Buffer.from(head('GET', `${SH_TRAILS}?event_name=é`, port()), 'utf8'),
    ],
    [
      'an Upgrade request',
      () => head('GET', SH_TRAILS, port(), ['Upgrade: websocket', 'Connection: Upgrade']),
    ],
    ['HTTP/1.0 without Host', () => `GET ${SH_TRAILS} HTTP/1.0\r\n\r\n`],
    ['HTTP/1.1 without Host', () => `GET ${SH_TRAILS} HTTP/1.1\r\nConnection: close\r\n\r\n`],
    ['an unknown HTTP version', () => `GET ${SH_TRAILS} HTTP/9.9\r\nHost: x\r\n\r\n`],
    ['an empty target', () => `GET  HTTP/1.1\r\nHost: x\r\n\r\n`],
  ])('%s', async (_name, build) => {
    const response = responseOf(await exchangeRaw(port(), build()))
    expect(response.status).toBeGreaterThanOrEqual(200)
    expect(response.status).toBeLessThan(500)
  })
})

describe('node:http server: request bodies are never buffered', { timeout: IO_TIMEOUT_MS }, () => {
  const BIG = 64 * 1024 * 1024
  // Far below the 64 MiB sent, far above what socket buffers and one parser read can hold on any machine.
  const READ_BOUND = 8 * 1024 * 1024

  let server: Awaited<ReturnType<typeof serveResponder>>
  const sockets: Socket[] = []
  beforeAll(async () => {
    const store = createKaitenShStore({ entries: 20 })
    server = await serveResponder(createKaitenShResponder({ store, basePath: '/api' }), 0)
    server.server.on('connection', (socket: Socket) => sockets.push(socket))
  }, IO_TIMEOUT_MS)
  afterAll(() => server.close())

  /** Bytes the server read from the connections opened since `from`. */
  const readSince = (from: number) =>
    sockets.slice(from).reduce((total, socket) => total + socket.bytesRead, 0)

  it.each([
    ['POST', 'Content-Length', 405],
    ['PUT', 'chunked', 405],
    ['GET', 'Content-Length', 401],
  ] as const)(
    'answers %s with a 64 MiB body (%s) with %i and closes without reading the body',
    async (method, framing, status) => {
      const from = sockets.length
      const chunked = framing === 'chunked'
      const line = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${BIG}`
      const exchange = await exchangeRaw(server.port, head(method, SH_TRAILS, server.port, [line]), {
        bodyBytes: BIG,
        chunked,
        untilClosed: true,
      })
      const response = responseOf(exchange)
      expect(response.status).toBe(status)
      expect(headerOf(response, 'connection')).toBe('close')
      expect(readSince(from)).toBeLessThan(READ_BOUND)
    },
  )

  it('does not invite a body with 100 Continue for a method it refuses', async () => {
    const text = head('POST', SH_TRAILS, server.port, ['Content-Length: 1000', 'Expect: 100-continue'])
    const exchange = await exchangeRaw(server.port, text)
    expect(exchange.received.toString('latin1')).not.toMatch(/^HTTP\/1\.1 100/)
    expect(responseOf(exchange).status).toBe(405)
  })
})

describe('node:http server: headers stay readable', { timeout: IO_TIMEOUT_MS }, () => {
  it('names a few bad list items and a count instead of echoing 6,000 of them', async () => {
    const url = `${servers.kaitenRu.baseUrl}/audit-logs?categories=${','.repeat(6000)}`
    // Node's fetch refuses a response whose headers exceed 16 KiB, so this read is the assertion.
    const response = await fetch(url, { headers: { authorization: `Bearer ${servers.kaitenRu.token}` } })
    expect(response.status).toBe(400)
    const reason = response.headers.get('x-mock-reason') ?? ''
    expect(reason.length).toBeLessThanOrEqual(MAX_HEADER_LENGTH)
    expect(reason).toContain('categories')
    expect(reason).toContain('6001 empty')
    expect(reason).toMatch(/positions 1, 2, 3\b/)
  })

  it('caps a reason that quotes a long value or path', async () => {
    for (const target of [`${RU_LOGS}?id=${'x'.repeat(12_000)}`, `${RU_LOGS}/${'y'.repeat(12_000)}`]) {
      const response = await send('ru', 'GET', target, [auth.ru])
      expect(response.status, target.slice(0, 40)).toBeLessThan(500)
      for (const [name, value] of response.headers)
        expect(value.length, name).toBeLessThanOrEqual(MAX_HEADER_LENGTH)
    }
  })
})

// Pieces a hostile or careless client sends, combined at random; most requests are close enough to a real one to
// reach a route, so the query parsing and reason headers behind it are fuzzed too.
const methodArb = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('GET', 'HEAD') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'POST',
      'PUT',
      'DELETE',
      'PATCH',
      'OPTIONS',
      'TRACE',
      'CONNECT',
      'PROPFIND',
      'QUERY',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('get', 'Head', 'M-SEARCH', 'PURGE') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-]{1,10}$/) },
)
/** Text as a client might put it on the wire: percent-encoded, raw, or cut inside an escape. */
const wireTextArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => encodeURIComponent(text)),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'grapheme-ascii', maxLength: 12 })
      .map((text) => text.replace(/[ \r\n]/g, '')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%zz',
      '%',
      '%E',
      '%ED%A0%80',
      '%E2%82',
      '%00',
      '%2e%2E',
      '%2F',
      '\\',
      '*',
      ';x',
      '@',
      'é',
    ),
  },
)
const segmentArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('api', 'latest', 'audit-logs', 'instances', 'acme-production', 'audit-trails'),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '.', '..', 'evil.example') },
  { weight: 1, arbitrary: wireTextArb },
)
const routePathArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(SH_TRAILS, RU_LOGS, '/api/instances/acme-staging/audit-trails') },
  {
    weight: 1,
    arbitrary: fc.tuple(wireTextArb).map(([slug]) => `/api/instances/${slug}/audit-trails`),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(segmentArb, { minLength: 1, maxLength: 6 })
      .map((segments) => `/${segments.join('/')}`),
  },
)
const valueArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '1',
      '0',
      '-1',
      '200',
      '501',
      '99999999999999999999',
      '9007199254740993',
      'abc',
      '',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom('auth', 'auth,import', 'sign_in', '2026-01-01T00:00:00Z', 'yesterday'),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 3000 }).map((n) => ','.repeat(n)) },
  { weight: 2, arbitrary: wireTextArb },
)
const queryArb = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'limit',
        'offset',
        'categories',
        'actions',
        'event_name',
        'after',
        'before',
        'from',
        'to',
        'id',
        'author_id',
        'author_uid',
        'x',
      ),
      valueArb,
    ),
    { maxLength: 5 },
  )
  .map((pairs) =>
    pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`,
  )
const targetArb = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(routePathArb, queryArb).map(([path, query]) => path + query) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '*',
      '127.0.0.1:1',
      `http://127.0.0.1${RU_LOGS}`,
      `//evil.example${SH_TRAILS}`,
    ),
  },
  { weight: 1, arbitrary: routePathArb.map((path) => path.replaceAll('/', '\\')) },
)
const headerLineArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'Accept: */*',
      'Accept-Encoding: gzip',
      'User-Agent: fuzz',
      'Authorization: Bearer x',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/),
        fc.oneof(
          { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) },
          { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 20 }) },
        ),
      )
      .map(([name, value]) => `X-${name}: ${value.replace(/[\r\n]/g, '')}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'Bad Header: 1',
      'NoColon',
      ' folded',
      'Transfer-Encoding: chunked',
      'Expect: 100-continue',
      'Content-Length: 5',
      'Content-Length: 0',
    ),
  },
)
const requestArb = fc.record({
  api: fc.constantFrom<'sh' | 'ru'>('sh', 'ru'),
  method: methodArb,
  target: targetArb,
  // The valid token half the time, so many requests get past authentication to the query.
  authorised: fc.boolean(),
  lines: fc.array(headerLineArb, { maxLength: 2 }),
})

describe('node:http server: fuzzed requests', () => {
  it('never answers 5xx, always with a well-formed response and headers of at most 1 KB', async () => {
    const seed = propertySeed('fuzzed requests')
    await fc.assert(
      fc.asyncProperty(requestArb, async ({ api, method, target, authorised, lines }) => {
        const text = head(method, target, ports[api], authorised ? [auth[api], ...lines] : lines)
        const headRequest = method === 'HEAD'
        const exchange = await exchangeRaw(ports[api], Buffer.from(text, 'utf8'), { headRequest })
        const response = responseOf(exchange, { headRequest })
        expect(response.status).toBeLessThan(500)
        for (const [name, value] of response.headers)
          expect(value.length, name).toBeLessThanOrEqual(MAX_HEADER_LENGTH)
      }),
      { seed, numRuns: 150 },
    )
  }, 60_000)
})
