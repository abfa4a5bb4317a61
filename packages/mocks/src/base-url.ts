// Base URLs and base paths of the two APIs: the one place that checks a base URL and says which paths lie below it.
// Not the client's `checkBaseUrl`: the client's tests run against these mocks, so the mocks cannot depend on the
// client, and a fake server splits a base URL into the origin and path it routes on, which a client never needs.

import type { ApiOperation, ApiServer } from '@kaiten-audit/types'
import { operationFor } from './operations.js'

/** A server's URL template with every variable at its default, e.g. `https://example.kaiten.ru/api/latest`. */
function serverUrl(server: ApiServer): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables[name]?.default ?? whole)
}

/** A server's URL template split into its origin part and its path, e.g. `https://{domain}.kaiten.ru` + `/api/v1`. */
function splitServer(server: ApiServer): { origin: string; path: string } {
  const match = /^([^:/]+:\/\/[^/]*)(.*)$/.exec(server.url)
  return { origin: match?.[1] ?? '', path: normaliseBasePath(match?.[2] ?? server.url) }
}

/** The operation's first server with its variables' defaults: where the MSW handlers answer unless told otherwise. */
export function defaultBaseUrl(operation: ApiOperation): string {
  const first = operation.servers[0]
  if (!first) throw new Error(`${operation.operationId} documents no server in the API model`)
  return parseBaseUrl(serverUrl(first)).url
}

/** The path prefix of {@link defaultBaseUrl}: a responder's base path when it is given none. */
export function defaultBasePath(operation: ApiOperation): string {
  return parseBaseUrl(defaultBaseUrl(operation)).basePath
}

/**
 * The path prefix of the standalone server: that of the first server whose host is a variable (`{host}`,
 * `{domain}.kaiten.ru`), i.e. one run at an address of its own, as a self-hosted install or a company's domain is.
 */
export function standaloneBasePath(operation: ApiOperation): string {
  const own = operation.servers.find((server) => /\{/.test(splitServer(server).origin))
  return own ? splitServer(own).path : defaultBasePath(operation)
}

/** The base URLs `handlers` answer at, and the default of every handler factory: each spec's first server. */
export const DEFAULT_BASE_URLS: { readonly kaitenSh: string; readonly kaitenRu: string } = {
  kaitenSh: defaultBaseUrl(operationFor('kaiten-sh')),
  kaitenRu: defaultBaseUrl(operationFor('kaiten-ru')),
}

/** Splits an absolute http(s) base URL into the URL without a trailing slash and its path prefix. */
export function parseBaseUrl(baseUrl: string): { url: string; origin: string; basePath: string } {
  let parsed: URL | undefined
  try {
    parsed = new URL(baseUrl)
  } catch {
    parsed = undefined
  }
  if (
    !parsed ||
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
    parsed.search ||
    parsed.hash
  ) {
    throw new Error(
      `baseUrl: ${JSON.stringify(baseUrl)} is not allowed; allowed: an absolute http(s) URL without query or fragment, e.g. ${DEFAULT_BASE_URLS.kaitenSh}`,
    )
  }
  const basePath = normaliseBasePath(parsed.pathname)
  return { url: `${parsed.origin}${basePath}`, origin: parsed.origin, basePath }
}

/** `''`, `/api` or `/api/latest`: leading slash, no trailing slash. */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

/**
 * Every base path an operation answers under. Servers that differ only in their path are names of one API (kaiten.ru
 * documents `/api/latest` and, as its versioned name, `/api/v1`): a base path ending in one serves the others too.
 */
export function servedBasePaths(operation: ApiOperation, basePath: string): string[] {
  const byOrigin = new Map<string, string[]>()
  for (const server of operation.servers) {
    const { origin, path } = splitServer(server)
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), path])
  }
  for (const paths of byOrigin.values()) {
    if (paths.length < 2) continue
    const named = paths.find((path) => path !== '' && (basePath === path || basePath.endsWith(path)))
    if (named === undefined) continue
    const root = basePath.slice(0, basePath.length - named.length)
    return [...new Set(paths.map((path) => `${root}${path}`))]
  }
  return [basePath]
}

/** The request path below `basePath`, or null when the request is not under it. */
export function pathBelow(url: URL, basePath: string): string | null {
  if (basePath === '') return url.pathname
  if (url.pathname === basePath) return ''
  return url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : null
}
