// Deliberate bad requests are written out as raw text: no renderer may refuse or rewrite what they must send.

/** Raw query text, for requests that break the documented constraints on purpose. */
export function rawQuery(values: Readonly<Record<string, string>>): URLSearchParams {
  return new URLSearchParams(values)
}
