import { createKaitenShStore, kaitenShHandlers, MOCK_TOKENS } from '@kaiten-audit/mocks'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { AuthenticationError, KaitenError } from '../src/index.js'
import { ruClient, shClient } from './support/clients.js'
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
