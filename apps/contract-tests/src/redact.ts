// Tokens must never reach any output. Everything a reporter or an error message prints passes through here.

export const REDACTED = '[redacted]'

export type Redact = (text: string) => string

/** Builds a function that replaces every occurrence of every secret (and its URL-encoded form) with `[redacted]`. */
export function createRedactor(secrets: Iterable<string | undefined>): Redact {
  const forms = new Set<string>()
  for (const secret of secrets) {
    // Very short "secrets" would redact ordinary words; real tokens are long.
    if (!secret || secret.length < 4) continue
    forms.add(secret)
    forms.add(encodeURIComponent(secret))
  }
  // Longest first, so a token that contains another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  return (text) => {
    let out = text
    for (const form of ordered) out = out.split(form).join(REDACTED)
    return out
  }
}

/** Applies `redact` to every string inside a JSON-like value, returning a copy. */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item, redact)
    return out as T
  }
  return value
}
