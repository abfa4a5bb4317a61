#!/usr/bin/env node
// `pnpm mock`: both fakes on 127.0.0.1 (or --host) until SIGINT / SIGTERM.

import { CliError, describeRateLimit, parseCliArgs, serverOptions, USAGE } from './cli-args.js'
import { withRequestLog } from './request-log.js'
import type { Responder } from './responders/responder.js'
import { routeFor, routePath } from './routes.js'
import { startMockServers } from './server.js'

function logTo(label: string): (faithful: Responder) => Responder {
  return (faithful) => withRequestLog(faithful, { label, write: (line) => process.stderr.write(`${line}\n`) })
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>
  try {
    options = parseCliArgs(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof CliError)) throw error
    process.stderr.write(`${error.message}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (options.help) {
    process.stdout.write(USAGE)
    return
  }
  const servers = await startMockServers({
    ...serverOptions(options),
    ...(options.log ? { wrap: { kaitenSh: logTo('kaiten.sh'), kaitenRu: logTo('kaiten.ru') } } : {}),
  })
  const { kaitenSh, kaitenRu } = servers
  process.stdout.write(
    [
      'kaiten.sh (Kaiten Cloud) audit trails',
      `  base URL            ${kaitenSh.baseUrl}`,
      `  token               ${kaitenSh.token}`,
      `  token without scope ${kaitenSh.tokenWithoutScope}   (403)`,
      `  instances           ${servers.stores.kaitenSh
        .instances()
        .map((instance) => instance.slug)
        .join(', ')}`,
      `  curl -H 'Authorization: Bearer ${kaitenSh.token}' '${kaitenSh.baseUrl}${routePath(routeFor('kaiten-sh'), { instanceSlug: kaitenSh.instanceSlug })}?limit=2'`,
      '',
      'kaiten.ru (Kaiten) audit logs',
      `  base URL            ${kaitenRu.baseUrl}`,
      `  token               ${kaitenRu.token}`,
      `  token without access ${kaitenRu.tokenWithoutAccess}   (403)`,
      `  rate limit          ${options.rateLimit ? `${describeRateLimit()} per token` : 'off'}`,
      `  curl -i -H 'Authorization: Bearer ${kaitenRu.token}' '${kaitenRu.baseUrl}${routePath(routeFor('kaiten-ru'))}?limit=2&categories=auth'`,
      '',
      ...(options.scenarios.length > 0
        ? [`scenarios           ${options.scenarios.map(String).join(', ')}`]
        : []),
      `seed ${options.seed}.${options.log ? ' Requests are logged to stderr.' : ''} Ctrl+C stops both servers.`,
      '',
    ].join('\n'),
  )
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    servers.close().then(
      () => {
        process.stdout.write(`${signal}: mock servers stopped\n`)
        process.exit(0)
      },
      (error: unknown) => {
        process.stderr.write(`${signal}: failed to stop cleanly: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  // `on`, not `once`: pnpm forwards the terminal's Ctrl+C, so a second signal can arrive while closing.
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
