// The framework-free core: a fetch-style function from Request to Response. MSW handlers and the standalone
// server are thin adapters over it.

export type Responder = (request: Request) => Promise<Response>

/** `''`, `/api` or `/api/latest`: leading slash, no trailing slash. */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

/** The request path below `basePath`, or null when the request is not under it. */
export function pathBelow(url: URL, basePath: string): string | null {
  if (basePath === '') return url.pathname
  if (url.pathname === basePath) return ''
  return url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : null
}

export function jsonResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}
