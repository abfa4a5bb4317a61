// Never run: each line below must fail to compile, and tsc fails on an unused @ts-expect-error. So the published
// declarations, not only the code, are what this consumer checks.

import { createKaitenRuClient, createKaitenShClient } from '@kaiten-audit/client'
import { kaitenRuHttp, kaitenShHttp } from '@kaiten-audit/mocks'

export function typeChecks(): void {
  const sh = createKaitenShClient({ baseUrl: 'https://demo.kaiten.sh', token: 't' })
  const ru = createKaitenRuClient({ baseUrl: 'https://acme.kaiten.ru/api/latest', token: 't' })
  // @ts-expect-error an unknown query parameter
  void sh.listAuditTrails('acme', { limt: 5 })
  // @ts-expect-error not a kaiten.ru category
  void ru.listAuditLogs({ categories: ['payroll'] })
  // @ts-expect-error kaiten.sh has no such path
  kaitenShHttp().get('/audit-logs', () => new Response())
  // @ts-expect-error a 200 body is a list of entries
  kaitenShHttp().get('/instances/{instanceSlug}/audit-trails', ({ response }) => response(200).json({}))
  // @ts-expect-error kaiten.ru documents its 401 without a body
  kaitenRuHttp().get('/audit-logs', ({ response }) => response(401).json({ message: 'no' }))
}
