// `pnpm pack` of one package, read back and checked: what the registry would receive, before it receives it.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './process.js'
import { type PackageManifest, publishProblems } from './publish-check.js'
import { readTarball } from './tarball.js'

/** A packed package: the tarball, its files, the package.json as published, and what is wrong with it. */
export interface Packed {
  tarball: string
  files: readonly string[]
  manifest: PackageManifest & Record<string, unknown>
  problems: string[]
}

/** The file name `pnpm pack` gives a package: `@scope/name@1.2.3` → `scope-name-1.2.3.tgz`. */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`
}

/** Packs the package in `dir` into `destination` with pnpm (running its prepack) and checks the result. */
export async function packAndCheck(
  dir: string,
  destination: string,
  pnpm: { command: string; prefix: string[]; env?: NodeJS.ProcessEnv },
  timeoutMs: number,
): Promise<Packed> {
  const source = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest
  await run(pnpm.command, [...pnpm.prefix, 'pack', '--pack-destination', destination], {
    cwd: dir,
    ...(pnpm.env ? { env: pnpm.env } : {}),
    timeoutMs,
  })
  const tarball = join(destination, tarballName(source.name, source.version))
  const contents = readTarball(readFileSync(tarball))
  const text = contents.text('package.json')
  if (text === undefined) throw new Error(`${tarball}: no package.json in the tarball`)
  const manifest = JSON.parse(text) as Packed['manifest']
  return { tarball, files: contents.files, manifest, problems: publishProblems(manifest, contents.files) }
}
