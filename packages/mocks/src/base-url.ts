// Base URLs of the two APIs, as callers configure them.

/** The base URLs `handlers` answer at, and the default of every handler factory. */
export const DEFAULT_BASE_URLS = {
  /** The reference page's example server. */
  kaitenSh: 'https://demo.kaiten.sh',
  /** `https://{domain}.kaiten.ru/api/latest` with the spec's default domain. */
  kaitenRu: 'https://example.kaiten.ru/api/latest',
} as const

/** Splits an absolute http(s) base URL into the URL without a trailing slash and its path prefix. */
export function parseBaseUrl(baseUrl: string): { url: string; basePath: string } {
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
  const basePath = parsed.pathname.replace(/\/+$/, '')
  return { url: `${parsed.origin}${basePath}`, basePath }
}
