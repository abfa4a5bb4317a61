import {
  createKaitenRuStore,
  createKaitenShStore,
  kaitenRuHandlers,
  kaitenShHandlers,
} from '@kaiten-audit/mocks'
import type { RequestHandler } from 'msw'
import { type SetupServer, setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

export const SH_BASE_URL = 'https://demo.kaiten.sh'
export const RU_BASE_URL = 'https://example.kaiten.ru/api/latest'

/** One MSW server per test file: unhandled requests fail the test; overrides are dropped after each test. */
export function useMswServer(...handlers: RequestHandler[]): SetupServer {
  const server = setupServer(...handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** Every request the server sees, in order; emptied after each test. */
export function recordRequests(server: SetupServer): { requests: Request[]; urls: () => URL[] } {
  const requests: Request[] = []
  server.events.on('request:start', ({ request }) => {
    requests.push(request.clone())
  })
  afterEach(() => {
    requests.length = 0
  })
  return { requests, urls: () => requests.map((request) => new URL(request.url)) }
}

/** Node's count of pending timers: an aborted call or iteration must leave none behind. */
export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length
}

/**
 * Both mock APIs with small stores (20 items each, kaiten.ru's rate limit off) behind one recorded MSW server:
 * the setup of tests that look at single requests rather than at paging through data.
 */
export function useSmallMockApis() {
  const shStore = createKaitenShStore({ entries: 20 })
  const server = useMswServer(
    ...kaitenShHandlers({ baseUrl: SH_BASE_URL, store: shStore }),
    ...kaitenRuHandlers({
      baseUrl: RU_BASE_URL,
      store: createKaitenRuStore({ events: 20 }),
      rateLimit: false,
    }),
  )
  return { server, shStore, recorded: recordRequests(server), slug: shStore.instances()[0]?.slug ?? '' }
}
