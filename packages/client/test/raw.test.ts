import { createKaitenShStore, kaitenShHandlers, MOCK_TOKENS, scenarios } from '@kaiten-audit/mocks'
import { expect, it } from 'vitest'
import { ConnectionError } from '../src/index.js'
import { shClient } from './support/clients.js'
import { recordRequests, SH_BASE_URL, useMswServer } from './support/msw.js'

const store = createKaitenShStore({ entries: 30 })
const server = useMswServer(...kaitenShHandlers({ baseUrl: SH_BASE_URL, store }))
const recorded = recordRequests(server)
const slug = store.instances()[0]?.slug ?? ''

it('exposes the openapi-fetch client with auth applied', async () => {
  const { data, error, response } = await shClient().raw.GET('/instances/{instanceSlug}/audit-trails', {
    params: { path: { instanceSlug: slug }, query: { limit: 2 } },
  })
  expect(error).toBeUndefined()
  expect(response.status).toBe(200)
  expect(data?.map((entry) => entry.id)).toEqual(
    store
      .entries(slug)
      .slice(0, 2)
      .map((entry) => entry.id),
  )
  expect(recorded.requests[0]?.headers.get('authorization')).toBe(`Bearer ${MOCK_TOKENS.kaitenSh.valid}`)
})

it('retries through the raw client too, and reports HTTP errors the openapi-fetch way', async () => {
  server.use(scenarios.serverErrors(SH_BASE_URL, { times: 1, status: 502 }))
  const ok = await shClient().raw.GET('/instances/{instanceSlug}/audit-trails', {
    params: { path: { instanceSlug: slug } },
  })
  expect(ok.response.status).toBe(200)
  expect(recorded.requests).toHaveLength(2)

  const denied = await shClient({ token: MOCK_TOKENS.kaitenSh.withoutScope }).raw.GET(
    '/instances/{instanceSlug}/audit-trails',
    { params: { path: { instanceSlug: slug } } },
  )
  expect(denied.response.status).toBe(403)
  expect(denied.error?.status).toBe(403)
})

it('throws the typed connection error from the raw client', async () => {
  server.use(scenarios.networkError(SH_BASE_URL))
  const error = await shClient({ maxRetries: 1 })
    .raw.GET('/instances/{instanceSlug}/audit-trails', { params: { path: { instanceSlug: slug } } })
    .catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(ConnectionError)
  expect(recorded.requests).toHaveLength(2)
})
