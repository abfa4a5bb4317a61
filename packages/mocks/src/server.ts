// @kaiten-audit/mocks/server (Node only): both fakes as real HTTP servers on 127.0.0.1, for curl, non-JS clients
// and the contract tests.

import type { ApiModel } from '@kaiten-audit/types'
import type { MockApi } from './apis.js'
import { standaloneBasePath } from './base-url.js'
import { type ServedResponder, serveResponder } from './http-adapter.js'
import { isListenHost, LISTEN_HOST_ALLOWED } from './listen-address.js'
import { operationFor } from './operations.js'
import { apiErrorResponse } from './responders/api-error.js'
import { createKaitenRuResponder } from './responders/kaiten-ru.js'
import { createKaitenShResponder } from './responders/kaiten-sh.js'
import type { ApiResponder, KaitenRuResponder, KaitenShResponder, Responder } from './responders/responder.js'
import { withScenarioHeader } from './scenarios/header.js'
import { type Scenario, type ScenarioClock, systemClock } from './scenarios/scenario.js'
import { createKaitenRuStore, type KaitenRuStore } from './store/kaiten-ru.js'
import { createKaitenShStore, type KaitenShStore } from './store/kaiten-sh.js'
import { MOCK_TOKENS } from './tokens.js'

export type { KaitenRuResponder, KaitenShResponder, Responder, Scenario }

/** Options of {@link startMockServers}; every one has a default. */
export interface MockServersOptions {
  /** Default 1. */
  seed?: number
  sizes?: { kaitenShEntries?: number; kaitenRuEvents?: number }
  /** kaiten.ru's documented rate limit (its model's `x-rate-limit`) per token. Default true. */
  rateLimit?: boolean
  /** The address both servers listen on. Default `127.0.0.1`: only this machine can reach them. */
  host?: string
  /**
   * Clock in epoch milliseconds for kaiten.ru's rate-limit windows and `Date` header, and for scenarios. Default
   * `Date.now`; a test can share a virtual clock with the client that paces against it.
   */
  now?: () => number
  /** The wait of `latency` scenarios. Default: a timer. */
  sleep?: (ms: number) => Promise<void>
  /**
   * Scenarios in front of the faithful responders: a list applies each to every API it applies to; the object form
   * names the API. The first one listed is outermost. Requests may add one more with the `X-Mock-Scenario` header.
   */
  scenarios?: readonly Scenario[] | { kaitenSh?: readonly Scenario[]; kaitenRu?: readonly Scenario[] }
  /** The API models the servers follow (routes, servers, validation, statuses, rate limit). Default: the generated ones. */
  models?: { kaitenSh?: ApiModel; kaitenRu?: ApiModel }
  /** Default 0: a free port chosen by the system. */
  ports?: { kaitenSh?: number; kaitenRu?: number }
  /**
   * Put a deliberately broken behaviour in front of the faithful responder (after `scenarios`, and outside the
   * `X-Mock-Scenario` header). A scenario's `wrap` fits here.
   */
  wrap?: {
    /** Gets the faithful kaiten.sh responder and returns the one the server uses. */
    kaitenSh?: (faithful: KaitenShResponder) => Responder
    /** Gets the faithful kaiten.ru responder and returns the one the server uses. */
    kaitenRu?: (faithful: KaitenRuResponder) => Responder
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

function checkPort(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65_535) return value
  throw new Error(
    `${name}: ${JSON.stringify(value)} is not allowed; allowed: an integer from 0 to 65535 (0: any free port)`,
  )
}

/** The scenarios `options` puts in front of `api`, innermost first. */
function scenariosFor(api: MockApi, given: MockServersOptions['scenarios']): Scenario[] {
  if (!given) return []
  const list = Array.isArray(given)
    ? (given as readonly Scenario[]).filter((scenario) => scenario.apis.includes(api))
    : ((api === 'kaiten-sh'
        ? (given as { kaitenSh?: readonly Scenario[] }).kaitenSh
        : (given as { kaitenRu?: readonly Scenario[] }).kaitenRu) ?? [])
  return [...list].reverse()
}

/** The faithful responder behind its scenarios and the per-request header. */
function withScenarios<R extends ApiResponder>(
  faithful: R,
  options: MockServersOptions,
  clock: ScenarioClock,
): R {
  const wrapped = scenariosFor(faithful.api, options.scenarios).reduce<ApiResponder>(
    (inner, scenario) => scenario.wrap(inner, clock),
    faithful,
  )
  return withScenarioHeader(wrapped as R, clock)
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
  const clock: ScenarioClock = {
    now: options.now ?? systemClock.now,
    sleep: options.sleep ?? systemClock.sleep,
  }
  const shModel = options.models?.kaitenSh
  const ruModel = options.models?.kaitenRu
  const shBasePath = standaloneBasePath(operationFor('kaiten-sh', shModel))
  const ruBasePath = standaloneBasePath(operationFor('kaiten-ru', ruModel))
  const shFaithful = createKaitenShResponder({
    store: stores.kaitenSh,
    basePath: shBasePath,
    ...(shModel ? { model: shModel } : {}),
  })
  const ruFaithful = createKaitenRuResponder({
    store: stores.kaitenRu,
    basePath: ruBasePath,
    ...(options.rateLimit === false ? { rateLimit: false } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(ruModel ? { model: ruModel } : {}),
  })
  const instanceSlug = stores.kaitenSh.instances()[0]?.slug ?? ''
  const sh = withScenarios(shFaithful, options, clock)
  const ru = withScenarios(ruFaithful, options, clock)

  const served: ServedResponder[] = []
  try {
    served.push(
      await serveResponder(options.wrap?.kaitenSh?.(sh) ?? sh, shPort, {
        host,
        refusal: (status, reason, headers) => apiErrorResponse('kaiten-sh', status, reason, headers),
      }),
    )
    served.push(
      await serveResponder(options.wrap?.kaitenRu?.(ru) ?? ru, ruPort, {
        host,
        refusal: (status, reason, headers) => apiErrorResponse('kaiten-ru', status, reason, headers),
      }),
    )
  } catch (error) {
    await Promise.all(served.map((server) => server.close()))
    throw error
  }
  const [shServed, ruServed] = served as [ServedResponder, ServedResponder]
  return {
    kaitenSh: {
      baseUrl: `${shServed.origin}${shBasePath}`,
      token: MOCK_TOKENS.kaitenSh.valid,
      tokenWithoutScope: MOCK_TOKENS.kaitenSh.withoutScope,
      instanceSlug,
    },
    kaitenRu: {
      baseUrl: `${ruServed.origin}${ruBasePath}`,
      token: MOCK_TOKENS.kaitenRu.valid,
      tokenWithoutAccess: MOCK_TOKENS.kaitenRu.withoutAccess,
    },
    stores,
    close: async () => {
      await Promise.all(served.map((server) => server.close()))
    },
  }
}
