import { KaitenError } from './errors.js'
import type { Redactor } from './redact.js'

/** A bearer token, or a function that returns the current one (called before every attempt, so it may rotate). */
export type TokenSource = string | (() => string | Promise<string>)

/** Calls a token function (or takes the string) and remembers the token, so any error that echoes it is redacted. */
export async function resolveToken(source: TokenSource, redactor: Redactor): Promise<string> {
  let token: unknown
  try {
    token = typeof source === 'function' ? await source() : source
  } catch (error) {
    throw new KaitenError('The token function failed; no request sent', { cause: error })
  }
  redactor.add(token)
  // The message describes the token's type only: the value itself must never reach an error.
  if (typeof token !== 'string' || token.trim() === '') {
    throw new KaitenError(
      `token: ${typeof token === 'string' ? 'an empty string' : typeof token} is not allowed; allowed: a non-empty bearer token string, or a function returning one`,
    )
  }
  return token
}

export function checkTokenSource(source: unknown): void {
  if (typeof source === 'function' || (typeof source === 'string' && source.trim() !== '')) return
  throw new KaitenError(
    `token: ${typeof source === 'string' ? 'an empty string' : typeof source} is not allowed; allowed: a non-empty bearer token string, or a function returning one`,
  )
}
