// One export run: check everything, open the output and the checkpoint, then for each instance store every batch
// (output flushed first, checkpoint replaced after) until the sync is done, fails, or the user interrupts.
import { resolve } from 'node:path'
import {
  createKaitenRuClient,
  createKaitenShClient,
  type FetchFunction,
  InvalidParameterError,
  KaitenError,
  type SyncBatch,
} from '@kaiten-audit/client'
import type { MockServers } from '@kaiten-audit/mocks/server'
import { describeValue } from '@kaiten-audit/query'
import type { AuditLogEvent, AuditTrailEntry } from '@kaiten-audit/types'
import {
  COMPANY_KEY,
  checkStateMatches,
  type ExportState,
  readState,
  STATE_VERSION,
  storeState,
} from './checkpoint-file.js'
import { createEncoder } from './encode.js'
import { describe, EXIT_CODES, ExportFailure, UsageError } from './errors.js'
import { type ExportOptions, flagOf } from './options.js'
import { closeOutput, openFileSink, type Sink, stdoutSink } from './output.js'
import { type Counters, Progress } from './progress.js'
import { createRedactor, type Redact } from './redact.js'
import { liveTarget, secretsIn, type Target } from './targets.js'

export interface RunIo {
  stdout: NodeJS.WritableStream
  stderr: (text: string) => void
  /** Redraw progress on stderr (a terminal). */
  progress: boolean
  /** Where relative paths start. */
  cwd: string
}

type Event = AuditLogEvent | AuditTrailEntry
type Sync = { key: string; batches: AsyncGenerator<SyncBatch<Event>, void> }

/** Statuses the client retries (its retry policy); counted for progress. */
const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504])

export async function runExport(
  options: ExportOptions,
  env: Readonly<Record<string, string | undefined>>,
  io: RunIo,
  signal: AbortSignal,
): Promise<number> {
  let redact = createRedactor(secretsIn(env))
  const counters: Counters = { events: 0, requests: 0, retries: 0, rateLimited: 0 }
  const progress = new Progress((text) => io.stderr(redact(text)), io.progress)
  const checkpointPath = resolve(io.cwd, options.checkpoint)
  const outputPath = options.out === '-' ? '-' : resolve(io.cwd, options.out)
  let mocks: MockServers | undefined
  let sink: Sink | undefined
  try {
    let target: Target
    let instances = options.instances
    if (options.mock) {
      // Loaded only here: a live export should not pay for the mocks' data and handlers.
      const { startMockServers } = await import('@kaiten-audit/mocks/server')
      mocks = await startMockServers({ seed: 1 })
      const served = options.api === 'ru' ? mocks.kaitenRu : mocks.kaitenSh
      target = { baseUrl: served.baseUrl, token: served.token, label: 'mock' }
      redact = createRedactor([...secretsIn(env), mocks.kaitenRu.token, mocks.kaitenSh.token])
      if (options.api === 'sh' && instances.length === 0) {
        instances = mocks.stores.kaitenSh.instances().map((instance) => instance.slug)
      }
    } else {
      target = liveTarget(options.api, env)
    }

    const stored = readState(checkpointPath)
    if (stored) {
      checkStateMatches(
        stored,
        { api: options.api, target: target.label, format: options.format },
        options.checkpoint,
      )
    }
    const state: ExportState = stored ?? {
      v: STATE_VERSION,
      api: options.api,
      target: target.label,
      format: options.format,
      output: { path: outputPath, bytes: outputPath === '-' ? null : 0 },
      positions: {},
    }
    // Every sync checks its parameters and its checkpoint here, before any request or any write.
    const syncs = createSyncs(options, target, instances, state, counters, signal)

    // Another --out than last time starts a new output (e.g. one file per scheduled run): the old one is cut back to
    // the checkpoint first, so an event is in exactly one of them.
    const rotating = stored !== undefined && stored.output.path !== outputPath
    if (rotating) {
      closeOutput(stored.output.path, stored.output.bytes)
      state.output = { path: outputPath, bytes: outputPath === '-' ? null : 0 }
    }
    const continuing = stored !== undefined && !rotating
    sink =
      outputPath === '-'
        ? stdoutSink(io.stdout)
        : openFileSink(outputPath, continuing ? (stored.output.bytes ?? undefined) : undefined)
    // The checkpoint names its output before the first byte is written, so a run killed before its first batch is
    // resumed into the right file.
    if (!continuing) storeState(checkpointPath, state, redact)

    const encoder = createEncoder(options.api, options.format)
    const output = sink
    const store = async (key: string, batch: SyncBatch<Event>): Promise<void> => {
      let text = batch.items.length > 0 ? encoder.encode(batch.items) : ''
      if (text !== '' && output.empty) text = encoder.header() + text
      if (text !== '') await output.write(redact(text))
      state.positions[key] = batch.checkpoint
      state.output.bytes = output.bytes
      storeState(checkpointPath, state, redact)
      counters.events += batch.items.length
      const first = batch.items[0]
      progress.covered(batch.checkpoint.instant, first && timeOf(first))
      progress.update(counters)
    }
    let interrupted = false
    for (const { key, batches } of syncs) {
      // By hand rather than for-await, so no reference to a stored batch outlives it while the next page is fetched.
      for (;;) {
        const next = await nextBatch(batches)
        if (next === undefined) break
        await store(key, next)
        if (signal.aborted) {
          interrupted = true
          await batches.return(undefined)
          break
        }
      }
      if (interrupted) break
    }
    if (interrupted || signal.aborted) {
      progress.finish(counters, `interrupted; the checkpoint is stored, run the same command again to resume`)
      return EXIT_CODES.interrupted
    }
    progress.finish(counters, `done, ${describeOutput(outputPath)}`)
    return EXIT_CODES.done
  } catch (error) {
    if (signal.aborted && !(error instanceof UsageError)) {
      progress.finish(counters, `interrupted; the checkpoint is stored, run the same command again to resume`)
      return EXIT_CODES.interrupted
    }
    if (error instanceof UsageError) {
      io.stderr(`${redact(error.message)}\nSee pnpm run export --help.\n`)
      return EXIT_CODES.usage
    }
    const cause =
      error instanceof KaitenError
        ? `API failure: ${error.message}`
        : error instanceof ExportFailure
          ? error.message
          : `unexpected failure: ${describe(error)}`
    progress.finish(counters, `failed: ${cause}; the checkpoint holds what was stored, run again to resume`)
    return EXIT_CODES.failed
  } finally {
    sink?.close()
    await mocks?.close()
  }
}

