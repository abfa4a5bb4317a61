// The limit the pacing benchmark's server enforces: kaiten.ru's 5 requests per 1000 ms, counted one of two ways.
//   sliding: a request is refused while 5 others arrived in the last 1000 ms (strict, to the millisecond);
//            X-RateLimit-Reset is when the oldest of them leaves the window, rounded up to the next whole second.
//   fixed:   windows aligned to whole seconds; X-RateLimit-Reset is the end of the current one.
// Every arrival is kept (a run is a few dozen requests), so the benchmark can read the schedule afterwards.
export const WINDOW_STYLES = ['sliding', 'fixed']

export function createWindow(style, { requests = 5, windowMs = 1000 } = {}) {
  if (!WINDOW_STYLES.includes(style)) {
    throw new Error(
      `window style: ${JSON.stringify(style)} is not allowed; allowed: ${WINDOW_STYLES.join(', ')}`,
    )
  }
  const accepted = []
  let refused = 0
  const count = (at) => {
    if (style === 'fixed') {
      const start = Math.floor(at / windowMs) * windowMs
      return { used: accepted.filter((t) => t >= start).length, resetMs: start + windowMs }
    }
    const inWindow = accepted.filter((t) => t > at - windowMs)
    return { used: inWindow.length, resetMs: Math.min(at, ...inWindow) + windowMs }
  }
  return {
    take(at) {
      const { used, resetMs } = count(at)
      const allowed = used < requests
      if (allowed) accepted.push(at)
      else refused++
      return {
        allowed,
        remaining: Math.max(0, requests - used - (allowed ? 1 : 0)),
        resetSeconds: Math.ceil(resetMs / 1000),
      }
    },
    stats: () => ({ style, requests, windowMs, accepted, refused }),
  }
}
