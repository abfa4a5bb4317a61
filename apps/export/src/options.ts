// The command line: node:util parseArgs, then every value checked with a message naming the flag, the value and
// what is allowed. API filters are checked by the client itself, before any request (see `flagOf`).
import { parseArgs } from 'node:util'
import type { Api, Format } from './encode.js'
import { UsageError } from './errors.js'

export interface ExportOptions {
  help: boolean
  api: Api
  /** kaiten.sh instance slugs, in the order given. */
  instances: string[]
  /** The API's own filters, under the API's parameter names. */
  filters: Record<string, unknown>
  since: string | undefined
  until: string | undefined
  out: string
  checkpoint: string
  format: Format
  mock: boolean
  limit: number | undefined
  maxIdsAtInstant: number | undefined
}

const OPTIONS = {
  api: { type: 'string' },
  instance: { type: 'string', multiple: true },
  since: { type: 'string' },
  until: { type: 'string' },
  out: { type: 'string' },
  checkpoint: { type: 'string' },
  format: { type: 'string' },
  mock: { type: 'boolean' },
  limit: { type: 'string' },
  'max-ids-at-instant': { type: 'string' },
  'event-name': { type: 'string' },
  'author-id': { type: 'string' },
  'author-uid': { type: 'string' },
  categories: { type: 'string' },
  actions: { type: 'string' },
  id: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Each API's filter flags and the parameter each one sets. */
const FILTER_FLAGS: Record<Api, Record<string, string>> = {
  ru: {
    'author-id': 'author_id',
    'author-uid': 'author_uid',
    categories: 'categories',
    actions: 'actions',
    id: 'id',
  },
  sh: { 'event-name': 'event_name' },
}

const API_NAMES: Record<Api, string> = { ru: 'kaiten.ru', sh: 'kaiten.sh' }
const ALL_FLAGS = Object.keys(OPTIONS).map((name) => `--${name}`)

/** The flag a client parameter comes from, so the client's refusals can name what the user typed. */
export function flagOf(parameter: string): string {
  const direct: Record<string, string> = {
    from: '--since',
    after: '--since',
    to: '--until',
    before: '--until',
    limit: '--limit',
    instanceSlug: '--instance',
    maxIdsAtInstant: '--max-ids-at-instant',
  }
  if (direct[parameter]) return direct[parameter]
  if (parameter.startsWith('checkpoint')) return `--checkpoint (${parameter})`
  for (const flags of Object.values(FILTER_FLAGS)) {
    for (const [flag, name] of Object.entries(flags)) if (name === parameter) return `--${flag}`
  }
  return parameter
}

const quote = (value: unknown) => JSON.stringify(value)

export function parseExportOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ExportOptions {
  const parse = (args: string[]) =>
    parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false, tokens: true })
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse([...argv])
  } catch (error) {
    throw new UsageError(describeParseError(error))
  }
  const { values, tokens } = parsed
  if (values.help) return { help: true } as ExportOptions

  // parseArgs keeps the last of a repeated flag; only --instance may repeat.
  const counts = new Map<string, string[]>()
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    counts.set(token.name, [...(counts.get(token.name) ?? []), token.value ?? 'true'])
  }
  for (const [name, given] of counts) {
    if (name !== 'instance' && given.length > 1) {
      throw new UsageError(
        `--${name}: given ${given.length} times (${given.map(quote).join(', ')}); allowed: once`,
      )
    }
  }

  const api = values.api
  if (api === undefined)
    throw new UsageError('--api: missing; allowed: ru (kaiten.ru audit logs) or sh (kaiten.sh audit trails)')
  if (api !== 'ru' && api !== 'sh') {
    throw new UsageError(
      `--api: ${quote(api)} is not allowed; allowed: ru (kaiten.ru audit logs) or sh (kaiten.sh audit trails)`,
    )
  }
  const format = values.format ?? 'ndjson'
  if (format !== 'ndjson' && format !== 'csv') {
    throw new UsageError(`--format: ${quote(format)} is not allowed; allowed: ndjson or csv`)
  }
  if (values.out === undefined || values.out === '') {
    throw new UsageError('--out: missing; allowed: a file path, or - for standard output')
  }
  if (values.checkpoint === undefined || values.checkpoint === '') {
    throw new UsageError(
      '--checkpoint: missing; allowed: a file path where the position is kept between runs',
    )
  }
  if (values.checkpoint === '-') {
    throw new UsageError(
      '--checkpoint: "-" is not allowed; allowed: a file path (it is read and replaced on every run)',
    )
  }

  const filters: Record<string, unknown> = {}
  const other: Api = api === 'ru' ? 'sh' : 'ru'
  for (const flag of Object.keys(FILTER_FLAGS[other])) {
    if (counts.has(flag)) {
      throw new UsageError(
        `--${flag}: a ${API_NAMES[other]} filter is not allowed with --api ${api}; allowed: ${allowedFilters(api)}`,
      )
    }
  }
  for (const [flag, parameter] of Object.entries(FILTER_FLAGS[api])) {
    const value = values[flag as keyof typeof values]
    if (typeof value !== 'string') continue
    if (parameter === 'author_id') filters[parameter] = integerValue(`--${flag}`, value, 'an integer user id')
    else if (parameter === 'categories' || parameter === 'actions') filters[parameter] = value.split(',')
    else filters[parameter] = value
  }

  const instances = values.instance ?? []
  if (api === 'ru' && instances.length > 0) {
    throw new UsageError(
      `--instance: ${quote(instances[0])} is not allowed with --api ru; allowed: only with --api sh (a kaiten.ru token reads its company's log)`,
    )
  }
  if (api === 'sh' && instances.length === 0 && !values.mock) {
    const fromEnv = env.KAITEN_SH_INSTANCE
    if (!fromEnv) {
      throw new UsageError(
        '--instance: missing; allowed: one or more --instance SLUG (or KAITEN_SH_INSTANCE in the environment)',
      )
    }
    instances.push(fromEnv)
  }
  const duplicate = instances.find((slug, index) => instances.indexOf(slug) !== index)
  if (duplicate !== undefined) {
    throw new UsageError(`--instance: ${quote(duplicate)} given twice; allowed: each instance once`)
  }

  return {
    help: false,
    api,
    instances,
    filters,
    since: values.since,
    until: values.until,
    out: values.out,
    checkpoint: values.checkpoint,
    format,
    mock: values.mock === true,
    limit:
      values.limit === undefined ? undefined : integerValue('--limit', values.limit, 'an integer page size'),
    maxIdsAtInstant:
      values['max-ids-at-instant'] === undefined
        ? undefined
        : integerValue('--max-ids-at-instant', values['max-ids-at-instant'], 'an integer'),
  }
}

