// The default target: the standalone mock servers, started for one run and stopped after it.
import { type MockServersOptions, startMockServers } from '@kaiten-audit/mocks/server'
import { INVALID_TOKENS, type KaitenRuTarget, type KaitenShTarget } from './checks/targets.js'

/**
 * Enough data for every check to bite: more than twice the largest page of each generated model (kaiten.ru's clamp,
 * kaiten.sh's maximum per instance), so a missing clamp or maximum shows; `test/spec-model.test.ts` holds them to it.
 */
export const MOCK_SIZES = { kaitenShEntries: 1500, kaitenRuEvents: 1200 } as const

export interface MockTarget {
  kaitenSh: KaitenShTarget
  kaitenRu: KaitenRuTarget
  close(): Promise<void>
}

/**
 * Starts the mock servers with `options` (`models`: the API models the fakes follow; `wrap`: a fault in front of the
 * faithful responder) and describes them as the run's targets.
 */
export async function startMockTarget(
  options: Pick<
    MockServersOptions,
    'wrap' | 'rateLimit' | 'seed' | 'sizes' | 'now' | 'models' | 'scenarios'
  > = {},
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
