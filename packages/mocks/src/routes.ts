// The one place that says which path each API serves: the method and path template of the API model's operation.
// Paths are the spec's templates (`{name}` for a path parameter), below a base path.

import type { ApiModel, ApiOperation } from '@kaiten-audit/types'
import type { MockApi } from './apis.js'
import { pathBelow, servedBasePaths } from './base-url.js'
import { DEFAULT_MODELS, operationFor } from './operations.js'

/** One operation of an API, as its model gives it. */
export interface Route {
  api: MockApi
  /** Upper case, as a Request says it: `GET`. */
  method: string
  /** The spec's path template below the base path, e.g. `/audit-logs`. */
  path: string
  operation: ApiOperation
}

const routes = new WeakMap<ApiModel, Map<MockApi, Route>>()

/** `api`'s route in `model` (default: the generated one). */
export function routeFor(api: MockApi, model: ApiModel = DEFAULT_MODELS[api]): Route {
  let known = routes.get(model)
  if (!known) {
    known = new Map()
    routes.set(model, known)
  }
  let route = known.get(api)
  if (!route) {
    const operation = operationFor(api, model)
    route = { api, method: operation.method.toUpperCase(), path: operation.path, operation }
    known.set(api, route)
  }
  return route
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

/** The path parameters when `url` is `route` under `basePath` (or a name it also answers under), else null. */
export function matchRoute(route: Route, url: URL, basePath: string): PathParameters | null {
  for (const served of servedBasePaths(route.operation, basePath)) {
    const below = pathBelow(url, served)
    const parameters = below === null ? null : matchTemplate(route.path, below)
    if (parameters) return parameters
  }
  return null
}

/** The one of `candidates` whose route `url` is under `basePath`, with its path parameters; null when none is. */
export function routeOf(
  candidates: readonly Route[],
  url: URL,
  basePath: string,
): { route: Route; parameters: PathParameters } | null {
  for (const route of candidates) {
    const parameters = matchRoute(route, url, basePath)
    if (parameters) return { route, parameters }
  }
  return null
}

/** MSW path patterns (`:name` parameters) of `route` under `baseUrl`'s origin and base path. */
export function mswPatterns(route: Route, origin: string, basePath: string): string[] {
  const path = route.path.replace(PARAMETER, ':$1')
  return servedBasePaths(route.operation, basePath).map((served) => `${origin}${served}${path}`)
}

/** A concrete path of the route, for examples and curl lines: `{name}` filled from `values`. */
export function routePath(route: Route, values: Readonly<Record<string, string>> = {}): string {
  return route.path.replace(PARAMETER, (_whole, name: string) =>
    encodeURIComponent(values[name] ?? `{${name}}`),
  )
}
