// pnpm bench:client — prints the client's overhead against raw fetch, measured in the same run, and its pacing.
//   1. listAuditLogs vs fetch + res.json(), 2,000 sequential requests: time ratio (target ≤ 1.05)
//   2. iterating 1,000,000 events vs a raw offset loop: throughput ratio (target ≥ 0.9)
//   3. peak RSS iterating 1,000,000 vs 10,000 events, each in its own child process (target ≤ 1.2)
//   4. a paced kaiten.ru export against a strict sliding and a fixed window: achieved / allowed rate (target ≥ 0.95)
//      with no 429 (pacing.mjs)
// BENCH_ONLY=pacing runs only 4; BENCH_ONLY=list only 1.
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createKaitenRuClient } from '../dist/index.js'
import { measurePacing } from './pacing.mjs'

const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const TOKEN = 'bench-token-0123456789'
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 2000)
const ITERATE_EVENTS = Number(process.env.BENCH_ITERATE_EVENTS ?? 1_000_000)
const SMALL_EVENTS = 10_000
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9)
const PACING_PAGES = Number(process.env.BENCH_PACING_PAGES ?? 30)

async function startServer(env = { BENCH_TOTAL_EVENTS: String(ITERATE_EVENTS) }) {
  const child = spawn(process.execPath, [here('./server.mjs')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const [chunk] = await once(child.stdout, 'data')
  return { baseUrl: String(chunk).trim(), stop: () => child.kill('SIGTERM') }
}

function printRows(rows, reference) {
  for (const [name, figures, ratio, target, met] of rows) {
    console.log(
      `${name.padEnd(72)} ${figures.padEnd(36)} ratio ${ratio.toFixed(3)} (target ${target}) ${met ? 'met' : 'MISSED'}`,
    )
  }
  for (const [name, figures, ratio] of reference) {
    console.log(`${name.padEnd(72)} ${figures.padEnd(36)} ratio ${ratio.toFixed(3)}`)
  }
}

if (process.env.BENCH_ONLY === 'pacing') {
  const pacing = await measurePacing({ pages: PACING_PAGES, startServer })
  printRows(pacing.main, pacing.reference)
  process.exit(0)
}

async function time(run) {
  const start = process.hrtime.bigint()
  const result = await run()
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result }
}

/**
 * Runs baseline and candidate back to back, ROUNDS times, and keeps the median of the per-round ratios
 * (candidate time / baseline time). Neighbouring runs share the machine's momentary load, so the ratio of a pair
 * is far steadier than either time on a shared machine.
 */
async function compare(baseline, candidate) {
  const rounds = []
  for (let round = 0; round < ROUNDS; round++) {
    const b = await time(baseline)
    const c = await time(candidate)
    if (b.result !== c.result) throw new Error(`baseline saw ${b.result}, client saw ${c.result}`)
    rounds.push({ baseline: b.ms, candidate: c.ms, ratio: c.ms / b.ms })
  }
  rounds.sort((x, y) => x.ratio - y.ratio)
  return rounds[Math.floor(rounds.length / 2)]
}

const server = await startServer()
try {
  const { baseUrl } = server
  const client = createKaitenRuClient({ baseUrl, token: TOKEN, rateLimit: false })
  const headers = { Authorization: `Bearer ${TOKEN}` }

  // 1. One page per request, sequentially.
  const rawList = async () => {
    let events = 0
    for (let i = 0; i < LIST_REQUESTS; i++) {
      const response = await fetch(`${baseUrl}/audit-logs?limit=100`, { headers })
      events += (await response.json()).length
    }
    return events
  }
  const clientList = async () => {
    let events = 0
    for (let i = 0; i < LIST_REQUESTS; i++) events += (await client.listAuditLogs({ limit: 100 })).length
    return events
  }
  // The same raw loop with what a timeout needs: an AbortSignal and a timer per request. Not the target's
  // baseline; printed to show how much of the overhead is the signal itself.
  const rawListWithSignal = async () => {
    let events = 0
    for (let i = 0; i < LIST_REQUESTS; i++) {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), 30_000)
      const response = await fetch(`${baseUrl}/audit-logs?limit=100`, { headers, signal: controller.signal })
      events += (await response.json()).length
      clearTimeout(timer)
    }
    return events
  }
  await rawList()
  await clientList()
  const list = await compare(rawList, clientList)
  const signalCost = await compare(rawList, rawListWithSignal)
  const listAgainstSignal = await compare(rawListWithSignal, clientList)
  if (process.env.BENCH_ONLY === 'list') {
    console.log(
      `node ${process.version}, ${ROUNDS} rounds of baseline then client; the median round is shown`,
    )
    printRows(
      [
        [
          `listAuditLogs overhead (${LIST_REQUESTS} sequential requests)`,
          `${list.candidate.toFixed(0)} ms vs raw ${list.baseline.toFixed(0)} ms`,
          list.ratio,
          '≤ 1.05',
          list.ratio <= 1.05,
        ],
      ],
      [
        [
          '  raw fetch + AbortSignal + timer, against raw fetch',
          `${signalCost.candidate.toFixed(0)} ms vs ${signalCost.baseline.toFixed(0)} ms`,
          signalCost.ratio,
        ],
        [
          '  listAuditLogs, against raw fetch + AbortSignal + timer',
          `${listAgainstSignal.candidate.toFixed(0)} ms vs ${listAgainstSignal.baseline.toFixed(0)} ms`,
          listAgainstSignal.ratio,
        ],
      ],
    )
    server.stop()
    process.exit(0)
  }

  // 2. Every event, 500 per page.
  const rawIterate = async () => {
    let events = 0
    for (let offset = 0; ; ) {
      const response = await fetch(`${baseUrl}/audit-logs?limit=500&offset=${offset}`, { headers })
      const page = await response.json()
      for (const _event of page) events++
      offset += page.length
      if (page.length < 500) return events
    }
  }
  const clientIterate = async () => {
    let events = 0
    for await (const _event of client.iterateAuditLogs()) events++
    return events
  }
  const iterate = await compare(rawIterate, clientIterate)

  // 3. Peak RSS, each size in a fresh process. V8 grows its young generation (up to 16 MiB semi-spaces) only under
  // sustained allocation, which a 10,000-event run is too short to reach, so with default flags even the raw loop
  // grows with the run's length. The same pair is therefore also measured with the young generation capped, which
  // leaves only what the code itself retains; the raw loop is measured alongside as the reference.
  const rss = async (mode, count, flags = []) => {
    const args = [...flags, here('./iterate-rss.mjs'), mode, baseUrl, String(count)]
    const { stdout } = await promisify(execFile)(process.execPath, args)
    return JSON.parse(stdout).maxRssBytes
  }
  const CAPPED = ['--max-semi-space-size=2']
  const rssSmall = await rss('client', SMALL_EVENTS, CAPPED)
  const rssLarge = await rss('client', ITERATE_EVENTS, CAPPED)
  const rssDefault = { small: await rss('client', SMALL_EVENTS), large: await rss('client', ITERATE_EVENTS) }
  const rssRaw = { small: await rss('raw', SMALL_EVENTS), large: await rss('raw', ITERATE_EVENTS) }

  const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`
  const listRatio = list.ratio
  const throughputRatio = 1 / iterate.ratio
  const rssRatio = rssLarge / rssSmall
  const rows = [
    [
      `listAuditLogs overhead (${LIST_REQUESTS} sequential requests)`,
      `${list.candidate.toFixed(0)} ms vs raw ${list.baseline.toFixed(0)} ms`,
      listRatio,
      '≤ 1.05',
      listRatio <= 1.05,
    ],
    [
      `iterator throughput (${ITERATE_EVENTS.toLocaleString('en')} events)`,
      `${((ITERATE_EVENTS / iterate.candidate) * 1000).toFixed(0)} vs raw ${((ITERATE_EVENTS / iterate.baseline) * 1000).toFixed(0)} events/s`,
      throughputRatio,
      '≥ 0.90',
      throughputRatio >= 0.9,
    ],
    [
      `peak RSS ${ITERATE_EVENTS.toLocaleString('en')} vs ${SMALL_EVENTS.toLocaleString('en')} events (${CAPPED.join(' ')})`,
      `${mib(rssLarge)} vs ${mib(rssSmall)}`,
      rssRatio,
      '≤ 1.20',
      rssRatio <= 1.2,
    ],
  ]
  const listReference = [
    ['  raw fetch + AbortSignal + timer, against raw fetch', signalCost],
    ['  listAuditLogs, against raw fetch + AbortSignal + timer', listAgainstSignal],
  ]
  const reference = [
    ['  same, default V8 flags, client', rssDefault],
    ['  same, default V8 flags, raw fetch loop (reference)', rssRaw],
  ]
  console.log(`node ${process.version}, ${ROUNDS} rounds of baseline then client; the median round is shown`)
  for (const [name, figures, ratio, target, met] of rows) {
    console.log(
      `${name.padEnd(72)} ${figures.padEnd(36)} ratio ${ratio.toFixed(3)} (target ${target}) ${met ? 'met' : 'MISSED'}`,
    )
  }
  for (const [name, { baseline, candidate, ratio }] of listReference) {
    console.log(
      `${name.padEnd(72)} ${`${candidate.toFixed(0)} ms vs ${baseline.toFixed(0)} ms`.padEnd(36)} ratio ${ratio.toFixed(3)}`,
    )
  }
  for (const [name, { small, large }] of reference) {
    console.log(
      `${name.padEnd(72)} ${`${mib(large)} vs ${mib(small)}`.padEnd(36)} ratio ${(large / small).toFixed(3)}`,
    )
  }
} finally {
  server.stop()
}

const pacing = await measurePacing({ pages: PACING_PAGES, startServer })
printRows(pacing.main, pacing.reference)
