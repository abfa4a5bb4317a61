// The framework-free core: a fetch-style function from Request to Response. MSW handlers and the standalone
// server are thin adapters over it.

import { stringifyItems } from './json-cache.js'

/** A fake API as a fetch-style function; MSW handlers and the standalone server are thin adapters over it. */
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

/**
 * Body text of responses this package built, so the node:http adapter can write it without streaming it back out
 * of the Response (the stream round trip costs more than the whole lookup). Only used while the body is unread:
 * a wrapper that reads or replaces the body falls back to the generic path.
 */
const bodyTexts = new WeakMap<Response, string>()

export function textResponse(
  text: string,
  init: { status: number; headers: Record<string, string> },
): Response {
  const response = new Response(text, init)
  bodyTexts.set(response, text)
  return response
}

/** The text a response was built with, when this package built it and nobody has read the body yet. */
export function unreadBodyText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : bodyTexts.get(response)
}

/** A 200-style JSON response whose body is an array of stored items (serialised through the per-item cache). */
export function itemsResponse(
  items: readonly object[],
  status: number,
  headers: Record<string, string> = {},
): Response {
  return textResponse(stringifyItems(items), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}
