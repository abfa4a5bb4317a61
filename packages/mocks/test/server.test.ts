import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockServers, startMockServers } from '../src/server.js'
import { violationsOf } from './support/conformance.js'

// Every test here goes over a real socket; the limit is generous because a busy machine is slow, not wrong.
const IO_TIMEOUT_MS = 30_000

describe('startMockServers over real HTTP', { timeout: IO_TIMEOUT_MS }, () => {
  let servers: MockServers
  // The rate limiter's clock: requests fall into the window a test chooses, however slowly they are sent.
  let now = Date.UTC(2026, 3, 1, 12, 0, 0, 100)
  beforeAll(async () => {
    servers = await startMockServers({
      seed: 4,
      sizes: { kaitenShEntries: 120, kaitenRuEvents: 90 },
      now: () => now,
    })
  }, IO_TIMEOUT_MS)
  afterAll(() => servers.close())

  it('binds both fakes to 127.0.0.1 on free ports under their API paths', () => {
    expect(servers.kaitenSh.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/)
    expect(servers.kaitenRu.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/latest$/)
    expect(servers.kaitenSh.baseUrl).not.toBe(servers.kaitenRu.baseUrl.replace('/latest', ''))
    expect(servers.kaitenSh.instanceSlug).toBe(servers.stores.kaitenSh.instances()[0]!.slug)
  })

  it('serves kaiten.sh as the spec documents, from the store it exposes', async () => {
    const { baseUrl, token, tokenWithoutScope, instanceSlug } = servers.kaitenSh
    const url = `${baseUrl}/instances/${instanceSlug}/audit-trails?limit=5`
    const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
    const { violations, body } = await violationsOf('kaiten-sh', ok)
    expect(ok.status).toBe(200)
    expect(violations).toEqual([])
    expect(JSON.parse(body)).toEqual(servers.stores.kaitenSh.entries(instanceSlug).slice(0, 5))
    expect((await fetch(url, { headers: { authorization: `Bearer ${tokenWithoutScope}` } })).status).toBe(403)
    const invalid = await fetch(`${url}&offset=-1`, { headers: { authorization: `Bearer ${token}` } })
    expect(invalid.status).toBe(422)
    expect((await violationsOf('kaiten-sh', invalid)).violations).toEqual([])
  })

  it('serves kaiten.ru with the rate limit on by default, in windows of the injected clock', async () => {
    const { baseUrl, token } = servers.kaitenRu
    const statuses: number[] = []
    const send = async () => {
      const response = await fetch(`${baseUrl}/audit-logs?limit=3`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect((await violationsOf('kaiten-ru', response)).violations).toEqual([])
      statuses.push(response.status)
    }
    for (let i = 0; i < 6; i++) await send()
    now += 1000
    await send()
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 200])
  })

  it('dates kaiten.ru responses and spends its rate limit on the clock it is given', async () => {
    const now = Date.UTC(2026, 3, 1, 12, 0, 0, 500)
    const clocked = await startMockServers({
      now: () => now,
      sizes: { kaitenShEntries: 5, kaitenRuEvents: 5 },
    })
    try {
      const { baseUrl, token } = clocked.kaitenRu
      const response = await fetch(`${baseUrl}/audit-logs?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(response.headers.get('date')).toBe('Wed, 01 Apr 2026 12:00:00 GMT')
      expect(response.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2026, 3, 1, 12, 0, 1) / 1000))
    } finally {
      await clocked.close()
    }
  })

  it('answers an unknown path with 404', async () => {
    expect((await fetch(`${servers.kaitenSh.baseUrl}/nothing`)).status).toBe(404)
  })
})

describe('startMockServers options', { timeout: IO_TIMEOUT_MS }, () => {
  it('puts a wrapper in front of the faithful responder, so a contract check can be shown a broken server', async () => {
    const servers = await startMockServers({
      rateLimit: false,
      sizes: { kaitenShEntries: 20, kaitenRuEvents: 20 },
      wrap: {
        // Drop `status` from every problem body.
        kaitenSh: (faithful) => async (request) => {
          const response = await faithful(request)
          if (response.ok) return response
          const { status: _dropped, ...rest } = (await response.json()) as Record<string, unknown>
          return new Response(JSON.stringify(rest), { status: response.status, headers: response.headers })
        },
        // Serve pages as text/plain.
        kaitenRu: (faithful) => async (request) => {
          const response = await faithful(request)
          const headers = new Headers(response.headers)
          headers.set('content-type', 'text/plain')
          return new Response(response.body, { status: response.status, headers })
        },
      },
    })
    try {
      const problem = await fetch(`${servers.kaitenSh.baseUrl}/instances/x/audit-trails`)
      expect(problem.status).toBe(401)
      const shViolations = (await violationsOf('kaiten-sh', problem)).violations
      expect(shViolations.map((violation) => violation.path)).toContain('$.body.status')

      const page = await fetch(`${servers.kaitenRu.baseUrl}/audit-logs`, {
        headers: { authorization: `Bearer ${servers.kaitenRu.token}` },
      })
      const ruViolations = (await violationsOf('kaiten-ru', page)).violations
      expect(ruViolations.map((violation) => violation.path)).toContain('$.headers["content-type"]')

      for (let i = 0; i < 8; i++) {
        const response = await fetch(`${servers.kaitenRu.baseUrl}/audit-logs?limit=1`, {
          headers: { authorization: `Bearer ${servers.kaitenRu.token}` },
        })
        expect(response.status).toBe(200)
        await response.arrayBuffer()
      }
    } finally {
      await servers.close()
    }
  })

  it('drops the connection when a wrapped body fails part-way, as a real truncated response does', async () => {
    const servers = await startMockServers({
      sizes: { kaitenShEntries: 10, kaitenRuEvents: 10 },
      wrap: {
        kaitenSh: () => async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('[{"id": 1'))
                controller.error(new Error('cut'))
              },
            }),
            { status: 200, headers: { 'content-type': 'application/json' } },
          ),
      },
    })
    try {
      const response = await fetch(`${servers.kaitenSh.baseUrl}/instances/acme-production/audit-trails`)
      expect(response.status).toBe(200)
      await expect(response.text()).rejects.toThrow()
    } finally {
      await servers.close()
    }
  })

  it('closes cleanly: the ports stop answering', async () => {
    const servers = await startMockServers({ sizes: { kaitenShEntries: 1, kaitenRuEvents: 1 } })
    const url = `${servers.kaitenRu.baseUrl}/audit-logs`
    expect((await fetch(url)).status).toBe(401)
    await servers.close()
    await expect(fetch(url)).rejects.toThrow()
  })

  it('rejects a port outside 0–65535 with the option name and what is allowed', async () => {
    await expect(startMockServers({ ports: { kaitenRu: 70_000 } })).rejects.toThrow(
      /ports.kaitenRu: 70000 is not allowed; allowed: an integer from 0 to 65535/,
    )
  })
})
