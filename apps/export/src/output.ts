// Where the events go. A file is appended to and fsynced before the checkpoint that counts its bytes is stored; on a
// resume it is cut back to that count, so events written after the last checkpoint are written again, once.
// Standard output cannot be rewound: across a crash it is at least once (see the README).
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs'
import { describe, ExportFailure, UsageError } from './errors.js'

export interface Sink {
  /** The file's length (what a checkpoint records), or null for standard output. */
  readonly bytes: number | null
  /** True when nothing has been written to this output yet (a CSV header is due). */
  readonly empty: boolean
  /** Writes and flushes: when this resolves, the text is on disk (file) or handed to the reader (stdout). */
  write(text: string): Promise<void>
  close(): void
}

/**
 * Opens `path` for appending. `checkpointBytes` is the length the checkpoint records (undefined: no checkpoint yet,
 * so the file must be empty or absent: appending to an unrelated file would mix it with this export).
 */
export function openFileSink(path: string, checkpointBytes: number | undefined): Sink {
  let fd: number
  let bytes: number
  try {
    fd = openSync(path, 'a')
    bytes = fstatSync(fd).size
  } catch (error) {
    throw new ExportFailure(`--out ${JSON.stringify(path)} cannot be opened: ${describe(error)}`)
  }
  const expected = checkpointBytes ?? 0
  if (bytes > expected) {
    if (checkpointBytes === undefined) {
      closeSync(fd)
      throw new UsageError(
        `--out: ${JSON.stringify(path)} is not allowed: it already holds ${bytes} bytes and there is no checkpoint for it; allowed: a new or empty file, or the --checkpoint it was written with`,
      )
    }
    // Events written after the last checkpoint: they will be written again.
    ftruncateSync(fd, expected)
    fsyncSync(fd)
    bytes = expected
  } else if (bytes < expected) {
    closeSync(fd)
    throw new ExportFailure(
      `--out ${JSON.stringify(path)} holds ${bytes} bytes but the checkpoint records ${expected}: it was changed outside the export. Restore it, or start a new output with a new checkpoint file.`,
    )
  }
  return {
    get bytes() {
      return bytes
    },
    get empty() {
      return bytes === 0
    },
    async write(text) {
      try {
        const buffer = Buffer.from(text, 'utf8')
        let written = 0
        while (written < buffer.length) written += writeSync(fd, buffer, written)
        fsyncSync(fd)
        bytes += buffer.length
      } catch (error) {
        throw new ExportFailure(`--out ${JSON.stringify(path)} cannot be written: ${describe(error)}`)
      }
    },
    close() {
      closeSync(fd)
    },
  }
}

/**
 * Leaves the previous output of a checkpoint as the checkpoint counts it: a run that starts a new output file must not
 * leave behind, in the old one, events written after the last checkpoint (they go to the new file).
 */
export function closeOutput(path: string, checkpointBytes: number | null): void {
  if (path === '-' || checkpointBytes === null) return
  let fd: number
  try {
    fd = openSync(path, 'r+')
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return
    throw new ExportFailure(
      `the previous output ${JSON.stringify(path)} cannot be opened: ${describe(error)}`,
    )
  }
  try {
    if (fstatSync(fd).size > checkpointBytes) {
      ftruncateSync(fd, checkpointBytes)
      fsyncSync(fd)
    }
  } finally {
    closeSync(fd)
  }
}

/** Standard output: each write resolves once the stream has taken the text (a pipe cannot be fsynced). */
export function stdoutSink(stream: NodeJS.WritableStream): Sink {
  let written = false
  return {
    bytes: null,
    get empty() {
      return !written
    },
    write(text) {
      written = true
      return new Promise((resolve, reject) => {
        stream.write(text, (error) => {
          if (error) reject(new ExportFailure(`standard output cannot be written: ${describe(error)}`))
          else resolve()
        })
      })
    },
    close() {},
  }
}
