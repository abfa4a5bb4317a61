// The one place that says which path each API serves. Paths are the specs' templates (`{name}` for a path
// parameter), so this table can later be read from a model generated from the specs without changing its users.

import type { MockApi } from './apis.js'
import { pathBelow, servedBasePaths } from './base-url.js'

/** One operation of an API, as its spec writes it. */
export interface Route {
  api: MockApi
  method: 'GET'
  /** The spec's path template below the base path, e.g. `/instances/{instanceSlug}/audit-trails`. */
  path: string
}

export const ROUTES: Readonly<Record<MockApi, Route>> = {
  'kaiten-sh': { api: 'kaiten-sh', method: 'GET', path: '/instances/{instanceSlug}/audit-trails' },
  'kaiten-ru': { api: 'kaiten-ru', method: 'GET', path: '/audit-logs' },
}

/** Path parameters by name, decoded. */
export type PathParameters = Readonly<Record<string, string>>

const PARAMETER = /\{([^}]+)\}/g

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const compiled = new Map<string, { pattern: RegExp; names: string[] }>()

/** A template as a regular expression: each `{name}` is one non-empty segment. */
function compile(template: string): { pattern: RegExp; names: string[] } {
  let known = compiled.get(template)
  if (!known) {
    const names = [...template.matchAll(PARAMETER)].map((match) => match[1] as string)
    const source = template
      .split(PARAMETER)
      .map((part, index) => (index % 2 === 1 ? '([^/]+)' : escapeRegExp(part)))
      .join('')
    known = { pattern: new RegExp(`^${source}$`), names }
    compiled.set(template, known)
  }
  return known
}

/** The path parameters when `path` (below the base path) is the template's path, else null. */
export function matchTemplate(template: string, path: string): PathParameters | null {
  const { pattern, names } = compile(template)
  const match = pattern.exec(path)
  if (!match) return null
  const parameters: Record<string, string> = {}
  try {
    names.forEach((name, index) => {
      parameters[name] = decodeURIComponent(match[index + 1] as string)
    })
  } catch {
    // A broken %-escape names no resource; the path matches nothing.
    return null
  }
  return parameters
}

/** The path parameters when `url` is `api`'s route under `basePath` (or a name it also answers under), else null. */
export function matchRoute(api: MockApi, url: URL, basePath: string): PathParameters | null {
  for (const served of servedBasePaths(api, basePath)) {
    const below = pathBelow(url, served)
    const parameters = below === null ? null : matchTemplate(ROUTES[api].path, below)
    if (parameters) return parameters
  }
  return null
}

/** The API whose route `url` is under `basePath`, with its path parameters; null when it is neither. */
export function routeOf(url: URL, basePath: string): { api: MockApi; parameters: PathParameters } | null {
  for (const route of Object.values(ROUTES)) {
    const parameters = matchRoute(route.api, url, basePath)
    if (parameters) return { api: route.api, parameters }
  }
  return null
}

/** MSW path patterns (`:name` parameters) of `api`'s route under `baseUrl`'s origin and base path. */
export function mswPatterns(api: MockApi, origin: string, basePath: string): string[] {
  const path = ROUTES[api].path.replace(PARAMETER, ':$1')
  return servedBasePaths(api, basePath).map((served) => `${origin}${served}${path}`)
}

/** A concrete path of the route, for examples and curl lines: `{name}` filled from `values`. */
export function routePath(api: MockApi, values: Readonly<Record<string, string>> = {}): string {
  return ROUTES[api].path.replace(PARAMETER, (_whole, name: string) =>
    encodeURIComponent(values[name] ?? `{${name}}`),
  )
}
