// Both clients against the standalone mock servers (`pnpm mock`), whose URLs and tokens come from the environment.

import assert from 'node:assert/strict'
import {
  createKaitenRuClient,
  createKaitenShClient,
  InvalidParameterError,
  type KaitenShClient,
  PermissionDeniedError,
} from '@kaiten-audit/client'

type AuditTrailEntry = Awaited<ReturnType<KaitenShClient['listAuditTrails']>>[number]

function env(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

/** Runs the checks, reporting each passed one through `ok`. */
export async function checkLiveServers(ok: (what: string) => void): Promise<void> {
  const shBaseUrl = env('KAITEN_SH_BASE_URL')
  const instance = env('KAITEN_SH_INSTANCE')
  const sh = createKaitenShClient({ baseUrl: shBaseUrl, token: env('KAITEN_SH_TOKEN') })

  const page: AuditTrailEntry[] = await sh.listAuditTrails(instance, { limit: 5 })
  assert.equal(page.length, 5)
  assert.ok(page.every((entry) => entry.instanceSlug === instance))
  ok(`kaiten.sh listAuditTrails('${instance}', { limit: 5 }): 5 entries, newest ${page[0]?.timestamp}`)

  let rejected = 0
  for await (const entry of sh.iterateAuditTrails(instance, {
    event_name: 'kaiten.v1.entitlement.usage.report.rejected',
  })) {
    assert.equal(entry.status, 'REJECTED')
    rejected += 1
  }
  assert.ok(rejected > 0)
  ok(`kaiten.sh iterateAuditTrails filtered by event_name: ${rejected} entries, all REJECTED`)

  const withoutScope = createKaitenShClient({
    baseUrl: shBaseUrl,
    token: env('KAITEN_SH_TOKEN_WITHOUT_SCOPE'),
  })
  await assert.rejects(withoutScope.listAuditTrails(instance), (error) => {
    assert.ok(error instanceof PermissionDeniedError)
    assert.equal(error.status, 403)
    return true
  })
  ok('kaiten.sh token without scope: PermissionDeniedError, status 403')

  await assert.rejects(sh.listAuditTrails(instance, { limit: 0 }), InvalidParameterError)
  ok('kaiten.sh limit 0: InvalidParameterError before any request')

  const ru = createKaitenRuClient({ baseUrl: env('KAITEN_RU_BASE_URL'), token: env('KAITEN_RU_TOKEN') })
  const events = await ru.listAuditLogs({ categories: ['auth'], limit: 3 })
  assert.equal(events.length, 3)
  assert.ok(events.every((event) => event.category === 'auth'))
  ok(
    `kaiten.ru listAuditLogs({ categories: ['auth'], limit: 3 }): 3 auth events, newest ${events[0]?.created}`,
  )
}