function integerValue(flag: string, text: string, allowed: string): number {
  const value = Number(text)
  if (/^\d+$/.test(text) && Number.isSafeInteger(value)) return value
  throw new UsageError(`${flag}: ${quote(text)} is not allowed; allowed: ${allowed}`)
}

function allowedFilters(api: Api): string {
  return [...Object.keys(FILTER_FLAGS[api]).map((flag) => `--${flag}`), '--since', '--until'].join(', ')
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  const name = /'([^']*)'/.exec(message)?.[1]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `${name ?? 'option'}: unknown option; allowed: ${ALL_FLAGS.join(', ')}`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `${quote(name ?? message)}: unexpected argument; allowed: options only (--name value), see --help`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${message.replace(/\.$/, '')}; allowed: --name value for options that take one, --mock and --help without a value`
    default:
      return message
  }
}

export function helpText(): string {
  return `kaiten-export — ship audit events to a file, exactly once, resuming from a checkpoint

Usage:
  pnpm run export --api ru|sh [--instance SLUG]… [filters] [--since T] [--until T]
                  --out FILE|- --checkpoint FILE [--format ndjson|csv] [--mock]

Target (from the environment, as for pnpm contract; see .env.example):
  --api ru               kaiten.ru audit log: KAITEN_RU_BASE_URL, KAITEN_RU_TOKEN
  --api sh               kaiten.sh audit trails: KAITEN_SH_BASE_URL, KAITEN_SH_TOKEN
  --instance SLUG        kaiten.sh instance; repeat for several (default: KAITEN_SH_INSTANCE)
  --mock                 export from the embedded mock servers instead (try it: no account needed)

What to export:
  --since T              start here when the checkpoint has no position yet (RFC 3339, e.g. 2026-01-01T00:00:00Z)
  --until T              never export events after T
  kaiten.ru filters      --author-id N  --author-uid UID  --categories a,b  --actions a,b  --id UUID
  kaiten.sh filters      --event-name NAME

Where:
  --out FILE|-           output file (appended to; rewound to the checkpoint after a crash), or - for stdout
  --checkpoint FILE      the position, kept between runs; created on the first run, replaced atomically
  --format ndjson|csv    ndjson (default): one event per line, as the API sent it; csv: fixed columns

Advanced:
  --limit N              page size (default: the API's maximum, 500 on kaiten.ru, 200 on kaiten.sh)
  --max-ids-at-instant N most events sharing one timestamp a checkpoint may record (default 10000)
  -h, --help             this text

Exit codes: 0 done, 1 API or I/O failure (after retries), 2 usage, 130 interrupted (resumable).
`
}
