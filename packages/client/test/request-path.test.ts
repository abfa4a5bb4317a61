import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  BadRequestError,
  createKaitenRuClient,
  type FetchFunction,
  type KaitenRuClientOptions,
} from '../src/index.js'
import { FAST_RETRIES } from './support/clients.js'
import { ManualClock } from './support/manual-clock.js'

// The helpers and `raw` take one path: openapi-fetch builds the request and calls the transport, which makes one
// pass per attempt (one token, one fetch, one read of the body) and hands the body on already read. What the server
// sees and what the caller gets are counted here, for a helper and for `raw` alike.

const BASE_URL = 'https://example.kaiten.ru/api/latest'
const TOKEN = 'path-token-0123456789'

const event = {
  id: '8f977f36-0f13-4b5f-91ab-0df9d15c7ed8',
  app_name: null,
  company_uid: null,
  author_id: 1,
  author_uid: null,
  author_username: 'ann',
  author_remote_address: null,
  author: null,
  category: 'auth',
  action: 'sign_in',
  message: 'signed in',
  details: null,
  created: '2026-04-01T12:00:00.000Z',
}

/** A network response that counts every way its body may be read. */
class CountedResponse extends Response {
  static reads = 0
  override text(): Promise<string> {
    CountedResponse.reads++
    return super.text()
  }
  override json(): Promise<unknown> {
    CountedResponse.reads++
    return super.json()
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    CountedResponse.reads++
    return super.arrayBuffer()
  }
}

/** A server that answers each request with the next of `answers`, counting the requests and the tokens asked for. */
function scripted(answers: (() => Response)[]) {
  const counts = { requests: 0, tokens: 0 }
  const fetch: FetchFunction = async (request) => {
    expect(request.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    const answer = answers[counts.requests++]
    if (!answer) throw new Error('no answer scripted')
    return answer()
  }
  const options: KaitenRuClientOptions = {
    baseUrl: BASE_URL,
    token: () => {
      counts.tokens++
      return TOKEN
    },
    fetch,
    rateLimit: false,
    retryDelay: FAST_RETRIES,
    clock: new ManualClock(),
  }
  return { counts, options }
}

/** Body texts the server sent: parses of anything else (the test runner reads source maps) are not the client's. */
const sent = new Set<string>()
const json = (status: number, body: unknown) => () => {
  const text = JSON.stringify(body)
  sent.add(text)
  return new CountedResponse(text, { status, headers: { 'content-type': 'application/json' } })
}
const unavailable = () => new CountedResponse('busy', { status: 503, headers: { 'retry-after': '0' } })

afterEach(() => {
  CountedResponse.reads = 0
  vi.restoreAllMocks()
})

/** Runs `call` on a client whose clock fires every retry backoff as soon as it is set; counts the JSON parses. */
async function run<T>(
  options: KaitenRuClientOptions,
  call: (client: ReturnType<typeof createKaitenRuClient>) => Promise<T>,
): Promise<{ result: T | undefined; error: unknown; parses: number }> {
  const clock = options.clock as ManualClock
  const client = createKaitenRuClient(options)
  const parse = vi.spyOn(JSON, 'parse')
  const parses = () => parse.mock.calls.filter(([text]) => sent.has(text)).length
  try {
    const result = await clock.runUntil(call(client))
    return { result, error: undefined, parses: parses() }
  } catch (error) {
    return { result: undefined, error, parses: parses() }
  } finally {
    parse.mockRestore()
  }
}

describe('one request path', () => {
  it('sends a helper call once per attempt and reads and parses each body once', async () => {
    const { counts, options } = scripted([unavailable, unavailable, json(200, [event])])
    const { result, parses } = await run(options, (client) => client.listAuditLogs({ limit: 1 }))
    expect(result).toEqual([event])
    expect(counts).toEqual({ requests: 3, tokens: 3 })
    expect(CountedResponse.reads).toBe(3)
    expect(parses).toBe(1)
  })

  it('sends a raw call the same way: once per attempt, each body read and parsed once', async () => {
    const { counts, options } = scripted([unavailable, unavailable, json(200, [event])])
    const { result, parses } = await run(options, (client) =>
      client.raw.GET('/audit-logs', { params: { query: { limit: 1 } } }),
    )
    expect(result?.data).toEqual([event])
    expect(counts).toEqual({ requests: 3, tokens: 3 })
    expect(CountedResponse.reads).toBe(3)
    expect(parses).toBe(1)
  })

  it('parses a helper call’s JSON error body once, into the typed error', async () => {
    const body = { message: 'limit must be a number' }
    const { counts, options } = scripted([json(400, body)])
    const { error, parses } = await run(options, (client) => client.listAuditLogs())
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as BadRequestError).body).toEqual(body)
    expect(counts).toEqual({ requests: 1, tokens: 1 })
    expect(CountedResponse.reads).toBe(1)
    expect(parses).toBe(1)
  })

  it('parses a raw call’s JSON error body once, into openapi-fetch’s error', async () => {
    const body = { message: 'limit must be a number' }
    const { counts, options } = scripted([json(400, body)])
    const { result, parses } = await run(options, (client) => client.raw.GET('/audit-logs'))
    expect(result?.error).toEqual(body)
    expect(result?.response.status).toBe(400)
    expect(counts).toEqual({ requests: 1, tokens: 1 })
    expect(CountedResponse.reads).toBe(1)
    expect(parses).toBe(1)
  })

  it('gives raw callers a response they can read in any form', async () => {
    const { options } = scripted([json(200, [event]), json(200, [event])])
    const asText = await run(options, (client) => client.raw.GET('/audit-logs', { parseAs: 'text' }))
    expect(JSON.parse(asText.result?.data as string)).toEqual([event])
    const asStream = await run(options, (client) => client.raw.GET('/audit-logs', { parseAs: 'stream' }))
    const streamed = await new Response(asStream.result?.data as ReadableStream).json()
    expect(streamed).toEqual([event])
  })
})
