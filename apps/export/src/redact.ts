// Tokens must never reach any output: the export file, the checkpoint, progress or errors. A hostile server may echo
// the credential anywhere, even inside an event, so everything the export writes passes through here.

export const REDACTED = '[redacted]'

export type Redact = (text: string) => string

/** Replaces every occurrence of every secret (and its URL-encoded form) with `[redacted]`. */
export function createRedactor(secrets: Iterable<string | undefined>): Redact {
  const forms = new Set<string>()
  for (const secret of secrets) {
    // Very short "secrets" would redact ordinary words; real tokens are long.
    if (!secret || secret.length < 8) continue
    forms.add(secret)
    forms.add(encodeURIComponent(secret))
  }
  // Longest first, so a token that contains another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  if (ordered.length === 0) return (text) => text
  return (text) => {
    let out = text
    for (const form of ordered) if (out.includes(form)) out = out.split(form).join(REDACTED)
    return out
  }
}
