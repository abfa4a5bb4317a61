// Command-line options of `pnpm contract`, and the help text that documents them with the environment.
import { parseArgs } from 'node:util'
import { DEFAULT_MAX_REQUESTS } from '../http/budget.js'
import { DEFAULT_TIMEOUT_MS } from '../http/recorder.js'
import { UsageError } from './errors.js'
import { type Environment, type TargetChoice, targetChoices } from './targets.js'
import { variables } from './variables.js'

export interface CliOptions {
  help: boolean
  list: boolean
  target: TargetChoice
  maxRequests: number
  junitPath?: string
  markdownPath?: string
  /** The whole result as JSON, for other tools. */
  jsonPath?: string
  /** Every exchange of the run, tokens redacted, one JSON object per line. */
  recordPath?: string
  /** Draws the rotating negative cases; unset: a fresh seed, printed. */
  seed?: number
  negativeCases?: NegativeCases
  /** A dotenv file whose variables fill in what the environment does not set, and the option that named it. */
  envFile?: { option: EnvFileOption; path: string }
  /** Check id prefixes; empty: every check. */
  only: string[]
  timeoutMs: number
  /** `--progress` / `--no-progress`; unset: progress only on a terminal. */
  progress?: boolean
}

/**
 * `--dotenv` is the name to use: Node 20 reads `--env-file` anywhere on its own command line (nodejs/node#54232), so
 * in `pnpm contract --env-file x` the node that runs pnpm takes it and exits 9 on a missing file. `--env-file`
 * still works wherever it reaches this CLI: after `--`, and through the kaiten-contract bin.
 */
export type EnvFileOption = '--dotenv' | '--env-file'

export const negativeCaseChoices = ['sample', 'all'] as const
export type NegativeCases = (typeof negativeCaseChoices)[number]

const SEED_MAXIMUM = 2 ** 31 - 1

export const EXIT_CODES = {
  passed: 0,
  failed: 1,
  usage: 2,
  internal: 3,
} as const