function createSyncs(
  options: ExportOptions,
  target: Target,
  instances: readonly string[],
  state: ExportState,
  counters: Counters,
  signal: AbortSignal,
): Sync[] {
  const fetch: FetchFunction = async (request) => {
    try {
      const response = await globalThis.fetch(request)
      counters.requests++
      if (RETRIED_STATUSES.has(response.status)) counters.retries++
      if (response.status === 429) counters.rateLimited++
      return response
    } catch (error) {
      counters.requests++
      if (!signal.aborted) counters.retries++
      throw error
    }
  }
  const common = {
    signal,
    ...(options.maxIdsAtInstant === undefined ? {} : { maxIdsAtInstant: options.maxIdsAtInstant }),
  }
  const bounds = (from: string, to: string) => ({
    ...(options.since === undefined ? {} : { [from]: options.since }),
    ...(options.until === undefined ? {} : { [to]: options.until }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  })
  try {
    if (options.api === 'ru') {
      const client = createKaitenRuClient({ baseUrl: target.baseUrl, token: target.token, fetch })
      const params = { ...options.filters, ...bounds('from', 'to') }
      return [
        {
          key: COMPANY_KEY,
          batches: client.syncAuditLogs(params, { ...common, checkpoint: state.positions[COMPANY_KEY] }),
        },
      ]
    }
    const client = createKaitenShClient({ baseUrl: target.baseUrl, token: target.token, fetch })
    const params = { ...options.filters, ...bounds('after', 'before') }
    return instances.map((slug) => ({
      key: slug,
      batches: client.syncAuditTrails(slug, params, { ...common, checkpoint: state.positions[slug] }),
    }))
  } catch (error) {
    if (error instanceof InvalidParameterError) {
      throw new UsageError(
        error.issues
          .map(
            (issue) =>
              `${flagOf(issue.parameter)}: ${describeValue(issue.value)} is not allowed; allowed: ${issue.allowed}`,
          )
          .join('\n'),
      )
    }
    throw error
  }
}

async function nextBatch(
  batches: AsyncGenerator<SyncBatch<Event>, void>,
): Promise<SyncBatch<Event> | undefined> {
  const result = await batches.next()
  return result.done ? undefined : result.value
}

function timeOf(event: Event): string {
  return 'created' in event ? event.created : event.timestamp
}

function describeOutput(path: string): string {
  return path === '-' ? 'written to standard output' : `written to ${path}`
}

export type { Redact }
