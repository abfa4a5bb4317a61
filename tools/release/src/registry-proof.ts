// The registry proof: pack and check every package, install the tarballs into a project outside the workspace,
// publish everything with changesets to a throwaway Verdaccio, install the client and the mocks from it with plain
// npm, compile a typed consumer with strict tsc and run it against `pnpm mock`. Every process it starts ends.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  compileConsumer,
  installConsumer,
  installedVersions,
  runConsumer,
  writeConsumer,
} from './consumer.js'
import { type RunningMock, startPnpmMock } from './mock-process.js'
import { type Packed, packAndCheck } from './pack.js'
import { resolvePnpm } from './pnpm.js'
import { run } from './process.js'
import { changesetPublish, publishedVersion, sharedScope } from './publish.js'
import { ensureVerdaccio, type Registry, startVerdaccio, VERDACCIO_VERSION } from './verdaccio.js'
import { parseCatalog, pinnedPnpmVersion, publishablePackages } from './workspace.js'

const PACK_TIMEOUT_MS = 5 * 60_000
/** The packages a consuming team installs directly; the others arrive as their dependencies. */
const CONSUMED = ['@kaiten-audit/client', '@kaiten-audit/mocks']

/** Where the proof runs and where it writes. */
export interface ProofOptions {
  root: string
  keep: boolean
  write: (text: string) => void
}

/** Thrown when a check of the proof fails; the message says which and why. */
export class ProofFailure extends Error {
  override name = 'ProofFailure'
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}

