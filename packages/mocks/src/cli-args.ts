// Flags of `pnpm mock`, parsed and checked; every error names the flag, the value and what is allowed.

import { parseArgs } from 'node:util'
import { isListenHost, LISTEN_HOST_ALLOWED } from './listen-address.js'
import { operationFor } from './operations.js'
import { describeScenarios, parseScenario } from './scenarios/catalogue.js'
import { SCENARIO_HEADER } from './scenarios/header.js'
import { type Scenario, ScenarioError } from './scenarios/scenario.js'
import type { MockServersOptions } from './server.js'

/** What `pnpm mock` was asked to do, after every flag has been checked. */
export interface CliOptions {
  help: boolean
  seed: number
  rateLimit: boolean
  /** The address both servers listen on. */
  host: string
  /** One line per request on stderr: method, path, status, milliseconds. */
  log: boolean
  ports: { kaitenSh: number; kaitenRu: number }
  /** `--scenario`, in the order given: each in front of every API it applies to, the first outermost. */
  scenarios: Scenario[]
}

/** kaiten.ru's documented rate limit in words, from its model's `x-rate-limit`: `5 requests per second`. */
export function describeRateLimit(): string {
  const { rateLimit } = operationFor('kaiten-ru')
  if (!rateLimit) return 'no documented limit'
  const { requests, windowSeconds } = rateLimit
  return `${requests} requests per ${windowSeconds === 1 ? 'second' : `${windowSeconds} seconds`}`
}

/** The `--help` text. */
export const USAGE = `Usage: pnpm mock [options]

Starts the kaiten.sh and kaiten.ru mock servers (on 127.0.0.1 unless --host says otherwise).

Options:
  --port-sh <port>   kaiten.sh port (default 0: any free port)
  --port-ru <port>   kaiten.ru port (default 0: any free port)
  --seed <n>         data seed, an integer from 0 to 4294967295 (default 1)
  --no-rate-limit    switch off kaiten.ru's ${describeRateLimit()} limit
  --host <address>   listen address (default 127.0.0.1; 0.0.0.0 exposes the mocks and their tokens to the network)
  --log              print method, path, status and milliseconds of each request to stderr (never tokens)
  --scenario <spec>  put a scenario in front of both APIs (or the one it applies to); repeatable.
                     <spec> is name or name:key=value,... (every scenario also takes times=N and, where it
                     applies to both APIs, api=kaiten-sh|kaiten-ru). A request may pick one for itself with the
                     header ${SCENARIO_HEADER}: <spec>.
  --help, -h         show this help

Scenarios:
${describeScenarios()
  .map((line) => `  ${line}`)
  .join('\n')}
`

/** A flag `pnpm mock` does not accept, or a flag value it cannot use. */
export class CliError extends Error {
  override name = 'CliError'
}

const FLAGS = {
  'port-sh': { type: 'string' },
  'port-ru': { type: 'string' },
  seed: { type: 'string' },
  'no-rate-limit': { type: 'boolean' },
  host: { type: 'string' },
  log: { type: 'boolean' },
  scenario: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const

const ALLOWED_FLAGS = '--port-sh, --port-ru, --seed, --no-rate-limit, --host, --log, --scenario, --help'

function refuse(flag: string, text: string | undefined, allowed: string): never {
  throw new CliError(`${flag}: ${JSON.stringify(text ?? '')} is not allowed; allowed: ${allowed}`)
}

function integerFlag(flag: string, text: string | undefined, max: number, allowed: string): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) > max) refuse(flag, text, allowed)
  return Number(text)
}

function scenarioFlag(text: string | undefined): Scenario {
  try {
    return parseScenario(text ?? '')
  } catch (error) {
    if (error instanceof ScenarioError) throw new CliError(`--scenario: ${error.message}`)
    throw error
  }
}

function hostFlag(text: string | undefined): string {
  if (text === undefined || !isListenHost(text)) refuse('--host', text, LISTEN_HOST_ALLOWED)
  return text
}

/** Parses the arguments after `node cli.js`; throws {@link CliError} naming the flag, the value and what is allowed. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  // `pnpm mock -- --seed 4` passes the separator through; it ends no options here, so drop it.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv]
  // Not strict: Node's own errors do not name the allowed values, and strict mode refuses `--seed -3` as ambiguous
  // instead of reporting the value; each token is checked below instead.
  const { tokens } = parseArgs({ args, options: FLAGS, strict: false, allowPositionals: true, tokens: true })
  const options: CliOptions = {
    help: false,
    seed: 1,
    rateLimit: true,
    host: '127.0.0.1',
    log: false,
    ports: { kaitenSh: 0, kaitenRu: 0 },
    scenarios: [],
  }
  for (const token of tokens) {
    if (token.kind !== 'option') {
      const text = token.kind === 'positional' ? token.value : '--'
      throw new CliError(`${JSON.stringify(text)} is not allowed; allowed: ${ALLOWED_FLAGS}`)
    }
    const flag = `--${token.name}`
    if (!Object.hasOwn(FLAGS, token.name)) {
      throw new CliError(`${JSON.stringify(token.rawName)} is not allowed; allowed: ${ALLOWED_FLAGS}`)
    }
    const name = token.name as keyof typeof FLAGS
    if (FLAGS[name].type === 'boolean' && token.value !== undefined) refuse(flag, token.value, 'no value')
    switch (name) {
      case 'help':
        options.help = true
        break
      case 'no-rate-limit':
        options.rateLimit = false
        break
      case 'log':
        options.log = true
        break
      case 'host':
        options.host = hostFlag(token.value)
        break
      case 'port-sh':
        options.ports.kaitenSh = integerFlag(flag, token.value, 65_535, 'a port from 0 to 65535')
        break
      case 'port-ru':
        options.ports.kaitenRu = integerFlag(flag, token.value, 65_535, 'a port from 0 to 65535')
        break
      case 'scenario':
        options.scenarios.push(scenarioFlag(token.value))
        break
      case 'seed':
        options.seed = integerFlag(flag, token.value, 0xffffffff, 'an integer from 0 to 4294967295')
        break
    }
  }
  if (options.ports.kaitenSh !== 0 && options.ports.kaitenSh === options.ports.kaitenRu) {
    throw new CliError(
      `--port-ru: ${options.ports.kaitenRu} is not allowed; allowed: a port other than --port-sh (${options.ports.kaitenSh})`,
    )
  }
  return options
}

/** What `startMockServers` is given for the flags (the request log aside, which the CLI adds itself). */
export function serverOptions(options: CliOptions): MockServersOptions {
  return {
    seed: options.seed,
    rateLimit: options.rateLimit,
    ports: options.ports,
    host: options.host,
    scenarios: options.scenarios,
  }
}
