// The pacing part of pnpm bench:client: how much of kaiten.ru's allowed rate (5 requests per second, 500 events a
// page: 2,500 events/s) the default pacing reaches, and how many 429s it draws, against a local server that
// enforces the limit as a strict sliding window and as a fixed window (window.mjs).
import { setTimeout as sleep } from 'node:timers/promises'
import { createKaitenRuClient } from '../dist/index.js'
import { WINDOW_STYLES } from './window.mjs'

const TOKEN = 'bench-token-0123456789'
const PAGE = 500
const REQUESTS = 5
const WINDOW_MS = 1000
const CONCURRENT = 12
/** Every run ends by this bound, even against a server that stalls it. */
const RUN_BOUND_MS = 180_000

/**
 * Achieved over allowed request rate, after the opening burst that any window grants for free: the requests that
 * followed the first REQUESTS, over the time from the first arrival to the last, against REQUESTS per WINDOW_MS.
 */
function paceRatio(accepted) {
  const span = accepted.at(-1) - accepted[0]
  return (accepted.length - REQUESTS) / span / (REQUESTS / WINDOW_MS)
}

async function stats(baseUrl) {
  const response = await fetch(new URL('/__bench/stats', baseUrl))
  return response.json()
}

async function measure(style, pages, startServer) {
  // The last page is short, so the walk ends without asking for an empty one.
  const events = pages * PAGE - PAGE / 5
  const server = await startServer({ BENCH_WINDOW: style, BENCH_TOTAL_EVENTS: String(events) })
  try {
    const { baseUrl } = server
    // The default pacing of a kaiten.ru client: nothing here is tuned for the benchmark. The fetch only times each
    // round trip up to the response headers, which bounds how much of each window the pacing must give up.
    const roundTrips = []
    const timedFetch = async (request) => {
      const sent = performance.now()
      const response = await fetch(request)
      roundTrips.push(performance.now() - sent)
      return response
    }
    const client = createKaitenRuClient({ baseUrl, token: TOKEN, fetch: timedFetch })

    let seen = 0
    const exportStart = performance.now()
    for await (const _event of client.iterateAuditLogs({}, { signal: AbortSignal.timeout(RUN_BOUND_MS) }))
      seen++
    const exportMs = performance.now() - exportStart
    if (seen !== events) throw new Error(`${style}: expected ${events} events, got ${seen}`)
    const afterExport = await stats(baseUrl)
    const exportRoundTrips = roundTrips.toSorted((a, b) => a - b)

    // Let the window empty, so the concurrent calls start with the whole budget, as the export did.
    await sleep(WINDOW_MS + 100)
    const concurrentStart = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        client.listAuditLogs({ limit: 100 }, { signal: AbortSignal.timeout(RUN_BOUND_MS) }),
      ),
    )
    const concurrentMs = performance.now() - concurrentStart
    const afterConcurrent = await stats(baseUrl)

    return {
      style,
      pages: afterExport.accepted.length,
      exportMs,
      ratio: paceRatio(afterExport.accepted),
      exportRefused: afterExport.refused,
      medianRoundTripMs: exportRoundTrips[Math.floor(exportRoundTrips.length / 2)],
      concurrentMs,
      concurrentRefused: afterConcurrent.refused - afterExport.refused,
    }
  } finally {
    server.stop()
  }
}

const STYLE_NAMES = {
  sliding: 'strict sliding window, Reset rounded up to the second',
  fixed: 'fixed window',
}

/** Runs both window styles, each against its own server process, and returns printable rows. */
export async function measurePacing({ pages, startServer }) {
  const results = []
  for (const style of WINDOW_STYLES) results.push(await measure(style, pages, startServer))
  const allowed = (REQUESTS / WINDOW_MS) * 1000 * PAGE
  const main = results.map((result) => {
    const met = result.ratio >= 0.95 && result.exportRefused === 0
    return [
      `kaiten.ru export, ${STYLE_NAMES[result.style]} (${result.pages} pages)`,
      `${(result.ratio * allowed).toFixed(0)} of ${allowed} events/s, ${result.exportRefused} × 429`,
      result.ratio,
      '≥ 0.95, 0 × 429',
      met,
    ]
  })
  const reference = results.flatMap((result) => [
    // A slot is reused one window after the response headers of the request that held it, since the server
    // counted that request at an instant the client cannot know: each window is longer by about a round trip.
    [
      `  ${result.style} window: send to response headers, median (ceiling W / (W + it))`,
      `${result.medianRoundTripMs.toFixed(1)} ms`,
      WINDOW_MS / (WINDOW_MS + result.medianRoundTripMs),
    ],
    [
      `  ${CONCURRENT} concurrent calls, ${result.style} window (two windows: ${2 * WINDOW_MS} ms)`,
      `${result.concurrentMs.toFixed(0)} ms, ${result.concurrentRefused} × 429`,
      (2 * WINDOW_MS) / result.concurrentMs,
    ],
  ])
  return { main, reference }
}
