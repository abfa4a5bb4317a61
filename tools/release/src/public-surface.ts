// Which published packages a change reaches, and whether a changeset says how to release each of them.
// A package's public surface is its source (generated types included: a spec edit regenerates them) and the
// package.json fields that end up in the registry; tests, benches and READMEs are not part of it.

/** A package before and after the change (`before` undefined: it did not exist). */
export interface PackageSides {
  name: string
  /** Directory relative to the repository root. */
  path: string
  before: Record<string, unknown> | undefined
  after: Record<string, unknown>
}

/** A package whose public surface changed, and what changed. */
export interface SurfaceChange {
  name: string
  reasons: string[]
}

/** What a changeset releases. */
export interface Changeset {
  releases: { name: string; type: 'major' | 'minor' | 'patch' }[]
  summary: string
}

/** Fields a consumer receives; `version` is left out because releasing is what changes it. */
const PUBLISHED_FIELDS = [
  'private',
  'name',
  'type',
  'main',
  'module',
  'types',
  'exports',
  'bin',
  'files',
  'sideEffects',
  'engines',
  'license',
  'publishConfig',
  'peerDependenciesMeta',
] as const
const RUNTIME_DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** A dependency field with `catalog:` ranges replaced by the catalog's, as pnpm writes it on publish. */
function effectiveRanges(
  manifest: Record<string, unknown>,
  field: (typeof RUNTIME_DEPENDENCY_FIELDS)[number],
  catalog: Readonly<Record<string, string>>,
): Record<string, string> {
  const ranges = (manifest[field] as Record<string, string> | undefined) ?? {}
  return Object.fromEntries(
    Object.entries(ranges).map(([name, range]) => [
      name,
      range === 'catalog:' || range === 'catalog:default' ? (catalog[name] ?? range) : range,
    ]),
  )
}

/** Every package whose public surface differs, with the reasons, in the order given. */
export function surfaceChanges(input: {
  packages: readonly PackageSides[]
  changedFiles: readonly string[]
  catalogBefore: Readonly<Record<string, string>>
  catalogAfter: Readonly<Record<string, string>>
}): SurfaceChange[] {
  const changes: SurfaceChange[] = []
  for (const pkg of input.packages) {
    if (pkg.before === undefined) {
      changes.push({ name: pkg.name, reasons: ['new package'] })
      continue
    }
    const reasons = input.changedFiles
      .filter((file) => file.startsWith(`${pkg.path}/src/`))
      .map((file) => file.slice(pkg.path.length + 1))
    if (input.changedFiles.includes(`${pkg.path}/package.json`)) {
      for (const field of PUBLISHED_FIELDS) {
        if (!same(pkg.before[field], pkg.after[field])) reasons.push(`package.json: ${field}`)
      }
    }
    for (const field of RUNTIME_DEPENDENCY_FIELDS) {
      const before = effectiveRanges(pkg.before, field, input.catalogBefore)
      const after = effectiveRanges(pkg.after, field, input.catalogAfter)
      for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
        if (before[name] !== after[name]) {
          reasons.push(`${field}: ${name} ${before[name] ?? '(none)'} → ${after[name] ?? '(none)'}`)
        }
      }
    }
    if (reasons.length > 0) changes.push({ name: pkg.name, reasons })
  }
  return changes
}

const BUMPS = ['major', 'minor', 'patch'] as const

/** Parses a `.changeset/*.md` file: YAML front matter of `"package": bump` lines, then the summary. */
export function parseChangeset(text: string): Changeset {
  const match = /^---\r?\n([\s\S]*?)^---\r?\n?([\s\S]*)$/m.exec(text)
  if (!match || !text.startsWith('---'))
    throw new Error('changeset: no front matter (--- … ---) at the start')
  const releases = (match[1] as string)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const entry = /^\s*(["']?)(.+?)\1\s*:\s*(\S+)\s*$/.exec(line)
      if (!entry)
        throw new Error(`changeset: ${JSON.stringify(line)} is not allowed; allowed: "package": bump`)
      const type = entry[3] as string
      if (!(BUMPS as readonly string[]).includes(type)) {
        throw new Error(`changeset: ${JSON.stringify(type)} is not allowed; allowed: ${BUMPS.join(', ')}`)
      }
      return { name: entry[2] as string, type: type as Changeset['releases'][number]['type'] }
    })
  return { releases, summary: (match[2] as string).trim() }
}

/** The changes that no changeset releases. */
export function uncoveredChanges(
  changes: readonly SurfaceChange[],
  changesets: readonly Changeset[],
): SurfaceChange[] {
  const released = new Set(
    changesets.flatMap((changeset) => changeset.releases.map((release) => release.name)),
  )
  return changes.filter((change) => !released.has(change.name))
}
