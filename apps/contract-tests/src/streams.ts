// Writing to the process's stdout and stderr when the reader may leave early (`pnpm contract --help | head -3`).
// Node reports a closed pipe as an 'error' event (EPIPE); unhandled, it crashes the process with a stack trace.

/** A writer that goes quiet once the stream's reader has gone; `closed()` says whether it has. */
export interface QuietWriter {
  write(text: string): void
  closed(): boolean
}

export function quietWhenClosed(stream: NodeJS.WritableStream): QuietWriter {
  let closed = false
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // Nobody reads any more: there is no one left to tell, so stop writing and let the run end as it would.
    if (error.code === 'EPIPE') {
      closed = true
      return
    }
    throw error
  })
  return {
    write(text) {
      if (!closed) stream.write(text)
    },
    closed: () => closed,
  }
}
