// A runnable tour of @kaiten-audit/client against the local mock servers of @kaiten-audit/mocks.
//   pnpm --filter @kaiten-audit/client... build && node packages/client/examples/tour.mjs
// Every snippet in the package README is taken from here.

import {
  ApiError,
  createKaitenRuClient,
  createKaitenShClient,
  InvalidParameterError,
  PermissionDeniedError,
  RequestAbortedError,
  RequestPacer,
  TimeoutError,
} from '@kaiten-audit/client'
import { startMockServers } from '@kaiten-audit/mocks/server'

const mocks = await startMockServers({ sizes: { kaitenShEntries: 600, kaitenRuEvents: 1250 } })
try {
  const { kaitenSh, kaitenRu } = mocks

  // --- kaiten.sh: one page, then every entry ---
  const sh = createKaitenShClient({ baseUrl: kaitenSh.baseUrl, token: kaitenSh.token })
  const page = await sh.listAuditTrails(kaitenSh.instanceSlug, { limit: 100, offset: 0 })
  console.log(`kaiten.sh page: ${page.length} entries, newest ${page[0]?.timestamp}`)
  let trail = 0
  for await (const entry of sh.iterateAuditTrails(kaitenSh.instanceSlug, { after: '2025-01-01T00:00:00Z' })) {
    if (entry.status === 'REJECTED') trail++
  }
  console.log(`kaiten.sh rejected usage reports: ${trail}`)

  // --- kaiten.ru: filters, clamped limits, page-by-page ---
  // A token may also be a function, called before every attempt (e.g. to read a rotated secret).
  const ru = createKaitenRuClient({ baseUrl: kaitenRu.baseUrl, token: async () => kaitenRu.token })
  const failedSignIns = await ru.listAuditLogs({
    categories: ['auth'],
    actions: ['sign_in_fail'],
    limit: 500,
  })
  console.log(`kaiten.ru failed sign-ins on the first page: ${failedSignIns.length}`)
  let all = 0
  for await (const _event of ru.iterateAuditLogs({ limit: 1000 })) all++ // the API applies 500 per page
  console.log(`kaiten.ru events: ${all}`)
  for await (const { offset, received, items } of ru
    .iterateAuditLogs({ from: new Date('2025-01-01') })
    .pages()) {
    console.log(`  page at offset ${offset}: ${received} received, ${items.length} new`)
  }

  // --- errors: checked inputs, typed responses ---
  try {
    await ru.listAuditLogs({ categories: ['payroll'] })
  } catch (error) {
    if (error instanceof InvalidParameterError) console.log(`rejected before sending: ${error.message}`)
  }
  const noAccess = createKaitenRuClient({ baseUrl: kaitenRu.baseUrl, token: kaitenRu.tokenWithoutAccess })
  try {
    await noAccess.listAuditLogs()
  } catch (error) {
    if (error instanceof PermissionDeniedError)
      console.log(`403: ${error.method} ${error.url} (status ${error.status})`)
  }
  try {
    await sh.listAuditTrails('no-such-instance')
  } catch (error) {
    if (error instanceof ApiError) console.log(`${error.name}: ${error.title} — ${error.detail}`)
  }

  // --- retries, timeouts and cancellation, per client and per call ---
  const patient = createKaitenShClient({
    baseUrl: kaitenSh.baseUrl,
    token: kaitenSh.token,
    maxRetries: 5,
    timeoutMs: 10_000,
  })
  await patient.listAuditTrails(kaitenSh.instanceSlug, { limit: 10 }, { maxRetries: 0, timeoutMs: 2_000 })
  try {
    await patient.listAuditTrails(kaitenSh.instanceSlug, {}, { timeoutMs: 0.001, maxRetries: 0 })
  } catch (error) {
    if (error instanceof TimeoutError) console.log(`timed out after ${error.timeoutMs} ms`)
  }
  const controller = new AbortController()
  try {
    let seen = 0
    for await (const _event of ru.iterateAuditLogs({}, { signal: controller.signal })) {
      if (++seen === 10) controller.abort()
    }
  } catch (error) {
    if (error instanceof RequestAbortedError) console.log('iteration aborted cleanly')
  }

  // --- one rate-limit budget shared by two clients (kaiten.ru allows 5 requests per second per token) ---
  const budget = new RequestPacer({ requests: 5, windowMs: 1000 })
  const a = createKaitenRuClient({ baseUrl: kaitenRu.baseUrl, token: kaitenRu.token, rateLimit: budget })
  const b = createKaitenRuClient({ baseUrl: kaitenRu.baseUrl, token: kaitenRu.token, rateLimit: budget })
  const started = Date.now()
  await Promise.all(
    [...Array(4)].flatMap(() => [a.listAuditLogs({ limit: 1 }), b.listAuditLogs({ limit: 1 })]),
  )
  console.log(`8 requests through one 5/s budget took ${Date.now() - started} ms`)

  // --- the raw openapi-fetch client, with the same auth, retries and pacing ---
  const { data, response } = await ru.raw.GET('/audit-logs', { params: { query: { limit: 2 } } })
  console.log(
    `raw: ${response.status}, ${data?.length} events, X-RateLimit-Remaining ${response.headers.get('x-ratelimit-remaining')}`,
  )
} finally {
  await mocks.close()
}
