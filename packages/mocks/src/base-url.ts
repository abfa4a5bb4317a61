// Base URLs and base paths of the two APIs: the one place that checks a base URL and says which paths lie below it.

import type { MockApi } from './apis.js'

/** The base URLs `handlers` answer at, and the default of every handler factory. */
export const DEFAULT_BASE_URLS = {
  /** The reference page's example server. */
  kaitenSh: 'https://demo.kaiten.sh',
  /** `https://{domain}.kaiten.ru/api/latest` with the spec's default domain. */
  kaitenRu: 'https://example.kaiten.ru/api/latest',
} as const

/** Path prefix of each API when a responder is given none: kaiten.sh's cloud layout, kaiten.ru's documented one. */
export const DEFAULT_BASE_PATHS: Readonly<Record<MockApi, string>> = {
  'kaiten-sh': '',
  'kaiten-ru': '/api/latest',
}

/** Path prefix of each standalone server: kaiten.sh in its self-hosted layout, which serves every path under `/api`. */
export const SERVER_BASE_PATHS: Readonly<Record<MockApi, string>> = {
  'kaiten-sh': '/api',
  'kaiten-ru': '/api/latest',
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
 * Every base path an API answers under. kaiten.ru's API root page names `/api/latest` and, as its versioned name,
 * `/api/v1`: a base path ending in either serves the other as well.
 */
export function servedBasePaths(api: MockApi, basePath: string): string[] {
  const version = api === 'kaiten-ru' ? /\/api\/(latest|v1)$/.exec(basePath) : null
  if (!version) return [basePath]
  const root = basePath.slice(0, version.index)
  return [`${root}/api/latest`, `${root}/api/v1`]
}

/** The request path below `basePath`, or null when the request is not under it. */
export function pathBelow(url: URL, basePath: string): string | null {
  if (basePath === '') return url.pathname
  if (url.pathname === basePath) return ''
  return url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : null
}
