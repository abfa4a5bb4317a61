// @kaiten-audit/mocks/server (Node only): both fakes as real HTTP servers on 127.0.0.1, for curl, non-JS clients
// and the contract tests.

import { KAITEN_RU_RATE_LIMIT } from '@kaiten-audit/query'
import { type ServedResponder, serveResponder } from './http-adapter.js'
import { isListenHost, LISTEN_HOST_ALLOWED } from './listen-address.js'
import { createKaitenRuResponder } from './responders/kaiten-ru.js'
import { createKaitenShResponder } from './responders/kaiten-sh.js'
import { problemResponse } from './responders/problem.js'
import { bodilessResponse } from './responders/reason-header.js'
import type { Responder } from './responders/responder.js'
import { createKaitenRuStore, type KaitenRuStore } from './store/kaiten-ru.js'
import { createKaitenShStore, type KaitenShStore } from './store/kaiten-sh.js'
import { MOCK_TOKENS } from './tokens.js'

export type { Responder }

/** Options of {@link startMockServers}; every one has a default. */
export interface MockServersOptions {
  /** Default 1. */
  seed?: number
  sizes?: { kaitenShEntries?: number; kaitenRuEvents?: number }
  /** kaiten.ru's 5 requests per second per token. Default true. */
  rateLimit?: boolean
  /** The address both servers listen on. Default `127.0.0.1`: only this machine can reach them. */
  host?: string
  /**
   * kaiten.ru's clock in epoch milliseconds: its rate-limit windows and `Date` header. Default `Date.now`; a test can
   * share a virtual clock with the client that paces against it.
   */
  now?: () => number
  /** Default 0: a free port chosen by the system. */
  ports?: { kaitenSh?: number; kaitenRu?: number }
  /** Put a deliberately broken behaviour in front of the faithful responder. */
  wrap?: {
    /** Gets the faithful kaiten.sh responder and returns the one the server uses. */
    kaitenSh?: (faithful: Responder) => Responder
    /** Gets the faithful kaiten.ru responder and returns the one the server uses. */
    kaitenRu?: (faithful: Responder) => Responder
  }
}

/** Both running fakes: where to reach them, which tokens they accept, the stores behind them. */
export interface MockServers {
  kaitenSh: { baseUrl: string; token: string; tokenWithoutScope: string; instanceSlug: string }
  kaitenRu: { baseUrl: string; token: string; tokenWithoutAccess: string }
  stores: { kaitenSh: KaitenShStore; kaitenRu: KaitenRuStore }
  /** Stops both servers, dropping open connections; resolves once both are closed. */
  close(): Promise<void>
}

/** The self-hosted kaiten.sh layout serves every path under `/api`. */
const KAITEN_SH_BASE_PATH = '/api'
const KAITEN_RU_BASE_PATH = '/api/latest'

function checkPort(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65_535) return value
  throw new Error(
    `${name}: ${JSON.stringify(value)} is not allowed; allowed: an integer from 0 to 65535 (0: any free port)`,
  )
}

/**
 * Starts both fakes as real HTTP servers (on 127.0.0.1 unless `host` says otherwise), for curl, non-JS clients and
 * end-to-end tests. Call `close()` when done.
 */
export async function startMockServers(options: MockServersOptions = {}): Promise<MockServers> {
  const host = options.host ?? '127.0.0.1'
  if (!isListenHost(host))
    throw new Error(`host: ${JSON.stringify(host)} is not allowed; allowed: ${LISTEN_HOST_ALLOWED}`)
  const seed = options.seed ?? 1
  const stores = {
    kaitenSh: createKaitenShStore({
      seed,
      ...(options.sizes?.kaitenShEntries !== undefined ? { entries: options.sizes.kaitenShEntries } : {}),
    }),
    kaitenRu: createKaitenRuStore({
      seed,
      ...(options.sizes?.kaitenRuEvents !== undefined ? { events: options.sizes.kaitenRuEvents } : {}),
    }),
  }
  const shPort = checkPort('ports.kaitenSh', options.ports?.kaitenSh ?? 0)
  const ruPort = checkPort('ports.kaitenRu', options.ports?.kaitenRu ?? 0)
  const shFaithful = createKaitenShResponder({ store: stores.kaitenSh, basePath: KAITEN_SH_BASE_PATH })
  const ruFaithful = createKaitenRuResponder({
    store: stores.kaitenRu,
    basePath: KAITEN_RU_BASE_PATH,
    rateLimit: options.rateLimit === false ? false : KAITEN_RU_RATE_LIMIT,
    ...(options.now ? { now: options.now } : {}),
  })
  const instanceSlug = stores.kaitenSh.instances()[0]?.slug ?? ''

  const served: ServedResponder[] = []
  try {
    served.push(
      await serveResponder(options.wrap?.kaitenSh?.(shFaithful) ?? shFaithful, shPort, {
        host,
        refusal: (status, reason, headers) => problemResponse(status, reason, undefined, headers),
      }),
    )
    served.push(
      await serveResponder(options.wrap?.kaitenRu?.(ruFaithful) ?? ruFaithful, ruPort, {
        host,
        refusal: bodilessResponse,
      }),
    )
  } catch (error) {
    await Promise.all(served.map((server) => server.close()))
    throw error
  }
  const [sh, ru] = served as [ServedResponder, ServedResponder]
  return {
    kaitenSh: {
      baseUrl: `${sh.origin}${KAITEN_SH_BASE_PATH}`,
      token: MOCK_TOKENS.kaitenSh.valid,
      tokenWithoutScope: MOCK_TOKENS.kaitenSh.withoutScope,
      instanceSlug,
    },
    kaitenRu: {
      baseUrl: `${ru.origin}${KAITEN_RU_BASE_PATH}`,
      token: MOCK_TOKENS.kaitenRu.valid,
      tokenWithoutAccess: MOCK_TOKENS.kaitenRu.withoutAccess,
    },
    stores,
    close: async () => {
      await Promise.all(served.map((server) => server.close()))
    },
  }
}
