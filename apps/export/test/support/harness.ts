// Runs the export in-process against the mocks served over real HTTP, as a user's environment would point at them.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { type MockServers, type MockServersOptions, startMockServers } from '@kaiten-audit/mocks/server'
import { main } from '../../src/cli.js'

export type Env = Record<string, string | undefined>

export async function startTarget(
  options: MockServersOptions = {},
): Promise<{ mocks: MockServers; env: Env }> {
  const mocks = await startMockServers({ rateLimit: false, ...options })
  return {
    mocks,
    env: {
      KAITEN_RU_BASE_URL: mocks.kaitenRu.baseUrl,
      KAITEN_RU_TOKEN: mocks.kaitenRu.token,
      KAITEN_SH_BASE_URL: mocks.kaitenSh.baseUrl,
      KAITEN_SH_TOKEN: mocks.kaitenSh.token,
    },
  }
}

export function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'kaiten-export-'))
}

export async function runMain(argv: string[], env: Env, cwd: string, signal = new AbortController().signal) {
  const stdout = new PassThrough()
  const chunks: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
  let stderr = ''
  const code = await main(
    argv,
    env,
    { stdout, stderr: (text) => (stderr += text), progress: false, cwd },
    signal,
  )
  return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr }
}
