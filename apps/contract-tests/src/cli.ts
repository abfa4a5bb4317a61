#!/usr/bin/env -S node --
// `pnpm contract`: picks the target, runs every check, prints the summary, writes the reports, exits 0 only on success.
// The `--` after node is load-bearing: Node 20 reads `--env-file` anywhere before a `--`, also after the script name
// (nodejs/node#54232), and exits 9 on a missing file before this code runs. The package script passes it too.
import { realpathSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseEnv } from 'node:util'
import { allChecks } from './checks/index.js'
import { UsageError } from './config/errors.js'
import { type CliOptions, EXIT_CODES, helpText, parseCliOptions } from './config/options.js'
import { checkOutputPaths } from './config/output-paths.js'
import { checkSelector } from './config/selection.js'
import { type Environment, secretsIn, selectTargets, type TargetSelection } from './config/targets.js'
import type { Exchange } from './http/exchange.js'
import { startMockTarget } from './mock-target.js'
import { type ApiName, type CheckResult, type RunReport, runPassed } from './model.js'
import { RunProgress } from './progress.js'
import { createRedactor, type Redact } from './redact.js'
import { renderJUnit } from './report/junit.js'
import { renderMarkdown } from './report/markdown.js'
import { type RecordedExchange, recordLine, renderRecord } from './report/record.js'
import { renderTerminal } from './report/terminal.js'
import { runContract } from './runner.js'
import { quietWhenClosed } from './streams.js'

interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  colour: boolean
  /** Where relative report paths start: the directory `pnpm contract` was typed in. */
  cwd: string
  /** stderr is a terminal: progress is a live line there unless --no-progress. */
  interactive?: boolean
  /** Width of that terminal. */
  columns?: number
}

export async function main(argv: readonly string[], processEnv: Environment, io: Io): Promise<number> {
  let redact = createRedactor(secretsIn(processEnv))
  let options: CliOptions
  let selection: TargetSelection
  let only: ((checkId: string) => boolean) | undefined
  try {
    options = parseCliOptions(argv, processEnv)
    const env =
      options.envFile === undefined ? processEnv : await withEnvFile(io.cwd, options.envFile, processEnv)
    redact = createRedactor(secretsIn(env))
    if (env !== processEnv) options = parseCliOptions(argv, env)
    if (options.help) {
      io.stdout(helpText())
      return EXIT_CODES.passed
    }
    if (options.list) {
      io.stdout(listText())
      return EXIT_CODES.passed
    }
    only = checkSelector(options.only)
    selection = selectTargets(env, options.target)
    await checkOutputPaths(io.cwd, [
      ...(options.junitPath !== undefined ? [{ option: '--junit', path: options.junitPath }] : []),
      ...(options.markdownPath !== undefined ? [{ option: '--markdown', path: options.markdownPath }] : []),
      ...(options.jsonPath !== undefined ? [{ option: '--json', path: options.jsonPath }] : []),
      ...(options.recordPath !== undefined ? [{ option: '--record', path: options.recordPath }] : []),
    ])
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`${redact(error.message)}\nSee pnpm contract --help.\n`)
    return EXIT_CODES.usage
  }

  let report: RunReport
  const recorded: RecordedExchange[] = []
  try {
    report = await run(options, only, selection, io, (exchange) => {
      if (options.recordPath !== undefined) recorded.push(recordLine(exchange))
    })
  } catch (error) {
    io.stderr(`The contract run could not complete: ${redact(describe(error))}\n`)
    return EXIT_CODES.internal
  }
  io.stdout(renderTerminal(report, { colour: io.colour }))
  try {
    await writeReport(io.cwd, options.junitPath, renderJUnit(report), redact)
    await writeReport(io.cwd, options.markdownPath, renderMarkdown(report), redact)
    await writeReport(io.cwd, options.jsonPath, `${JSON.stringify(report, null, 2)}\n`, redact)
    await writeReport(io.cwd, options.recordPath, renderRecord(recorded, redact), redact)
  } catch (error) {
    io.stderr(`A report could not be written: ${redact(describe(error))}\n`)
    return EXIT_CODES.internal
  }
  return runPassed(report) ? EXIT_CODES.passed : EXIT_CODES.failed
}

