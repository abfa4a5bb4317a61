// Publishing the workspace with changesets to the registry the caller names, and reading back what arrived.

import type { Finished } from './process.js'
import { run } from './process.js'
import type { WorkspacePackage } from './workspace.js'

const PUBLISH_TIMEOUT_MS = 10 * 60_000

/** The one npm scope every published package shares (`@kaiten-audit`); the registry is configured per scope. */
export function sharedScope(packages: readonly WorkspacePackage[]): string {
  const scopes = new Set(packages.map((pkg) => /^(@[^/]+)\//.exec(pkg.name)?.[1]))
  const [scope] = scopes
  if (scopes.size !== 1 || scope === undefined) {
    throw new Error(`published packages must share one scope; found: ${[...scopes].map(String).join(', ')}`)
  }
  return scope
}

/** Refuses the public npm registry: these packages are for an internal one. */
export function checkRegistryUrl(url: string | undefined): string {
  let parsed: URL | undefined
  try {
    parsed = url ? new URL(url) : undefined
  } catch {
    parsed = undefined
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new Error(
      `registry: ${JSON.stringify(url ?? '')} is not allowed; allowed: the http(s) URL of the internal registry, e.g. https://npm.example.internal/ (--registry or KAITEN_AUDIT_REGISTRY)`,
    )
  }
  if (/(^|\.)(npmjs\.org|npmjs\.com|yarnpkg\.com)$/.test(parsed.hostname)) {
    throw new Error(
      `registry: ${JSON.stringify(url)} is not allowed; allowed: an internal registry, not the public one`,
    )
  }
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`
}

/** `changeset publish` from `root`, with the scope pointed at `registry` (changesets and pnpm both read this). */
export function changesetPublish(
  root: string,
  options: {
    registry: string
    scope: string
    pnpm: { command: string; prefix: string[]; env: NodeJS.ProcessEnv }
    gitTag: boolean
    /** An npmrc holding the registry's token, instead of the user's own. */
    userconfig?: string
  },
): Promise<Finished> {
  const env: NodeJS.ProcessEnv = {
    ...options.pnpm.env,
    [`npm_config_${options.scope}:registry`]: options.registry,
  }
  if (options.userconfig) env.npm_config_userconfig = options.userconfig
  const args = [
    ...options.pnpm.prefix,
    'exec',
    'changeset',
    'publish',
    ...(options.gitTag ? [] : ['--no-git-tag']),
  ]
  return run(options.pnpm.command, args, { cwd: root, env, timeoutMs: PUBLISH_TIMEOUT_MS })
}

/** What the registry serves for `name@version`: its dependencies, or undefined when it does not have it. */
export async function publishedVersion(
  registry: string,
  name: string,
  version: string,
): Promise<{ dependencies: Record<string, string>; tarball: string } | undefined> {
  const response = await fetch(`${registry}${name.replace('/', '%2f')}`, {
    signal: AbortSignal.timeout(15_000),
  })
  if (response.status === 404) return undefined
  if (!response.ok) throw new Error(`${registry}: ${name} answered ${response.status}`)
  const packument = (await response.json()) as {
    versions?: Record<string, { dependencies?: Record<string, string>; dist?: { tarball?: string } }>
  }
  const published = packument.versions?.[version]
  if (!published) return undefined
  return { dependencies: published.dependencies ?? {}, tarball: published.dist?.tarball ?? '' }
}
