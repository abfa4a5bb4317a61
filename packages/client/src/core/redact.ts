/** The URL as it may appear in an error or log: user info (`user:pass@`) and fragment removed. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    parsed.hash = ''
    return parsed.href
  } catch {
    return '(invalid URL)'
  }
}

const REDACTED = '[redacted]'

/**
 * Replaces every occurrence of each secret in `text`. A server may echo the credential it rejected
 * (e.g. `Invalid token ksh_…`), and error bodies end up in messages and logs.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    // Very short strings would redact ordinary words; real tokens are long.
    if (secret.length >= 8) result = result.replaceAll(secret, REDACTED)
  }
  return result
}