async function run(
  options: CliOptions,
  only: ((checkId: string) => boolean) | undefined,
  selection: TargetSelection,
  io: Io,
  onExchange: (exchange: Exchange) => void,
): Promise<RunReport> {
  const progress = startProgress(options, io)
  const common = {
    maxRequests: options.maxRequests,
    timeoutMs: options.timeoutMs,
    onExchange,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.negativeCases !== undefined ? { negativeCases: options.negativeCases } : {}),
    ...(only ? { only } : {}),
    ...(progress
      ? {
          onCheckStart: (check: { id: string; api: ApiName }) => progress.checkStarted(check),
          onResult: (result: CheckResult) => progress.checkFinished(result),
          onRequest: (used: number) => progress.requestSent(used),
        }
      : {}),
  }
  try {
    if (selection.kind === 'live') {
      io.stderr('Verifying the live APIs…\n')
      return await runContract({
        ...common,
        target: 'live',
        skipped: selection.skipped,
        ...(selection.kaitenSh ? { kaitenSh: selection.kaitenSh } : {}),
        ...(selection.kaitenRu ? { kaitenRu: selection.kaitenRu } : {}),
      })
    }
    io.stderr('Starting the embedded mock servers…\n')
    const mocks = await startMockTarget()
    try {
      return await runContract({
        ...common,
        target: 'mocks',
        kaitenSh: mocks.kaitenSh,
        kaitenRu: mocks.kaitenRu,
      })
    } finally {
      await mocks.close()
    }
  } finally {
    progress?.stop()
  }
}

/** One line per check, tab-separated so the ids cut out with `cut -f1`: id, the rules it closes, title. */
function listText(): string {
  return allChecks.map((check) => `${check.id}\t${check.rules.join(' ')}\t${check.title}\n`).join('')
}

/** A live line on a terminal unless --no-progress; in a log only with --progress. */
function startProgress(options: CliOptions, io: Io): RunProgress | undefined {
  const wanted = options.progress ?? io.interactive === true
  if (!wanted) return undefined
  return new RunProgress({
    mode: io.interactive ? 'live' : 'lines',
    write: io.stderr,
    now: () => performance.now(),
    maxRequests: options.maxRequests,
    ...(io.columns !== undefined ? { columns: io.columns } : {}),
  })
}

/** The file's variables under the environment's: a variable set in the environment is never replaced. */
async function withEnvFile(
  cwd: string,
  { option, path }: NonNullable<CliOptions['envFile']>,
  env: Environment,
): Promise<Environment> {
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (error) {
    throw new UsageError(
      `${option}: ${JSON.stringify(path)} cannot be read (${describe(error)}); allowed: a readable dotenv file`,
    )
  }
  return { ...parseEnv(text), ...env }
}

async function writeReport(
  cwd: string,
  path: string | undefined,
  text: string,
  redact: Redact,
): Promise<void> {
  if (path === undefined) return
  const absolute = resolve(cwd, path)
  await mkdir(dirname(absolute), { recursive: true })
  // The report was redacted when it was built; this second pass covers anything rendering added.
  await writeFile(absolute, redact(text), 'utf8')
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** True when node runs this file, also through the package's `kaiten-contract` bin symlink. */
function isEntryPoint(): boolean {
  const script = process.argv[1]
  if (script === undefined) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href
  } catch {
    return false
  }
}

if (isEntryPoint()) {
  const env = process.env
  const colour =
    env.FORCE_COLOR !== undefined ? env.FORCE_COLOR !== '0' : !env.NO_COLOR && process.stdout.isTTY === true
  const stdout = quietWhenClosed(process.stdout)
  const stderr = quietWhenClosed(process.stderr)
  main(process.argv.slice(2), env, {
    stdout: stdout.write,
    stderr: stderr.write,
    colour,
    interactive: process.stderr.isTTY === true,
    ...(process.stderr.columns !== undefined ? { columns: process.stderr.columns } : {}),
    // pnpm runs the script in this package's directory; INIT_CWD is where the command was typed.
    cwd: env.INIT_CWD ?? process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      stderr.write(`Unexpected failure: ${createRedactor(secretsIn(env))(describe(error))}\n`)
      process.exitCode = EXIT_CODES.internal
    },
  )
}
