import { type Clock, systemClock } from './clock.js'
import { RequestAbortedError } from './errors.js'

/**
 * Waits `ms` milliseconds on `clock`. Rejects with {@link RequestAbortedError} as soon as `signal` aborts, cancelling
 * its timer so an aborted wait never keeps a process alive.
 */
export function sleep(ms: number, signal?: AbortSignal, clock: Clock = systemClock): Promise<void> {
  if (signal?.aborted) return Promise.reject(RequestAbortedError.fromSignal(signal))
  if (!(ms > 0)) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      cancel()
      reject(RequestAbortedError.fromSignal(signal))
    }
    const cancel = clock.setTimer(ms, () => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    })
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
