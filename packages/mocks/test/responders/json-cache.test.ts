import { propertySeed } from '@kaiten-audit/types/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringifyItems } from '../../src/responders/json-cache.js'
import { textResponse, unreadBodyText } from '../../src/responders/responder.js'
import { startMockServers } from '../../src/server.js'

describe('stringifyItems', () => {
  it('gives exactly JSON.stringify of the array, frozen or not, cached or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 8 }),
        fc.boolean(),
        (items, freeze) => {
          const stored = freeze ? items.map((item) => Object.freeze(item)) : items
          expect(stringifyItems(stored)).toBe(JSON.stringify(stored))
          expect(stringifyItems(stored)).toBe(JSON.stringify(stored))
        },
      ),
      { seed: propertySeed('stringifyItems') },
    )
  })
})

describe('body text shortcut', () => {
  it('is offered only while the body is unread', async () => {
    const response = textResponse('[1]', { status: 200, headers: {} })
    expect(unreadBodyText(response)).toBe('[1]')
    await response.text()
    expect(unreadBodyText(response)).toBeUndefined()
  })

  // Real sockets: a generous limit, because a busy machine is slow, not wrong.
  it('sends the same bytes over HTTP as the generic streaming path', { timeout: 30_000 }, async () => {
    const direct = await startMockServers({ rateLimit: false })
    const streamed = await startMockServers({
      rateLimit: false,
      wrap: {
        kaitenSh: (faithful) => async (request) => {
          const response = await faithful(request)
          return new Response(response.body, response)
        },
      },
    })
    try {
      for (const query of ['', '?limit=200&offset=7', '?limit=0']) {
        const fetchBody = async (baseUrl: string) => {
          const response = await fetch(`${baseUrl}/instances/acme-production/audit-trails${query}`, {
            headers: { authorization: `Bearer ${direct.kaitenSh.token}` },
          })
          return [response.status, response.headers.get('content-type'), await response.text()]
        }
        expect(await fetchBody(direct.kaitenSh.baseUrl)).toEqual(await fetchBody(streamed.kaitenSh.baseUrl))
      }
    } finally {
      await Promise.all([direct.close(), streamed.close()])
    }
  })
})
