// The default target: the standalone mock servers, started for one run and stopped after it.
import { type MockServersOptions, startMockServers } from '@kaiten-audit/mocks/server'
import { INVALID_TOKENS, type KaitenRuTarget, type KaitenShTarget } from './checks/targets.js'

/**
 * Enough data for every check to bite: more than kaiten.ru's 500 clamp (so a missing clamp shows) and more than
 * kaiten.sh's 200 maximum per instance.
 */
export const MOCK_SIZES = { kaitenShEntries: 1500, kaitenRuEvents: 1200 } as const

export interface MockTarget {
  kaitenSh: KaitenShTarget
  kaitenRu: KaitenRuTarget
  close(): Promise<void>
}

export async function startMockTarget(
  options: Pick<MockServersOptions, 'wrap' | 'rateLimit' | 'seed' | 'sizes' | 'now'> = {},
): Promise<MockTarget> {
  const servers = await startMockServers({ ...options, sizes: { ...MOCK_SIZES, ...options.sizes } })
  return {
    kaitenSh: {
      api: 'kaiten-sh',
      baseUrl: servers.kaitenSh.baseUrl,
      validToken: servers.kaitenSh.token,
      forbiddenToken: servers.kaitenSh.tokenWithoutScope,
      invalidToken: INVALID_TOKENS['kaiten-sh'],
      instanceSlug: servers.kaitenSh.instanceSlug,
    },
    kaitenRu: {
      api: 'kaiten-ru',
      baseUrl: servers.kaitenRu.baseUrl,
      validToken: servers.kaitenRu.token,
      forbiddenToken: servers.kaitenRu.tokenWithoutAccess,
      invalidToken: INVALID_TOKENS['kaiten-ru'],
    },
    close: () => servers.close(),
  }
}
