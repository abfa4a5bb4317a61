// `pnpm --filter @kaiten-audit/mocks bench:upload [--mib 64]`: the standalone server's peak
// memory before and after a large upload to its GET-only route. It must answer at once and never hold the body.
// Peak RSS is read from /proc (Linux); elsewhere only the answer is printed.

import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({ options: { mib: { type: 'string', default: '64' } } })
const mib = Number(values.mib)
if (!Number.isInteger(mib) || mib < 1) {
  process.stderr.write(`--mib: ${JSON.stringify(values.mib)} is not allowed; allowed: an integer ≥ 1\n`)
  process.exit(2)
}

/** Peak resident memory of a process in MiB, or undefined without /proc. */
function peakMib(pid) {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kib === undefined ? undefined : Math.round(Number(kib) / 1024)
  } catch {
    return undefined
  }
}

function upload(port, bytes) {
  return new Promise((resolveUpload) => {
    const socket = connect(port, '127.0.0.1')
    const started = performance.now()
    let received = ''
    let answeredMs
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1')
      answeredMs ??= performance.now() - started
    })
    socket.on('error', () => {})
    socket.on('close', () =>
      resolveUpload({ statusLine: received.split('\r\n')[0], answeredMs, sent: socket.bytesWritten }),
    )
    socket.write(
      `POST /api/instances/acme-production/audit-trails HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${bytes}\r\n\r\n`,
    )
    const piece = Buffer.alloc(64 * 1024)
    let left = bytes
    const pump = () => {
      while (left > 0 && !socket.destroyed) {
        left -= piece.length
        if (!socket.write(left >= 0 ? piece : piece.subarray(0, piece.length + left))) {
          socket.once('drain', pump)
          return
        }
      }
    }
    pump()
  })
}

const child = spawn(process.execPath, [resolve(here, 'mock-server.mjs')], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
try {
  const origin = await new Promise((resolveOrigin, reject) => {
    child.stdout.once('data', (line) => resolveOrigin(JSON.parse(String(line)).origin))
    child.once('exit', (code) => reject(new Error(`mock-server.mjs exited with ${code} before reporting`)))
  })
  const port = Number(new URL(origin).port)
  const before = peakMib(child.pid)
  const result = await upload(port, mib * 1024 * 1024)
  const after = peakMib(child.pid)
  process.stdout.write(
    [
      `upload        ${mib} MiB POST to the GET-only route`,
      `answer        ${result.statusLine} after ${result.answeredMs?.toFixed(0)} ms`,
      `client sent   ${(result.sent / 1024 / 1024).toFixed(1)} MiB before the server closed the connection`,
      `server peak   ${before === undefined ? 'n/a (no /proc)' : `${before} MiB before, ${after} MiB after`}`,
      '',
    ].join('\n'),
  )
} finally {
  child.kill('SIGTERM')
}
