import { InvalidTokenError, KaitenError } from './errors.js'
import type { Redactor } from './redact.js'

/** A bearer token, or a function that returns the current one (called before every attempt, so it may rotate). */
export type TokenSource = string | (() => string | Promise<string>)

const ALLOWED =
  'a non-empty bearer token of visible ASCII characters (U+0021–U+007E, as RFC 6750 tokens are), or a function returning one'

/**
 * Calls a token function (or takes the string), remembers the token so any error that echoes it is redacted, and
 * refuses one that cannot be sent. Thrown errors are not retried: no request was made.
 */
export async function resolveToken(source: TokenSource, redactor: Redactor): Promise<string> {
  let token: unknown
  try {
    token = typeof source === 'function' ? await source() : source
  } catch (error) {
    throw new KaitenError('The token function failed; no request sent', { cause: error })
  }
  redactor.add(token)
  checkToken(token)
  return token
}

/** Checks what `token` was given as, before any request: a function is checked on each call instead. */
export function checkTokenSource(source: unknown): void {
  if (typeof source !== 'function') checkToken(source)
}

function checkToken(token: unknown): asserts token is string {
  const problem = tokenProblem(token)
  if (problem === undefined) return
  // The description names the token's type, length and the offending character, never the value itself.
  const hint = problem.hint ? ` (${problem.hint})` : ''
  throw new InvalidTokenError(
    `token: ${problem.description} is not allowed${hint}; allowed: ${ALLOWED}`,
    problem.index,
  )
}

interface TokenProblem {
  description: string
  hint?: string
  index?: number
}

/**
 * What makes `token` impossible to send as `Authorization: Bearer <token>`. Fetch refuses line breaks and NUL in a
 * header value (and the error it throws quotes the value); it silently strips leading and trailing whitespace, and
 * a bearer token (RFC 6750 `b64token`) has no whitespace, control or non-ASCII characters at all. Whitespace is
 * refused rather than trimmed: the token would not be what the caller passed.
 */
function tokenProblem(token: unknown): TokenProblem | undefined {
  if (typeof token !== 'string') return { description: token === null ? 'null' : typeof token }
  if (token === '') return { description: 'an empty string' }
  if (token.trim() === '') return { description: `a string of ${token.length} whitespace characters` }
  const length = `a ${token.length}-character string`
  if (/^bearer\s/i.test(token)) {
    return {
      description: `${length} starting with "Bearer "`,
      hint: 'pass the token alone; the client adds the scheme',
    }
  }
  for (let index = 0; index < token.length; index++) {
    const code = token.codePointAt(index) ?? 0
    if (code >= 0x21 && code <= 0x7e) continue
    const last = index === token.length - 1
    const where = `at index ${index}${last ? ', the last character' : ''}`
    const unicode = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    if (code === 0x0a || code === 0x0d) {
      return {
        description: `${length} with a line break (${unicode}) ${where}`,
        ...(last ? { hint: 'a final newline, as read from a file: trim it' } : {}),
        index,
      }
    }
    if (code === 0x20 || code === 0x09) {
      return {
        description: `${length} with whitespace (${unicode}) ${where}`,
        ...(index === 0 || last ? { hint: 'trim it' } : {}),
        index,
      }
    }
    const kind = code < 0x20 || code === 0x7f ? 'a control character' : 'a non-ASCII character'
    return { description: `${length} with ${kind} (${unicode}) ${where}`, index }
  }
  return undefined
}
