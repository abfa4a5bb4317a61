// SIGTERM lets the batch being written finish and its checkpoint be stored, then exits 130; running the same command
// again completes the export with every event once.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startMockServers } from '@kaiten-audit/mocks/server'
import { describe, expect, it } from 'vitest'
import { CLI } from '../bench/crash-harness.mjs'

function run(
  args: string[],
  env: Record<string, string | undefined>,
  terminateAtBytes?: { out: string; bytes: number },
) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const poll = terminateAtBytes
      ? setInterval(() => {
          if (
            existsSync(terminateAtBytes.out) &&
            statSync(terminateAtBytes.out).size >= terminateAtBytes.bytes
          ) {
            clearInterval(poll)
            child.kill('SIGTERM')
          }
        }, 2)
      : undefined
    child.on('exit', (code) => {
      clearInterval(poll)
      resolve({ code, stderr })
    })
  })
}

describe('SIGTERM', () => {
  it('stores the checkpoint of the batch written, exits 130, and the next run completes exactly once', async () => {
    // kaiten.ru's rate limit on: the export takes several seconds, so the signal lands mid-run.
    const mocks = await startMockServers({ sizes: { kaitenRuEvents: 1500 } })
    try {
      const dir = mkdtempSync(join(tmpdir(), 'kaiten-export-signal-'))
      const out = join(dir, 'events.ndjson')
      const checkpoint = join(dir, 'checkpoint.json')
      const env = {
        PATH: process.env.PATH,
        KAITEN_RU_BASE_URL: mocks.kaitenRu.baseUrl,
        KAITEN_RU_TOKEN: mocks.kaitenRu.token,
      }
      const args = ['--api', 'ru', '--out', out, '--checkpoint', checkpoint, '--limit', '50']
      const interrupted = await run(args, env, { out, bytes: 1 })
      expect(interrupted.stderr).toMatch(/kaiten-export: interrupted; the checkpoint is stored/)
      expect(interrupted.code).toBe(130)
      const stored = JSON.parse(readFileSync(checkpoint, 'utf8'))
      expect(stored.output.bytes).toBe(statSync(out).size)
      expect(readFileSync(out, 'utf8').split('\n').length - 1).toBeLessThan(1500)

      const resumed = await run(args, env)
      expect(resumed.code).toBe(0)
      const ids = readFileSync(out, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line).id)
      expect(ids).toEqual(
        mocks.stores.kaitenRu
          .events()
          .map((event) => event.id)
          .reverse(),
      )
    } finally {
      await mocks.close()
    }
  }, 120_000)
})
