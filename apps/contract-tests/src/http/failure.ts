// Why a request got no answer, in the words of the layer that knows: undici's "fetch failed" says nothing, its cause
// says `connect ECONNREFUSED 127.0.0.1:9` or `getaddrinfo ENOTFOUND host`.

/** `AbortSignal.timeout` rejects with a DOMException named TimeoutError. */
export function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError'
}

/** The messages of an error and its `cause` chain, most specific last, without the generic "fetch failed". */
export function describeFailure(error: unknown, url: string): string {
  const parts: string[] = []
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current)
    parts.push(...messagesOf(current, url))
    current = current instanceof Error ? current.cause : undefined
  }
  const specific = parts.filter((part, index) => part !== 'fetch failed' && parts.indexOf(part) === index)
  return specific.length > 0 ? specific.join(': ') : parts[0] || String(error)
}

function messagesOf(error: unknown, url: string): string[] {
  if (!(error instanceof Error)) return [String(error)]
  // Several addresses tried (localhost as ::1 and 127.0.0.1): each attempt says why it failed.
  if (error instanceof AggregateError && error.message === '') {
    return [error.errors.map((inner) => (inner instanceof Error ? inner.message : String(inner))).join(', ')]
  }
  if (error.message === 'bad port') {
    return [`bad port: fetch refuses port ${portOf(url)} (the Fetch standard blocks it); use another port`]
  }
  return error.message ? [error.message] : []
}

function portOf(url: string): string {
  try {
    return new URL(url).port
  } catch {
    return '?'
  }
}
