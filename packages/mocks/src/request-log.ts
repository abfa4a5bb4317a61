// `pnpm mock --log`: one line per request for whoever watches the terminal. The line never carries a credential:
// not the bearer token, even where a client repeats it in the path or query, nor a credential-like query value.
// Not the client's redactor: the client's tests run against these mocks, so the mocks cannot depend on the client;
// a request target only ever carries the raw and percent-encoded spellings handled here.

import type { Responder } from './responders/responder.js'
import { bearerToken, MOCK_TOKENS } from './tokens.js'

/** Where and how {@link withRequestLog} writes. */
export interface RequestLogOptions {
  /** Names the API at the start of each line, e.g. `kaiten.sh`. */
  label: string
  write: (line: string) => void
  /** Milliseconds from any fixed origin; default `performance.now`. */
  now?: () => number
}

const REDACTED = '[redacted]'
/** Longer targets are cut: a hostile query of thousands of characters must not flood the terminal. */
const MAX_TARGET_LENGTH = 200
const CREDENTIAL_PARAMETER = /token|secret|password|passwd|api[-_]?key|auth|signature|session/i
const ALL_MOCK_TOKENS: readonly string[] = Object.values(MOCK_TOKENS).flatMap((tokens) =>
  Object.values(tokens),
)

/** Every spelling of `secret` a URL may carry: raw, and percent-encoded in either case. */
function spellings(secret: string): string[] {
  const encoded = encodeURIComponent(secret)
  return [secret, encoded, encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())]
}

function redactTarget(url: URL, token: string | null): string {
  const query = url.search
    .slice(1)
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=')
      if (separator === -1) return pair
      return CREDENTIAL_PARAMETER.test(pair.slice(0, separator))
        ? `${pair.slice(0, separator + 1)}${REDACTED}`
        : pair
    })
    .join('&')
  let target = query ? `${url.pathname}?${query}` : url.pathname
  const secrets = [...(token ? [token] : []), ...ALL_MOCK_TOKENS].flatMap(spellings)
  // Longest first, so a token is replaced whole rather than leaving the tail of a longer spelling behind.
  for (const secret of secrets.sort((a, b) => b.length - a.length))
    target = target.split(secret).join(REDACTED)
  return target.length > MAX_TARGET_LENGTH
    ? `${target.slice(0, MAX_TARGET_LENGTH)}… (${target.length} characters)`
    : target
}

/** Wraps a responder so each request it answers is written as `label METHOD target status N ms`. */
export function withRequestLog(responder: Responder, options: RequestLogOptions): Responder {
  const now = options.now ?? (() => performance.now())
  return async (request) => {
    const started = now()
    const prefix = `${options.label} ${request.method} ${redactTarget(new URL(request.url), bearerToken(request))}`
    const elapsed = () => `${Math.round(now() - started)} ms`
    try {
      const response = await responder(request)
      options.write(`${prefix} ${response.status} ${elapsed()}`)
      return response
    } catch (error) {
      options.write(`${prefix} failed (${String(error)}) ${elapsed()}`)
      throw error
    }
  }
}
