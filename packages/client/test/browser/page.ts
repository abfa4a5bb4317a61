// Runs in Chromium: both clients against the mocks' MSW service worker, then posts what happened to the runner.

import { createKaitenRuStore, kaitenRuHandlers, MOCK_TOKENS, scenarios } from '@kaiten-audit/mocks'
import { createMockWorker } from '@kaiten-audit/mocks/browser'
import {
  ApiError,
  createKaitenRuClient,
  createKaitenShClient,
  InvalidParameterError,
  RequestAbortedError,
} from '../../src/index.js'

const RU_BASE_URL = 'https://example.kaiten.ru/api/latest'
const SH_BASE_URL = 'https://demo.kaiten.sh'

async function failureOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call()
    return 'no error'
  } catch (error) {
    const status = error instanceof ApiError ? ` ${error.status}` : ''
    return `${(error as Error).name}${status}`
  }
}

async function run(): Promise<Record<string, unknown>> {
  const worker = createMockWorker(
    ...kaitenRuHandlers({
      baseUrl: RU_BASE_URL,
      store: createKaitenRuStore({ events: 1250 }),
      rateLimit: false,
    }),
  )
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })

  const ru = createKaitenRuClient({
    baseUrl: RU_BASE_URL,
    token: MOCK_TOKENS.kaitenRu.valid,
    rateLimit: false,
  })
  const sh = createKaitenShClient({ baseUrl: SH_BASE_URL, token: MOCK_TOKENS.kaitenSh.valid })

  const ids = new Set<string>()
  let events = 0
  for await (const event of ru.iterateAuditLogs({ limit: 1000 })) {
    events++
    ids.add(event.id)
  }
  const page = await sh.listAuditTrails('acme-production', { limit: 10 })
  worker.use(scenarios.serverErrors(SH_BASE_URL, { times: 2, status: 503 }))
  const afterTwo503s = await sh.listAuditTrails('acme-production', { limit: 3 }, { maxRetries: 2 })
  const aborted = new AbortController()
  aborted.abort()
  return {
    userAgent: navigator.userAgent,
    iterated: { events, unique: ids.size },
    kaitenShPage: page.length,
    afterTwo503s: afterTwo503s.length,
    unknownInstance: await failureOf(() => sh.listAuditTrails('no-such-instance')),
    unknownCategory: await failureOf(() => ru.listAuditLogs({ categories: ['payroll' as never] })),
    invalidIsTyped:
      (await ru.listAuditLogs({ limit: -1 }).catch((error: unknown) => error)) instanceof
      InvalidParameterError,
    abortedIsTyped:
      (await ru.listAuditLogs({}, { signal: aborted.signal }).catch((error: unknown) => error)) instanceof
      RequestAbortedError,
  }
}

const result = await run().catch((error: unknown) => ({ error: String((error as Error)?.stack ?? error) }))
await fetch('/__result', { method: 'POST', body: JSON.stringify(result) })
