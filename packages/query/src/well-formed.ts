import type { ParameterIssue } from './issues.js'

// A string with an unpaired UTF-16 surrogate cannot be percent-encoded: encodeURIComponent throws a URIError and
// URLSearchParams silently puts U+FFFD in its place, so the request would ask for something else than was given.
// `String.prototype.isWellFormed` (ES2024) says the same, but not every browser the client supports has it; with
// the u flag a surrogate class matches exactly the surrogates that are not half of a pair.
const UNPAIRED_SURROGATE = /\p{Surrogate}/u

export const WELL_FORMED_ALLOWED =
  'well-formed Unicode text (an unpaired surrogate such as \\uD800 cannot be sent: a URL would carry U+FFFD instead)'

export function isWellFormedText(text: string): boolean {
  return !UNPAIRED_SURROGATE.test(text)
}

/** The issue for text with an unpaired surrogate; the value shows it escaped (`"a\ud800"`), so it stays printable. */
export function illFormedTextIssue(parameter: string, value: unknown): ParameterIssue {
  return { parameter, value, allowed: WELL_FORMED_ALLOWED, kind: 'constraint' }
}
