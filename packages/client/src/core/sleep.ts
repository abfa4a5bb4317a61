import { RequestAbortedError } from './errors.js'

/**
 * Waits `ms` milliseconds. Rejects with {@link RequestAbortedError} as soon as `signal` aborts, clearing its timer so
 * an aborted wait never keeps a process alive.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(RequestAbortedError.fromSignal(signal))
  if (ms <= 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(RequestAbortedError.fromSignal(signal))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
