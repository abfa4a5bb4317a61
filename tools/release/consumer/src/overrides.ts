// The mocks' typed handler factories in a consumer's own MSW setup, overriding one response and then letting the
// faithful mock answer again.

import assert from 'node:assert/strict'
import {
  createKaitenRuClient,
  createKaitenShClient,
  type KaitenShClient,
  PermissionDeniedError,
} from '@kaiten-audit/client'
import { DEFAULT_BASE_URLS, kaitenRuHttp, kaitenShHttp, MOCK_TOKENS } from '@kaiten-audit/mocks'
import { createMockServer } from '@kaiten-audit/mocks/node'

type AuditTrailEntry = Awaited<ReturnType<KaitenShClient['listAuditTrails']>>[number]

const overridden: AuditTrailEntry = {
  id: 1,
  instanceId: '5b0c7a3e-3f0e-4f51-9a53-0c6f1f4f2a10',
  instanceSlug: 'acme-production',
  eventName: 'kaiten.v1.feature_flag.evaluate',
  payload: { flag: 'from-the-override' },
  status: 'ACCEPTED',
  timestamp: '2026-04-02T09:30:00Z',
}

/** Runs the checks, reporting each passed one through `ok`. */
export async function checkTypedOverrides(ok: (what: string) => void): Promise<void> {
  const server = createMockServer()
  server.listen({ onUnhandledRequest: 'error' })
  try {
    const sh = createKaitenShClient({
      baseUrl: DEFAULT_BASE_URLS.kaitenSh,
      token: MOCK_TOKENS.kaitenSh.valid,
    })
    server.use(
      kaitenShHttp().get(
        '/instances/{instanceSlug}/audit-trails',
        ({ params, response }) => response(200).json([{ ...overridden, instanceSlug: params.instanceSlug }]),
        { once: true },
      ),
    )
    assert.deepEqual(await sh.listAuditTrails('acme-production'), [overridden])
    assert.equal((await sh.listAuditTrails('acme-production')).length, 50)
    ok('kaitenShHttp() override answered once through server.use(), then the faithful mock (50 entries)')

    const ru = createKaitenRuClient({
      baseUrl: DEFAULT_BASE_URLS.kaitenRu,
      token: MOCK_TOKENS.kaitenRu.valid,
      rateLimit: false,
    })
    server.use(kaitenRuHttp().get('/audit-logs', ({ response }) => response(403).empty(), { once: true }))
    await assert.rejects(ru.listAuditLogs(), PermissionDeniedError)
    ok('kaitenRuHttp() bodyless 403 override: PermissionDeniedError')
  } finally {
    server.close()
  }
}
