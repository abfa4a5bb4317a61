// Flags of `pnpm mock`, parsed and checked; every error names the flag, the value and what is allowed.

export interface CliOptions {
  help: boolean
  seed: number
  rateLimit: boolean
  ports: { kaitenSh: number; kaitenRu: number }
}

export const USAGE = `Usage: pnpm mock [options]

Starts the kaiten.sh and kaiten.ru mock servers on 127.0.0.1.

Options:
  --port-sh <port>   kaiten.sh port (default 0: any free port)
  --port-ru <port>   kaiten.ru port (default 0: any free port)
  --seed <n>         data seed, an integer from 0 to 4294967295 (default 1)
  --no-rate-limit    switch off kaiten.ru's 5 requests per second limit
  --help             show this help
`

export class CliError extends Error {
  override name = 'CliError'
}

function integerFlag(flag: string, text: string | undefined, max: number, allowed: string): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) > max) {
    throw new CliError(`${flag}: ${JSON.stringify(text ?? '')} is not allowed; allowed: ${allowed}`)
  }
  return Number(text)
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { help: false, seed: 1, rateLimit: true, ports: { kaitenSh: 0, kaitenRu: 0 } }
  const args = [...argv]
  while (args.length > 0) {
    const arg = args.shift() as string
    // `pnpm mock -- --seed 4` passes the separator through; it ends no options here, so skip it.
    if (arg === '--') continue
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const value = () => inline ?? args.shift()
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true
        break
      case '--no-rate-limit':
        options.rateLimit = false
        break
      case '--port-sh':
        options.ports.kaitenSh = integerFlag('--port-sh', value(), 65_535, 'a port from 0 to 65535')
        break
      case '--port-ru':
        options.ports.kaitenRu = integerFlag('--port-ru', value(), 65_535, 'a port from 0 to 65535')
        break
      case '--seed':
        options.seed = integerFlag('--seed', value(), 0xffffffff, 'an integer from 0 to 4294967295')
        break
      default:
        throw new CliError(
          `${JSON.stringify(arg)} is not allowed; allowed: --port-sh, --port-ru, --seed, --no-rate-limit, --help`,
        )
    }
  }
  if (options.ports.kaitenSh !== 0 && options.ports.kaitenSh === options.ports.kaitenRu) {
    throw new CliError(
      `--port-ru: ${options.ports.kaitenRu} is not allowed; allowed: a port other than --port-sh (${options.ports.kaitenSh})`,
    )
  }
  return options
}
