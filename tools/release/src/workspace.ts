// The workspace as pnpm sees it: its packages (from pnpm-workspace.yaml) and the pinned pnpm version.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PackageManifest } from './publish-check.js'

/** A package of the workspace: where it is and what its package.json says. */
export interface WorkspacePackage {
  name: string
  version: string
  /** Absolute directory. */
  dir: string
  /** Directory relative to the workspace root, with forward slashes. */
  path: string
  manifest: PackageManifest & Record<string, unknown>
}

/** Top-level keys of a YAML block (`packages:`, `catalog:`) as raw lines below it, without the indentation. */
function yamlBlock(text: string, key: string): string[] {
  const lines = text.split('\n')
  const start = lines.findIndex((line) => line.trimEnd() === `${key}:`)
  if (start === -1) return []
  const block: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    if (!/^\s/.test(line)) break
    block.push(line.trim())
  }
  return block
}

function unquote(text: string): string {
  return text.replace(/^(['"])(.*)\1$/, '$2')
}

/** The default catalog of a pnpm-workspace.yaml text: dependency name to range. */
export function parseCatalog(workspaceYaml: string): Record<string, string> {
  const catalog: Record<string, string> = {}
  for (const line of yamlBlock(workspaceYaml, 'catalog')) {
    const match = /^("[^"]+"|'[^']+'|[^:\s]+):\s*(.+)$/.exec(line)
    if (match) catalog[unquote(match[1] as string)] = unquote((match[2] as string).trim())
  }
  return catalog
}

/** Every package the workspace globs (`dir/*` or `dir`) name, in a stable order. */
export function workspacePackages(root: string): WorkspacePackage[] {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
  const dirs = yamlBlock(yaml, 'packages')
    .filter((line) => line.startsWith('- '))
    .map((line) => unquote(line.slice(2).trim()))
    .flatMap((glob) => {
      if (!glob.endsWith('/*')) return [glob]
      const parent = glob.slice(0, -2)
      if (!existsSync(join(root, parent))) return []
      return readdirSync(join(root, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${parent}/${entry.name}`)
        .sort()
    })
  return dirs
    .filter((path) => existsSync(join(root, path, 'package.json')))
    .map((path) => {
      const manifest = JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8'))
      return { name: manifest.name, version: manifest.version, dir: join(root, path), path, manifest }
    })
}

/** The packages that are published: those without `private: true`. */
export function publishablePackages(root: string): WorkspacePackage[] {
  return workspacePackages(root).filter((pkg) => pkg.manifest.private !== true)
}

/** The version of `packageManager: pnpm@X` in the root package.json. */
export function pinnedPnpmVersion(root: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const match = /^pnpm@(\d+\.\d+\.\d+)/.exec(String(manifest.packageManager ?? ''))
  if (!match)
    throw new Error(
      `package.json: packageManager ${JSON.stringify(manifest.packageManager)} is not pnpm@X.Y.Z`,
    )
  return match[1] as string
}
