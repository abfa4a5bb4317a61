/** Exit codes, as documented in the README. */
export const EXIT_CODES = { done: 0, failed: 1, usage: 2, interrupted: 130 } as const

/** A command line, environment or file the user gave that cannot work; exit 2, nothing is exported. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** The export could not go on: output or checkpoint I/O, or a state the files disagree about; exit 1. */
export class ExportFailure extends Error {
  override readonly name = 'ExportFailure'
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
