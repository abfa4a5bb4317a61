/**
 * How far ahead a correct `X-RateLimit-Reset` can lie: the end of a window that started at most `windowMs` ago is
 * at most one window away, and the header's whole seconds round it up by less than a second more. One extra window
 * absorbs clock skew and latency between the server's clock and this one.
 */
export function resetHorizonMs(windowMs: number): number {
  return 2 * windowMs + 1000
}

/**
 * Milliseconds until `X-RateLimit-Reset` (UTC epoch seconds, kaiten.ru's API root page), or undefined when the value
 * cannot be right: not a number of seconds, already past (the window has reopened, there is nothing to wait for), or
 * beyond {@link resetHorizonMs} — epoch milliseconds sent as seconds, a relative count, a skewed clock. A caller then
 * falls back to its own window rather than stalling on a value that cannot be honoured.
 */
export function plausibleResetDelayMs(
  value: string | null,
  now: number,
  windowMs: number,
): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (!/^\d{1,15}(\.\d+)?$/.test(text)) return undefined
  const delay = Number(text) * 1000 - now
  return delay > 0 && delay <= resetHorizonMs(windowMs) ? delay : undefined
}
