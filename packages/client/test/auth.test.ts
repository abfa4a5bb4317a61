import { inspect } from 'node:util'
import { createKaitenShStore, kaitenShHandlers, MOCK_TOKENS } from '@kaiten-audit/mocks'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { AuthenticationError, InvalidTokenError, KaitenError } from '../src/index.js'
import { ruClient, shClient } from './support/clients.js'
import { leakedPieces } from './support/leaks.js'
import { RU_BASE_URL, recordRequests, SH_BASE_URL, useMswServer } from './support/msw.js'

const store = createKaitenShStore({ entries: 30 })
const server = useMswServer(...kaitenShHandlers({ baseUrl: SH_BASE_URL, store }))
const recorded = recordRequests(server)
const slug = store.instances()[0]?.slug ?? ''

describe('auth', () => {
  it('sends Authorization: Bearer on every request of an iteration', async () => {
    const entries = []
    for await (const entry of shClient().iterateAuditTrails(slug, { limit: 3 })) entries.push(entry)
    expect(entries.length).toBe(store.entries(slug).length)
    expect(recorded.requests.length).toBeGreaterThan(3)
    for (const request of recorded.requests) {
      expect(request.headers.get('authorization')).toBe(`Bearer ${MOCK_TOKENS.kaitenSh.valid}`)
    }
  })

  it('calls a token function before every attempt, so a rotated token is picked up by the retry', async () => {
    const tokens = ['ksh_expired_token_0000000000', MOCK_TOKENS.kaitenSh.valid]
    let calls = 0
    const seen: (string | null)[] = []
    server.use(
      http.get(`${SH_BASE_URL}/instances/:slug/audit-trails`, ({ request }) => {
        seen.push(request.headers.get('authorization'))
        // 503 first, so the client retries; the second attempt carries the rotated token.
        if (seen.length === 1) return new HttpResponse(null, { status: 503 })
        return undefined
      }),
    )
    const client = shClient({ token: async () => tokens[Math.min(calls++, 1)] as string })
    await expect(client.listAuditTrails(slug, { limit: 1 })).resolves.toHaveLength(1)
    expect(seen).toEqual([`Bearer ${tokens[0]}`, `Bearer ${tokens[1]}`])
  })

  it('maps a rejected token to AuthenticationError without retrying', async () => {
    const error = await shClient({ token: 'ksh_not_a_real_token_123456' })
      .listAuditTrails(slug)
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(recorded.requests).toHaveLength(1)
  })

  it('refuses a missing or empty token at construction, and a token function that yields nothing, before sending', async () => {
    expect(() => shClient({ token: '' })).toThrow(
      /token: an empty string is not allowed; allowed: a non-empty/,
    )
    expect(() => ruClient({ token: undefined as unknown as string })).toThrow(
      /token: undefined is not allowed/,
    )
    const error = await shClient({ token: () => '' })
      .listAuditTrails(slug)
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(KaitenError)
    expect(String(error)).toMatch(/token: an empty string is not allowed/)
    expect(recorded.requests).toHaveLength(0)
  })

  it('refuses a base URL that is not an absolute http(s) URL', () => {
    expect(() => shClient({ baseUrl: 'demo.kaiten.sh' })).toThrow(/baseUrl: "demo.kaiten.sh" is not allowed/)
    expect(() => ruClient({ baseUrl: 'ftp://example.kaiten.ru' })).toThrow(/absolute http\(s\) URL/)
    expect(RU_BASE_URL).toMatch(/^https:/)
  })

  it('refuses credentials in the base URL without repeating them', () => {
    const attempt = () => ruClient({ baseUrl: 'https://admin:hunter2-secret@example.kaiten.ru/api/latest' })
    expect(attempt).toThrow(/baseUrl: https:\/\/example.kaiten.ru\/api\/latest with user info is not allowed/)
    expect(attempt).not.toThrow(/hunter2/)
  })
})

