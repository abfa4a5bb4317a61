import { propertySeed } from '@kaiten-audit/types/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { withRequestLog } from '../src/request-log.js'
import type { Responder } from '../src/responders/responder.js'
import { MOCK_TOKENS } from '../src/tokens.js'

const seed = propertySeed('request-log')

/** A clock that moves forward by `step` ms on every read, so a request "takes" exactly `step` ms. */
function steppingClock(step: number): () => number {
  let time = 1000
  return () => {
    const now = time
    time += step
    return now
  }
}

function logged(responder: Responder): { lines: string[]; logging: Responder } {
  const lines: string[] = []
  return {
    lines,
    logging: withRequestLog(responder, {
      label: 'kaiten.sh',
      write: (line) => lines.push(line),
      now: steppingClock(7),
    }),
  }
}

const answer =
  (status: number): Responder =>
  async () =>
    new Response(null, { status })

describe('withRequestLog', () => {
  it('writes the API, method, path with query, status and milliseconds, and passes the response through', async () => {
    const { lines, logging } = logged(answer(422))
    const response = await logging(new Request('http://127.0.0.1:1/api/instances/acme/audit-trails?limit=0'))
    expect(response.status).toBe(422)
    expect(lines).toEqual(['kaiten.sh GET /api/instances/acme/audit-trails?limit=0 422 7 ms'])
  })

  it('logs a responder that throws, then lets the error through', async () => {
    const { lines, logging } = logged(async () => {
      throw new Error('boom')
    })
    await expect(logging(new Request('http://127.0.0.1:1/x', { method: 'DELETE' }))).rejects.toThrow('boom')
    expect(lines).toEqual(['kaiten.sh DELETE /x failed (Error: boom) 7 ms'])
  })

  it('never prints the bearer token, even when the path or query repeats it, raw or percent-encoded', async () => {
    const { lines, logging } = logged(answer(401))
    const token = 'sec/ret+tok=en'
    await logging(
      new Request(
        `http://127.0.0.1:1/api/${encodeURIComponent(token)}?q=${encodeURIComponent(token).toLowerCase()}&r=sec/ret`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      ),
    )
    await logging(new Request(`http://127.0.0.1:1/api/latest/audit-logs?x=${MOCK_TOKENS.kaitenRu.valid}`))
    expect(lines.join('\n')).not.toMatch(/sec%2Fret%2Btok|sec%2fret%2btok|kaiten-ru-mock-audit-admin/)
    expect(lines[0]).toBe('kaiten.sh GET /api/[redacted]?q=[redacted]&r=sec/ret 401 7 ms')
  })

  it('hides the values of query parameters that carry credentials', async () => {
    const { lines, logging } = logged(answer(200))
    await logging(new Request('http://127.0.0.1:1/a?limit=2&access_token=abc&api_key=def&Token=g&offset=4'))
    expect(lines).toEqual([
      'kaiten.sh GET /a?limit=2&access_token=[redacted]&api_key=[redacted]&Token=[redacted]&offset=4 200 7 ms',
    ])
  })

  it('shortens a long request target', async () => {
    const { lines, logging } = logged(answer(400))
    await logging(new Request(`http://127.0.0.1:1/api/latest/audit-logs?categories=${','.repeat(6000)}`))
    expect(lines[0]!.length).toBeLessThan(300)
    expect(lines[0]).toMatch(
      /^kaiten\.sh GET \/api\/latest\/audit-logs\?categories=,+… \(6034 characters\) 400 7 ms$/,
    )
  })

  it('keeps any header-safe token out of the line, wherever the request repeats it', async () => {
    await fc.assert(
      fc.asyncProperty(
        // The prefix keeps a short token from matching the line's own words (`kaiten.sh`, `redacted`).
        fc.stringMatching(/^[A-Za-z0-9._~+/=-]{2,40}$/).map((text) => `tok_${text}`),
        fc.constantFrom('path', 'query', 'encoded-query', 'lower-encoded-path'),
        async (token, where) => {
          const { lines, logging } = logged(answer(200))
          const encoded = encodeURIComponent(token)
          const target = {
            path: `/api/${token}`,
            query: `/api?v=${token}`,
            'encoded-query': `/api?v=${encoded}`,
            'lower-encoded-path': `/api/${encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}`,
          }[where]
          await logging(
            new Request(`http://127.0.0.1:1${target}`, { headers: { authorization: `Bearer ${token}` } }),
          )
          const line = lines[0]!
          return (
            !line.includes(token) &&
            !line.includes(encoded) &&
            !line.toLowerCase().includes(encoded.toLowerCase())
          )
        },
      ),
      { seed, numRuns: 200 },
    )
  })
})