/** Runs the proof; resolves when every check passed, rejects with the first failure. Cleans up either way. */
export async function registryProof(options: ProofOptions): Promise<void> {
  const { root, write } = options
  const started = Date.now()
  const temp = mkdtempSync(join(tmpdir(), 'kaiten-audit-registry-proof-'))
  const dirs = {
    bin: join(temp, 'bin'),
    packs: join(temp, 'packs'),
    registry: join(temp, 'registry'),
    fromTarballs: join(temp, 'consumer-from-tarballs'),
    fromRegistry: join(temp, 'consumer-from-registry'),
  }
  for (const dir of Object.values(dirs)) mkdirSync(dir)
  let registry: Registry | undefined
  let mock: RunningMock | undefined
  let step = 0
  const heading = (title: string) => write(`\n[${++step}/8] ${title}\n`)
  write(`registry proof\n  workspace ${root}\n  scratch   ${temp}\n`)
  try {
    const pnpm = await resolvePnpm(pinnedPnpmVersion(root), dirs.bin)
    const packages = publishablePackages(root)
    const scope = sharedScope(packages)
    const catalog = parseCatalog(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'))
    const toolchain = {
      typescript: catalog.typescript ?? 'latest',
      '@types/node': catalog['@types/node'] ?? 'latest',
    }

    heading('pnpm')
    const version = await run(pnpm.command, [...pnpm.prefix, '--version'], {
      cwd: root,
      env: pnpm.env,
      timeoutMs: 120_000,
    })
    write(`  pnpm ${version.stdout.trim()}: ${pnpm.origin}\n`)

    heading(
      `pack every published package (prepack builds it) and check the tarballs before anything is published`,
    )
    const packed: Packed[] = []
    for (const pkg of packages) {
      const time = Date.now()
      const result = await packAndCheck(pkg.dir, dirs.packs, pnpm, PACK_TIMEOUT_MS)
      packed.push(result)
      const exports = Object.keys((result.manifest.exports as Record<string, unknown>) ?? {}).filter(
        (key) => key !== './package.json',
      )
      const dependencies = Object.entries(result.manifest.dependencies ?? {})
        .map(([name, range]) => `${name} ${range}`)
        .join(', ')
      write(
        `  ${result.manifest.name}@${result.manifest.version}: ${result.files.length} files, ${seconds(Date.now() - time)}\n` +
          `    exports ${exports.join(' ')} — each with its .js and .d.ts in the tarball\n` +
          `    dependencies ${dependencies || '(none)'}\n`,
      )
    }
    const problems = packed.flatMap((result) =>
      result.problems.map((problem) => `${result.manifest.name}: ${problem}`),
    )
    if (problems.length > 0) {
      throw new ProofFailure(
        `these packages would publish broken; nothing was published:\n${indent(problems.join('\n'))}`,
      )
    }
    write('  no problems: every entry point has its build and types, no workspace:/catalog: range is left\n')

    heading(
      'a project outside the workspace installs the four tarballs with npm and compiles with strict tsc',
    )
    writeConsumer(join(root, 'tools/release/consumer'), root, dirs.fromTarballs, {
      dependencies: Object.fromEntries(
        packed.map((result) => [result.manifest.name, `file:${result.tarball}`]),
      ),
      devDependencies: toolchain,
      npmrc: [],
    })
    let time = Date.now()
    await installConsumer(dirs.fromTarballs)
    write(`  npm install: ${seconds(Date.now() - time)} in ${dirs.fromTarballs}\n`)
    time = Date.now()
    await compileConsumer(dirs.fromTarballs)
    write(`  tsc (strict, skipLibCheck off, @ts-expect-error on misuse): ${seconds(Date.now() - time)}\n`)
    const offline = await runConsumer(dirs.fromTarballs, {})
    write(offline.stdout)

    heading(`verdaccio ${VERDACCIO_VERSION} on 127.0.0.1`)
    const installDir = join(root, 'tools/release/verdaccio')
    time = Date.now()
    const installed = await ensureVerdaccio(installDir)
    write(
      `  ${installed === 'installed' ? 'installed with npm ci' : 'already installed'} (${seconds(Date.now() - time)})\n`,
    )
    registry = await startVerdaccio(installDir, dirs.registry)
    write(`  listening on ${registry.url} (pid ${registry.pid}), storage ${dirs.registry}\n`)

    heading(`changeset publish, with ${scope} pointed at the local registry`)
    const npmrc = join(temp, 'publish.npmrc')
    const host = registry.url.replace(/^https?:/, '')
    writeFileSync(npmrc, `${scope}:registry=${registry.url}\n${host}:_authToken=${registry.token}\n`)
    time = Date.now()
    const published = await changesetPublish(root, {
      registry: registry.url,
      scope,
      pnpm,
      gitTag: false,
      userconfig: npmrc,
    })
    const summary = (published.stdout + published.stderr)
      .split('\n')
      .filter((line) => /Publishing "|published successfully|^🦋\s+@[^ ]+@\d/.test(line.trim()))
      .join('\n')
    write(`${indent(summary || published.stdout)}\n  (${seconds(Date.now() - time)})\n`)
    for (const pkg of packages) {
      const served = await publishedVersion(registry.url, pkg.name, pkg.version)
      if (!served)
        throw new ProofFailure(`the registry does not serve ${pkg.name}@${pkg.version} after publishing`)
      const unresolved = Object.entries(served.dependencies).filter(([, range]) =>
        /^(workspace|catalog):/.test(range),
      )
      if (unresolved.length > 0) {
        throw new ProofFailure(
          `${pkg.name}@${pkg.version} was published with ${JSON.stringify(Object.fromEntries(unresolved))}`,
        )
      }
      const dependencies = Object.entries(served.dependencies)
        .map(([name, range]) => `${name} ${range}`)
        .join(', ')
      write(`  registry serves ${pkg.name}@${pkg.version}: dependencies ${dependencies || '(none)'}\n`)
    }

    heading(
      'a fresh project outside the workspace installs the client and the mocks from the registry with npm',
    )
    const versions = Object.fromEntries(
      CONSUMED.map((name) => [name, packages.find((pkg) => pkg.name === name)?.version ?? '']),
    )
    writeConsumer(join(root, 'tools/release/consumer'), root, dirs.fromRegistry, {
      dependencies: versions,
      devDependencies: toolchain,
      npmrc: [`${scope}:registry=${registry.url}`],
    })
    time = Date.now()
    await installConsumer(dirs.fromRegistry)
    const transitive = packages.map((pkg) => pkg.name)
    const got = installedVersions(dirs.fromRegistry, transitive)
    for (const pkg of packages) {
      if (got[pkg.name] !== pkg.version) {
        throw new ProofFailure(
          `npm installed ${pkg.name}@${got[pkg.name]}, expected ${pkg.version} from the registry`,
        )
      }
    }
    const lock = JSON.parse(readFileSync(join(dirs.fromRegistry, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>
    }
    const fromLocal = transitive.filter((name) =>
      (lock.packages[`node_modules/${name}`]?.resolved ?? registry?.url ?? '').startsWith(
        registry?.url ?? '-',
      ),
    )
    write(
      `  npm install: ${seconds(Date.now() - time)}; installed ${transitive.map((name) => `${name}@${got[name]}`).join(', ')}` +
        ` (${fromLocal.length} of ${transitive.length} resolved from ${registry.url})\n`,
    )
    time = Date.now()
    await compileConsumer(dirs.fromRegistry)
    write(`  tsc (strict, skipLibCheck off, @ts-expect-error on misuse): ${seconds(Date.now() - time)}\n`)

    heading('run the consumer against `pnpm mock` (started from the workspace, stopped with Ctrl+C)')
    time = Date.now()
    mock = await startPnpmMock(root, pnpm, ['--log'])
    const { kaitenSh, kaitenRu } = mock.banner
    write(
      `  pnpm mock up in ${seconds(Date.now() - time)} (pid ${mock.pid}): ${kaitenSh.baseUrl}, ${kaitenRu.baseUrl}\n`,
    )
    const consumer = await runConsumer(dirs.fromRegistry, {
      KAITEN_SH_BASE_URL: kaitenSh.baseUrl,
      KAITEN_SH_TOKEN: kaitenSh.token,
      KAITEN_SH_TOKEN_WITHOUT_SCOPE: kaitenSh.tokenWithoutScope,
      KAITEN_SH_INSTANCE: kaitenSh.instances[0] ?? 'acme-production',
      KAITEN_RU_BASE_URL: kaitenRu.baseUrl,
      KAITEN_RU_TOKEN: kaitenRu.token,
    })
    write(consumer.stdout)
    const stopped = await mock.interrupt()
    mock = undefined
    const requestLog = stopped.output.split('\n').filter((line) => /^kaiten\.(sh|ru) [A-Z]+ \//.test(line))
    write(`  request log of pnpm mock (${requestLog.length} lines), first and last:\n`)
    write(`${indent([requestLog[0], '…', requestLog.at(-1)].filter(Boolean).join('\n'))}\n`)
    const tokens = [kaitenSh.token, kaitenSh.tokenWithoutScope, kaitenRu.token, kaitenRu.tokenWithoutAccess]
    if (requestLog.some((line) => tokens.some((token) => line.includes(token)))) {
      throw new ProofFailure('the request log of pnpm mock printed a token')
    }
    if (!stopped.clean) {
      throw new ProofFailure(
        `pnpm mock did not stop cleanly on SIGINT (exit ${stopped.code ?? stopped.signal}):\n${indent(stopped.output.split('\n').slice(-8).join('\n'))}`,
      )
    }
    write(
      `  Ctrl+C: pnpm mock printed "SIGINT: mock servers stopped" and exited 0, no package-manager error\n`,
    )

    heading('stop the registry')
    const ended = await registry.stop()
    registry = undefined
    write(
      `  verdaccio stopped (${ended.killed ? 'killed after the grace period' : `signal ${ended.signal ?? ended.code}`})\n`,
    )
    write(`\nregistry proof passed in ${seconds(Date.now() - started)}\n`)
  } finally {
    await mock?.interrupt().catch(() => undefined)
    await registry?.stop().catch(() => undefined)
    if (options.keep) write(`kept ${temp}\n`)
    else rmSync(temp, { recursive: true, force: true })
  }
}