describe('a token that cannot be sent as a header value', () => {
  const GOOD = 'ksh_Q7v/Zr2+Lp9w/Xt4+Mn8/Hc1='
  type Bad = [name: string, token: string, problem: RegExp]
  const bad: Bad[] = [
    [
      'a trailing line feed (a file read as is)',
      `${GOOD}\n`,
      /a line break \(U\+000A\) at index 29, the last character/,
    ],
    ['a CR LF in the middle', `ksh_Q7v/Zr2\r\n+Lp9w`, /a line break \(U\+000D\) at index 11/],
    ['a NUL', `ksh_Q7v\u0000/Zr2+Lp9w`, /a control character \(U\+0000\) at index 7/],
    ['a bell control character', `ksh_Q7v/Zr2+\u0007Lp9w`, /a control character \(U\+0007\) at index 12/],
    ['a DEL', `ksh_Q7v/Zr2+Lp9w\u007f`, /a control character \(U\+007F\) at index 16/],
    ['a non-Latin-1 character', `ksh_Q7v/Zr2\u2028+Lp9w`, /a non-ASCII character \(U\+2028\) at index 11/],
    ['a Latin-1 no-break space', `ksh_Q7v/Zr2\u00a0+Lp9w`, /a non-ASCII character \(U\+00A0\) at index 11/],
    ['a lone surrogate', `ksh_Q7v/\ud800Zr2+Lp9w`, /a non-ASCII character \(U\+D800\) at index 8/],
    ['a leading space', ` ${GOOD}`, /whitespace \(U\+0020\) at index 0/],
    ['a trailing tab', `${GOOD}\t`, /whitespace \(U\+0009\) at index 29/],
    ['a space inside', `ksh_Q7v/Zr2 +Lp9w`, /whitespace \(U\+0020\) at index 11/],
    [
      'the scheme included',
      `Bearer ${GOOD}`,
      /starting with "Bearer " is not allowed \(pass the token alone/,
    ],
  ]

  /** A fetch that counts what reaches it; nothing should. */
  function countingFetch() {
    const requests: Request[] = []
    return {
      requests,
      fetch: async (request: Request) => {
        requests.push(request)
        return HttpResponse.json([])
      },
    }
  }

  function expectDescribedWithoutToken(error: unknown, token: string, problem: RegExp): void {
    expect(error).toBeInstanceOf(InvalidTokenError)
    const message = (error as Error).message
    expect(message).toMatch(/^token: /)
    expect(message).toMatch(problem)
    expect(message).toMatch(/allowed: /)
    for (const piece of leakedPieces(`${message} ${inspect(error)} ${JSON.stringify(error)}`, [token])) {
      expect.fail(`the message quotes ${JSON.stringify(piece)} of the token: ${message}`)
    }
  }

  it.each(bad)('refuses %s given as a string, when the client is made', (_name, token, problem) => {
    const error = (() => {
      try {
        shClient({ token })
      } catch (thrown) {
        return thrown
      }
      return undefined
    })()
    expectDescribedWithoutToken(error, token, problem)
  })

  it.each(bad)(
    'refuses %s from a token function before sending, and never retries',
    async (_name, token, problem) => {
      const { requests, fetch } = countingFetch()
      let calls = 0
      const source = () => {
        calls++
        return token
      }
      const sh = shClient({ token: source, fetch, maxRetries: 3 })
      expectDescribedWithoutToken(
        await sh.listAuditTrails(slug).catch((reason: unknown) => reason),
        token,
        problem,
      )
      expect(calls).toBe(1)
      expectDescribedWithoutToken(
        await sh.raw
          .GET('/instances/{instanceSlug}/audit-trails', { params: { path: { instanceSlug: slug } } })
          .catch((reason: unknown) => reason),
        token,
        problem,
      )
      expect(calls).toBe(2)
      expect(requests).toHaveLength(0)
      expect(recorded.requests).toHaveLength(0)
    },
  )

  it('sends a token of visible ASCII characters as it is', async () => {
    const { requests, fetch } = countingFetch()
    await ruClient({ token: () => GOOD, fetch }).listAuditLogs()
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([`Bearer ${GOOD}`])
  })
})
