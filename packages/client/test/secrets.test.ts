import { inspect } from 'node:util'
import { createKaitenRuStore, kaitenRuHandlers, scenarios } from '@kaiten-audit/mocks'
import { HttpResponse, http } from 'msw'
import { expect, it } from 'vitest'
import { KaitenError } from '../src/index.js'
import { ruClient } from './support/clients.js'
import { RU_BASE_URL, useMswServer } from './support/msw.js'

const TOKEN = 'kaiten-ru-secret-token-5f2c9a7e0b1d4c36'
const server = useMswServer(
  ...kaitenRuHandlers({ baseUrl: RU_BASE_URL, store: createKaitenRuStore({ events: 10 }), rateLimit: false }),
)
const LOGS = `${RU_BASE_URL}/audit-logs`

/** Every way an error leaves a program: message, String(), JSON, a console/log line, and its cause chain. */
function renderings(error: KaitenError): string[] {
  return [
    error.message,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    String(error.stack),
  ]
}

const failures: [string, () => Promise<unknown>][] = [
  [
    'an API error whose body echoes the token',
    async () => {
      server.use(http.get(LOGS, () => HttpResponse.text(`Invalid token ${TOKEN}`, { status: 401 })))
      return ruClient({ token: TOKEN }).listAuditLogs()
    },
  ],
  [
    'an API error with a JSON body echoing the token',
    async () => {
      server.use(http.get(LOGS, () => HttpResponse.json({ error: `bad ${TOKEN}` }, { status: 403 })))
      return ruClient({ token: TOKEN }).listAuditLogs()
    },
  ],
  [
    'retries exhausted on 503',
    async () => {
      server.use(scenarios.serverErrors(RU_BASE_URL, { status: 503 }))
      return ruClient({ token: () => TOKEN }).listAuditLogs()
    },
  ],
  [
    'a connection error',
    async () => {
      server.use(scenarios.networkError(RU_BASE_URL))
      return ruClient({ token: TOKEN, maxRetries: 0 }).listAuditLogs()
    },
  ],
  [
    'a timeout',
    async () => {
      server.use(scenarios.latency(RU_BASE_URL, { ms: 500 }))
      return ruClient({ token: TOKEN, maxRetries: 0, timeoutMs: 20 }).listAuditLogs()
    },
  ],
  ['an abort', async () => ruClient({ token: TOKEN }).listAuditLogs({}, { signal: AbortSignal.abort() })],
  [
    'a response-shape error',
    async () => {
      server.use(scenarios.cursorEnvelope(RU_BASE_URL))
      return ruClient({ token: TOKEN }).listAuditLogs()
    },
  ],
  ['invalid parameters', async () => ruClient({ token: TOKEN }).listAuditLogs({ limit: -1 })],
]

it.each(failures)('the token appears nowhere in %s', async (_name, fail) => {
  const error = await fail().then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(KaitenError)
  for (const text of renderings(error as KaitenError)) expect(text).not.toContain(TOKEN)
})

it('still sends the token, as a bearer header, on every request', async () => {
  const seen: (string | null)[] = []
  server.use(
    http.get(LOGS, ({ request }) => {
      seen.push(request.headers.get('authorization'))
      return seen.length < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json([])
    }),
  )
  await ruClient({ token: TOKEN }).listAuditLogs()
  expect(seen).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`])
})