function positiveInteger(name: string, text: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${name}: ${JSON.stringify(text)} is not allowed; allowed: an integer ≥ 1`)
  }
  return value
}

export function parseCliOptions(argv: readonly string[], env: Environment): CliOptions {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values } = parsed
  const target = values.target ?? 'auto'
  if (!targetChoices.includes(target as TargetChoice)) {
    throw new UsageError(
      `--target: ${JSON.stringify(target)} is not allowed; allowed: ${targetChoices.join(', ')}`,
    )
  }
  const maxRequestsText = values['max-requests'] ?? env.KAITEN_CONTRACT_MAX_REQUESTS?.trim()
  const maxRequests = maxRequestsText
    ? positiveInteger(
        values['max-requests'] !== undefined ? '--max-requests' : 'KAITEN_CONTRACT_MAX_REQUESTS',
        maxRequestsText,
      )
    : DEFAULT_MAX_REQUESTS
  return {
    help: values.help ?? false,
    list: values.list ?? false,
    target: target as TargetChoice,
    maxRequests,
    ...(values.junit !== undefined ? { junitPath: nonEmpty('--junit', values.junit) } : {}),
    ...(values.markdown !== undefined ? { markdownPath: nonEmpty('--markdown', values.markdown) } : {}),
    ...(values.json !== undefined ? { jsonPath: nonEmpty('--json', values.json) } : {}),
    ...(values.record !== undefined ? { recordPath: nonEmpty('--record', values.record) } : {}),
    ...(values.seed !== undefined ? { seed: seed(values.seed) } : {}),
    ...(values.negative !== undefined ? { negativeCases: negative(values.negative) } : {}),
    ...envFile(values.dotenv, values['env-file']),
    only: values.only ?? [],
    timeoutMs: values.timeout !== undefined ? timeout(values.timeout) : DEFAULT_TIMEOUT_MS,
    ...progress(values.progress, values['no-progress']),
  }
}

function seed(text: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value > SEED_MAXIMUM) {
    throw new UsageError(
      `--seed: ${JSON.stringify(text)} is not allowed; allowed: an integer from 0 to ${SEED_MAXIMUM}`,
    )
  }
  return value
}

function negative(text: string): NegativeCases {
  if (!negativeCaseChoices.includes(text as NegativeCases)) {
    throw new UsageError(
      `--negative: ${JSON.stringify(text)} is not allowed; allowed: ${negativeCaseChoices.join(', ')}`,
    )
  }
  return text as NegativeCases
}

function progress(on: boolean | undefined, off: boolean | undefined) {
  if (on && off)
    throw new UsageError('--progress and --no-progress contradict each other; allowed: one of them')
  if (on) return { progress: true }
  if (off) return { progress: false }
  return {}
}

function envFile(dotenv: string | undefined, envFileValue: string | undefined) {
  if (dotenv !== undefined && envFileValue !== undefined) {
    throw new UsageError('--dotenv and --env-file name the same file; allowed: one of them')
  }
  if (dotenv !== undefined)
    return { envFile: { option: '--dotenv' as const, path: nonEmpty('--dotenv', dotenv) } }
  if (envFileValue !== undefined) {
    return { envFile: { option: '--env-file' as const, path: nonEmpty('--env-file', envFileValue) } }
  }
  return {}
}

/** Node's timers hold 32-bit signed milliseconds; a longer timeout fires after 1 ms instead, failing every request. */
const MAX_TIMER_MS = 2 ** 31 - 1

function timeout(text: string): number {
  const value = positiveInteger('--timeout', text)
  if (value > MAX_TIMER_MS) {
    throw new UsageError(
      `--timeout: ${JSON.stringify(text)} is not allowed; allowed: at most ${MAX_TIMER_MS} (ms), the longest timer Node keeps`,
    )
  }
  return value
}

function nonEmpty(name: string, text: string): string {
  if (text.trim() === '') throw new UsageError(`${name}: "" is not allowed; allowed: a file path`)
  return text
}

function parse(argv: readonly string[]) {
  // pnpm passes the `--` of `pnpm contract -- --list` on to the script; npm swallows it. Accept both.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv]
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      list: { type: 'boolean' },
      target: { type: 'string' },
      'max-requests': { type: 'string' },
      junit: { type: 'string' },
      markdown: { type: 'string' },
      json: { type: 'string' },
      record: { type: 'string' },
      seed: { type: 'string' },
      negative: { type: 'string' },
      dotenv: { type: 'string' },
      'env-file': { type: 'string' },
      only: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      progress: { type: 'boolean' },
      'no-progress': { type: 'boolean' },
    },
  })
}

export function helpText(): string {
  const width = Math.max(...variables.map((variable) => variable.name.length))
  return `Usage: pnpm contract [options]

Verifies pagination, error shapes, schema conformance and drift of the kaiten.sh audit-trails and
kaiten.ru audit-logs APIs. Without KAITEN_* variables it starts the embedded mock servers, checks them
and stops them. With them it checks the live APIs, read-only and gently: a bounded number of requests,
kaiten.ru paced at 5 requests per second, small time windows instead of full scans.

Options:
  --target <auto|mocks|live>  auto (default): live when any KAITEN_* target variable is set, else mocks
  --max-requests <n>          requests one run may send over both APIs (default ${DEFAULT_MAX_REQUESTS})
  --junit <path>              also write a JUnit XML report to <path>
  --markdown <path>           also write a Markdown summary to <path> (e.g. for $GITHUB_STEP_SUMMARY)
  --json <path>               also write the whole result as JSON to <path>, for other tools
  --record <path>             also write every request and response of the run to <path>, one JSON
                              object per line (NDJSON), tokens redacted: a failed run can be debugged
                              from it
  --seed <n>                  the seed that picks the rotating cases (a paced API's negative cases);
                              every run prints its seed, and --seed replays that run's cases
  --negative <sample|all>     sample (default): one negative case per parameter where requests are
                              paced (kaiten.ru), rotated by the seed; all: every case
  --dotenv <path>             read KAITEN_* variables from a dotenv file (e.g. .env made from .env.example);
                              variables already in the environment win
  --env-file <path>           the same; Node 20 takes this name itself unless it follows --
                              (pnpm contract -- --env-file .env)
  --only <check>              run only the checks whose id starts with it, or of a group (pagination,
                              filters, errors, access, rate-limit); repeatable. Checks that only judge what was
                              recorded (invariants, rate-limit headers, schema, drift) always run.
                              A value that selects no check is an error
  --timeout <ms>              per-request timeout (default ${DEFAULT_TIMEOUT_MS}); an API that gives no answer
                              to its first request, or to two in a row, is stopped with one line
  --progress, --no-progress   show the running checks, requests used and time on stderr (default: only
                              when stderr is a terminal; in a log, --progress writes a line per check
                              and one every 10 s while a request is outstanding)
  --list                      list every check (id, the rules it closes, title; tab-separated) and exit
  -h, --help                  show this help

Environment (live target; set all required variables of an API to verify it, or none to skip it):
${variables.map((variable) => `  ${variable.name.padEnd(width)}  ${variable.description}`).join('\n')}

Exit codes:
  0  every check passed (checks that do not apply, e.g. 403 without a forbidden token, are skipped)
  1  at least one check failed or could not run
  2  bad options or incomplete environment
  3  the run itself broke (mock servers did not start, a report could not be written)

Tokens never appear in any output.
`
}
