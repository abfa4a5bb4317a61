// Kills an export with SIGKILL at moments chosen by the bytes it has written, resumes it each time, while events keep
// arriving (newer ones, ones at the checkpoint's instant, and late ones inside the window still to be read), then
// counts what the output holds: every event exactly once, or the losses and duplicates.
// Shared by the crash test (small) and the crash benchmark (large).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startMockServers } from '@kaiten-audit/mocks/server'

export const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js')

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
export function seeded(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function readInstant(checkpointPath) {
  try {
    return JSON.parse(readFileSync(checkpointPath, 'utf8')).positions?.['-']?.instant ?? undefined
  } catch {
    return undefined
  }
}

/** Runs the CLI once; `killAtBytes` SIGKILLs it once the output reaches that size. Resolves with how it ended. */
function runOnce({ env, out, checkpoint, pageSize, killAtBytes, timeoutMs }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, '--api', 'ru', '--out', out, '--checkpoint', checkpoint, '--limit', String(pageSize)],
      { env, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    let killed = false
    const poll =
      killAtBytes === undefined
        ? undefined
        : setInterval(() => {
            const size = existsSync(out) ? statSync(out).size : 0
            if (size >= killAtBytes && !killed) {
              killed = true
              child.kill('SIGKILL')
            }
          }, 2)
    const guard = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the export did not end within ${timeoutMs} ms: ${stderr}`))
    }, timeoutMs)
    child.on('exit', (code, signal) => {
      clearInterval(poll)
      clearTimeout(guard)
      resolvePromise({ code, signal, killed: signal === 'SIGKILL', stderr })
    })
  })
}

/**
 * @param {{ events: number, kills: number, seed: number, pageSize: number, rateLimit?: boolean,
 *   timeoutMs?: number, log?: (line: string) => void }} options
 */
export async function crashRun(options) {
  const { events, kills, seed, pageSize, rateLimit = false, timeoutMs = 120_000, log = () => {} } = options
  const random = seeded(seed)
  const dir = mkdtempSync(join(tmpdir(), 'kaiten-export-crash-'))
  const out = join(dir, 'events.ndjson')
  const checkpoint = join(dir, 'checkpoint.json')
  let inserting = true
  let inserted = 0
  let store
  const mocks = await startMockServers({
    seed: 1,
    rateLimit,
    sizes: { kaitenRuEvents: events },
    wrap: {
      kaitenRu: (faithful) => async (request) => {
        // Inserts happen as requests arrive: the export stores each batch and its checkpoint before its next request,
        // so the checkpoint file then holds the position the export reads from.
        if (inserting) insert()
        return faithful(request)
      },
    },
  })
  store = mocks.stores.kaitenRu
  const insert = () => {
    const newest = Date.parse(store.events()[0].created)
    const instant = readInstant(checkpoint)
    const lower = instant === undefined ? Date.parse(store.events().at(-1).created) : Date.parse(instant)
    const draw = random()
    if (draw < 0.4) store.append()
    else if (draw < 0.55 && instant !== undefined) store.append({ created: instant })
    else if (draw < 0.75)
      store.append({ created: new Date(lower + Math.floor(random() * (newest - lower + 1))).toISOString() })
    else return
    inserted++
  }
  try {
    const env = {
      PATH: process.env.PATH,
      KAITEN_RU_BASE_URL: mocks.kaitenRu.baseUrl,
      KAITEN_RU_TOKEN: mocks.kaitenRu.token,
    }
    const initialBytes = store.events().reduce((sum, event) => sum + JSON.stringify(event).length + 1, 0)
    const thresholds = Array.from({ length: kills }, () => Math.floor(random() * initialBytes * 0.95))
      .sort((a, b) => a - b)
      .map((bytes, index) => bytes + index)
    let killed = 0
    for (const killAtBytes of thresholds) {
      const ended = await runOnce({ env, out, checkpoint, pageSize, killAtBytes, timeoutMs })
      if (ended.killed) killed++
      else if (ended.code !== 0) throw new Error(`the export failed (exit ${ended.code}): ${ended.stderr}`)
      log(
        `run ${killed}: ${ended.killed ? 'killed' : `exit ${ended.code}`} at ${statSync(out).size} bytes (kill at ${killAtBytes})`,
      )
    }
    for (const phase of ['with inserts', 'after inserts stopped']) {
      const ended = await runOnce({ env, out, checkpoint, pageSize, killAtBytes: undefined, timeoutMs })
      if (ended.code !== 0) throw new Error(`the final export failed (exit ${ended.code}): ${ended.stderr}`)
      log(`final run ${phase}: ${ended.stderr.trim()}`)
      inserting = false
    }
    const text = readFileSync(out, 'utf8')
    const partialLines = text === '' || text.endsWith('\n') ? 0 : 1
    const written = text.split('\n').filter((line) => line !== '')
    const ids = written.map((line) => JSON.parse(line).id)
    const unique = new Set(ids)
    const expected = new Set(store.events().map((event) => event.id))
    return {
      seed,
      events: expected.size,
      inserted,
      kills: killed,
      written: ids.length,
      duplicated: ids.length - unique.size,
      lost: [...expected].filter((id) => !unique.has(id)).length,
      unexpected: [...unique].filter((id) => !expected.has(id)).length,
      partialLines,
    }
  } finally {
    await mocks.close()
  }
}
