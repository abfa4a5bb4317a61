import { MOCK_TOKENS } from '@kaiten-audit/mocks'
import {
  createKaitenRuClient,
  createKaitenShClient,
  type KaitenRuClientOptions,
  type KaitenShClientOptions,
} from '../../src/index.js'
import { RU_BASE_URL, SH_BASE_URL } from './msw.js'

/** Retry backoff short enough for tests; server-requested waits are still honoured. */
export const FAST_RETRIES = { initialDelayMs: 1, maxDelayMs: 4 } as const

export function shClient(overrides: Partial<KaitenShClientOptions> = {}) {
  return createKaitenShClient({
    baseUrl: SH_BASE_URL,
    token: MOCK_TOKENS.kaitenSh.valid,
    retryDelay: FAST_RETRIES,
    ...overrides,
  })
}

export function ruClient(overrides: Partial<KaitenRuClientOptions> = {}) {
  return createKaitenRuClient({
    baseUrl: RU_BASE_URL,
    token: MOCK_TOKENS.kaitenRu.valid,
    retryDelay: FAST_RETRIES,
    rateLimit: false,
    ...overrides,
  })
}
