// What a package tarball must hold before it may be published: the build and the types behind every entry point,
// the bin, a licence and a README, and dependency ranges that mean something outside this workspace.

/** The fields of a package.json this check reads. */
export interface PackageManifest {
  name: string
  version: string
  private?: boolean
  license?: string
  main?: string
  types?: string
  exports?: unknown
  bin?: string | Record<string, string> | undefined
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const

/** Every string target below an exports entry, with the condition path that leads to it (`types`, `import.default`). */
function targets(entry: unknown, conditions: string[] = []): { conditions: string[]; target: string }[] {
  if (typeof entry === 'string') return [{ conditions, target: entry }]
  if (entry === null || typeof entry !== 'object') return []
  return Object.entries(entry).flatMap(([condition, value]) => targets(value, [...conditions, condition]))
}

function exportEntries(exports: unknown): [string, unknown][] {
  if (exports === undefined) return []
  if (typeof exports === 'string' || Array.isArray(exports)) return [['.', exports]]
  const entries = Object.entries(exports as Record<string, unknown>)
  // An object of conditions rather than subpaths describes the "." entry alone.
  return entries.every(([key]) => !key.startsWith('.')) ? [['.', exports]] : entries
}

/** Everything that would make this tarball a broken release; empty when it may be published. */
export function publishProblems(manifest: PackageManifest, files: readonly string[]): string[] {
  const present = new Set(files)
  const has = (target: string) => present.has(target.replace(/^\.\//, ''))
  const problems: string[] = []
  if (manifest.private) problems.push('private is true: the package cannot be published')
  for (const [subpath, entry] of exportEntries(manifest.exports)) {
    if (subpath === './package.json') continue
    const found = targets(entry)
    const code = found.filter(({ target }) => !target.endsWith('.d.ts') && !target.endsWith('.json'))
    if (code.length > 0 && !found.some(({ conditions }) => conditions.at(-1) === 'types')) {
      problems.push(`exports "${subpath}": no "types" condition`)
    }
    for (const { conditions, target } of found) {
      if (has(target)) continue
      const label = conditions.length > 0 ? `${conditions.join('.')} ` : ''
      problems.push(`exports "${subpath}": ${label}"${target}" is not in the tarball`)
    }
  }
  for (const field of ['main', 'types'] as const) {
    const target = manifest[field]
    if (target !== undefined && !has(target)) problems.push(`${field} "${target}" is not in the tarball`)
  }
  const bins =
    typeof manifest.bin === 'string'
      ? { [manifest.name.split('/').at(-1) ?? manifest.name]: manifest.bin }
      : manifest.bin
  for (const [name, target] of Object.entries(bins ?? {})) {
    if (!has(target)) problems.push(`bin "${name}": "${target}" is not in the tarball`)
  }
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|catalog):/.test(range)) {
        problems.push(`${field} "${name}": "${range}" was not replaced by a version`)
      }
    }
  }
  if (!manifest.license) problems.push('no "license" field')
  if (!files.some((file) => /^licen[cs]e(\.|$)/i.test(file))) problems.push('no LICENSE file in the tarball')
  if (!files.some((file) => /^readme(\.|$)/i.test(file))) problems.push('no README in the tarball')
  return problems
}
