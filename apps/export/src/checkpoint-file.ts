// The checkpoint file: which target, format and output it belongs to, the output's length at the checkpoint, and one
// sync position per instance. Replaced atomically: written beside, fsynced, renamed over, directory fsynced.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { SyncCheckpoint } from '@kaiten-audit/client'
import type { Api, Format } from './encode.js'
import { describe, ExportFailure, UsageError } from './errors.js'
import type { Redact } from './redact.js'

export const STATE_VERSION = 1

/** The key of kaiten.ru's single position (a kaiten.ru token reads one company's log). */
export const COMPANY_KEY = '-'

export interface ExportState {
  v: typeof STATE_VERSION
  api: Api
  /** The API root the positions belong to, without credentials, or `mock`. */
  target: string
  format: Format
  /** The output the positions belong to: an absolute path, or `-`; `bytes` is its length at this checkpoint. */
  output: { path: string; bytes: number | null }
  /** Per kaiten.sh instance slug, or `-` for kaiten.ru. */
  positions: Record<string, SyncCheckpoint>
}

/** The stored state, or undefined when the file does not exist yet. */
export function readState(path: string): ExportState | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined
    throw new ExportFailure(`--checkpoint ${JSON.stringify(path)} cannot be read: ${describe(error)}`)
  }
  const refuse = (what: string): never => {
    throw new UsageError(
      `--checkpoint: ${JSON.stringify(path)} is not allowed (${what}); allowed: a checkpoint file this command wrote, or a path that does not exist yet`,
    )
  }
  let state: unknown
  try {
    state = JSON.parse(text)
  } catch {
    return refuse('not JSON')
  }
  const record = state as Partial<ExportState> | null
  if (typeof record !== 'object' || record === null) return refuse('not a JSON object')
  if (record.v !== STATE_VERSION)
    return refuse(`version ${JSON.stringify(record.v)}, expected ${STATE_VERSION}`)
  if (record.api !== 'ru' && record.api !== 'sh') return refuse('no api')
  if (typeof record.target !== 'string') return refuse('no target')
  if (record.format !== 'ndjson' && record.format !== 'csv') return refuse('no format')
  const output = record.output
  if (
    typeof output !== 'object' ||
    output === null ||
    typeof output.path !== 'string' ||
    !(output.bytes === null || (Number.isSafeInteger(output.bytes) && output.bytes >= 0))
  ) {
    return refuse('no output')
  }
  if (typeof record.positions !== 'object' || record.positions === null || Array.isArray(record.positions)) {
    return refuse('no positions')
  }
  return record as ExportState
}

/** Refuses a state made for another API, target or format, naming the flag that differs. */
export function checkStateMatches(
  state: ExportState,
  expected: Pick<ExportState, 'api' | 'target' | 'format'>,
  checkpointPath: string,
): void {
  const differs = (flag: string, stored: string, given: string) =>
    new UsageError(
      `${flag}: ${JSON.stringify(given)} is not allowed with --checkpoint ${JSON.stringify(checkpointPath)}; allowed: ${JSON.stringify(stored)}, which that checkpoint was made with (use a new checkpoint file for another)`,
    )
  if (state.api !== expected.api) throw differs('--api', state.api, expected.api)
  if (state.target !== expected.target) {
    throw differs(
      expected.target === 'mock' ? '--mock' : 'the target (KAITEN_*_BASE_URL)',
      state.target,
      expected.target,
    )
  }
  if (state.format !== expected.format) throw differs('--format', state.format, expected.format)
}

/** Replaces the checkpoint file so that a crash at any moment leaves either the old or the new one whole. */
export function storeState(path: string, state: ExportState, redact: Redact): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  try {
    const fd = openSync(temporary, 'w')
    try {
      writeSync(fd, `${redact(JSON.stringify(state))}\n`)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, path)
    // The rename itself is durable only once the directory is.
    const directory = openSync(dirname(path), 'r')
    try {
      fsyncSync(directory)
    } finally {
      closeSync(directory)
    }
  } catch (error) {
    throw new ExportFailure(`--checkpoint ${JSON.stringify(path)} cannot be written: ${describe(error)}`)
  }
}
