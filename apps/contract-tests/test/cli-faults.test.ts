// The CLI against servers that cannot be verified at all: nothing listening, a server that never answers. Each API
// ends with one line that says why, the run exits 1, and it does not wait longer than its request timeout.
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../src/cli.js'

const TEST_TIMEOUT_MS = 30_000

function captureIo() {
  const out = { stdout: '', stderr: '' }
  return {
    out,
    io: {
      stdout: (text: string) => {
        out.stdout += text
      },
      stderr: (text: string) => {
        out.stderr += text
      },
      colour: false,
      cwd: process.cwd(),
    },
  }
}

const servers: { server: Server; sockets: Set<Socket> }[] = []
afterEach(async () => {
  for (const { server, sockets } of servers.splice(0)) {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function listen(server: Server): Promise<number> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  servers.push({ server, sockets })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** A port nothing listens on: taken from the system, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

const checkLines = (stdout: string) => stdout.split('\n').filter((line) => /^ {2}[✓✗!○] /.test(line))

describe('pnpm contract against a server that cannot be verified', () => {
  it(
    'nothing listening: one line per API naming the cause, exit 1',
    async () => {
      const port = await closedPort()
      const env = {
        KAITEN_RU_BASE_URL: `http://127.0.0.1:${port}/api/latest`,
        KAITEN_RU_TOKEN: 'ru-token-for-a-closed-port',
        KAITEN_SH_BASE_URL: `http://127.0.0.1:${port}/api`,
        KAITEN_SH_TOKEN: 'ksh_token_for_a_closed_port',
        KAITEN_SH_INSTANCE: 'acme-production',
      }
      const { out, io } = captureIo()
      expect(await main([], env, io)).toBe(1)
      expect(checkLines(out.stdout)).toHaveLength(2)
      expect(out.stdout).toContain(
        `kaiten.ru cannot be reached at ${env.KAITEN_RU_BASE_URL}: connect ECONNREFUSED`,
      )
      expect(out.stdout).toContain(
        `kaiten.sh cannot be reached at ${env.KAITEN_SH_BASE_URL}: connect ECONNREFUSED`,
      )
      expect(out.stdout).not.toContain('fetch failed')
      expect(out.stdout).toMatch(/· 2 of 300 requests ·/)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'a server that accepts and never answers: the request times out and the API ends with one line, exit 1',
    async () => {
      const port = await listen(createServer(() => {}))
      const env = {
        KAITEN_RU_BASE_URL: `http://127.0.0.1:${port}/api/latest`,
        KAITEN_RU_TOKEN: 'ru-token-hung',
      }
      const { out, io } = captureIo()
      expect(await main(['--timeout', '200'], env, io)).toBe(1)
      expect(checkLines(out.stdout)).toHaveLength(1)
      expect(out.stdout).toMatch(
        /kaiten\.ru did not answer GET \/audit-logs\?\S+ within 200 ms \(--timeout\); the other \d+ kaiten\.ru checks did not run/,
      )
    },
    TEST_TIMEOUT_MS,
  )
})

describe('progress on stderr while a server keeps the run waiting', () => {
  async function hungRun(argv: string[], interactive: boolean) {
    const port = await listen(createServer(() => {}))
    const env = {
      KAITEN_RU_BASE_URL: `http://127.0.0.1:${port}/api/latest`,
      KAITEN_RU_TOKEN: 'ru-token-hung',
    }
    const { out, io } = captureIo()
    const code = await main(['--timeout', '200', ...argv], env, { ...io, interactive })
    return { code, out }
  }

  it(
    'in a log, --progress writes the running check, the requests used and the time',
    async () => {
      const { code, out } = await hungRun(['--progress'], false)
      expect(code).toBe(1)
      expect(out.stderr).toMatch(
        /^progress: \d+ s · 0 of 300 requests · kaiten-ru\.pagination\.no-gaps-no-overlaps$/m,
      )
      expect(out.stdout).not.toContain('progress:')
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'in a log without --progress, stderr stays quiet',
    async () => {
      const { out } = await hungRun([], false)
      expect(out.stderr).toBe('Verifying the live APIs…\n')
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'on a terminal, a live line that is cleared before the report; --no-progress turns it off',
    async () => {
      const live = await hungRun([], true)
      const clear = '\r\u001b[2K'
      const lines = live.out.stderr.split(clear)
      expect(lines).toContainEqual(
        expect.stringMatching(/^\d+ s · 0 of 300 requests · kaiten-ru\.pagination\.no-gaps-no-overlaps$/),
      )
      expect(live.out.stderr.endsWith(clear)).toBe(true)
      const off = await hungRun(['--no-progress'], true)
      expect(off.out.stderr).toBe('Verifying the live APIs…\n')
    },
    TEST_TIMEOUT_MS,
  )
})
