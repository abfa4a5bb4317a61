#!/usr/bin/env node
// `pnpm run export` / `kaiten-export`: parse, run, exit with the documented code. SIGINT and SIGTERM let the batch being
// written finish and its checkpoint be stored, then exit 130; a second signal exits at once (still resumable: the
// output is rewound to the checkpoint on the next run).
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { EXIT_CODES, UsageError } from './errors.js'
import { type ExportOptions, helpText, parseExportOptions } from './options.js'
import { createRedactor } from './redact.js'
import { type RunIo, runExport } from './run.js'
import { secretsIn } from './targets.js'

export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: RunIo,
  signal: AbortSignal,
): Promise<number> {
  let options: ExportOptions
  try {
    options = parseExportOptions(argv, env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`${createRedactor(secretsIn(env))(error.message)}\nSee pnpm run export --help.\n`)
    return EXIT_CODES.usage
  }
  if (options.help) {
    io.stdout.write(helpText())
    return EXIT_CODES.done
  }
  return runExport(options, env, io, signal)
}

/** True when node runs this file, also through the package's `kaiten-export` bin symlink. */
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
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(EXIT_CODES.interrupted)
    controller.abort(new Error(`${name} received`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const env = process.env
  main(
    process.argv.slice(2),
    env,
    {
      stdout: process.stdout,
      stderr: (text) => process.stderr.write(text),
      progress: process.stderr.isTTY === true,
      // pnpm runs scripts in the package's directory; INIT_CWD is where the command was typed.
      cwd: env.INIT_CWD ?? process.cwd(),
    },
    controller.signal,
  ).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      process.stderr.write(`kaiten-export: unexpected failure: ${createRedactor(secretsIn(env))(message)}\n`)
      process.exitCode = EXIT_CODES.failed
    },
  )
}
