// The request target of an HTTP/1.1 request, read literally. `new URL(target, origin)` reads it the way a browser
// reads a link: `//evil.example/api/…` becomes a host, `\` becomes `/`, `..` is resolved. A server must not do
// that, or `GET //evil.example/api/instances/acme-production/audit-trails` is served as the real route.

/** RFC 3986 `pchar` and `/`, or a complete `%XX` escape. */
const PATH_CHAR = "[A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2}"
/** origin-form (RFC 9112 §3.2.1): an absolute path and an optional query, nothing else. */
const ORIGIN_FORM = new RegExp(`^/(?:${PATH_CHAR})*(?:\\?(?:${PATH_CHAR}|\\?)*)?$`)
const SINGLE_CHAR = new RegExp(`^(?:${PATH_CHAR}|\\?)`)

const ALLOWED =
  'origin-form: a path starting with "/" of RFC 3986 characters and complete %XX escapes, without "." or ".." segments, then optionally "?" and a query'
/** Enough of a target to recognise it; a 16 KB one would only bury the reason. */
const QUOTED_LENGTH = 80

export type TargetReading = { ok: true; url: URL } | { ok: false; reason: string }

function quote(target: string): string {
  return JSON.stringify(target.length <= QUOTED_LENGTH ? target : `${target.slice(0, QUOTED_LENGTH)}...`)
}

/** Position (1-based) and text of the first character that origin-form does not allow. */
function firstBadCharacter(target: string): { at: number; text: string } {
  let at = 1
  while (at < target.length) {
    const match = SINGLE_CHAR.exec(target.slice(at, at + 3))
    if (!match) break
    at += match[0].length
  }
  return { at: at + 1, text: target.slice(at, at + 1) }
}

/**
 * The URL a responder sees for `target`, whose `pathname` is exactly the path sent and whose `search` is the query
 * sent; or, for a target that cannot be read that way, why not.
 */
export function readRequestTarget(target: string, origin: string): TargetReading {
  const refused = (why: string): TargetReading => ({
    ok: false,
    reason: `request target ${quote(target)} is not allowed${why}; allowed: ${ALLOWED}`,
  })
  if (!target.startsWith('/')) return refused(' (absolute-form, authority-form and "*" are not served)')
  if (!ORIGIN_FORM.test(target)) {
    const { at, text } = firstBadCharacter(target)
    return refused(`: ${JSON.stringify(text)} at position ${at} is not a URL character or complete escape`)
  }
  // Appending to the origin keeps `//` in the path; only dot segments are still rewritten, so they are refused.
  const url = new URL(`${origin}${target}`)
  const queryAt = target.indexOf('?')
  const path = queryAt < 0 ? target : target.slice(0, queryAt)
  if (url.pathname !== path) return refused(': it has a "." or ".." segment')
  return { ok: true, url }
}
