// Fault and drift overrides for `server.use()` / `worker.use()`, each taking the API's base URL.

import { cursorEnvelope } from './drift.js'
import {
  /** An nginx-style HTML error page (default 502), as a proxy sends when the upstream is down. */
  htmlErrorPage,
  /** Waits `ms`, then the faithful answer. */
  latency,
  /** 200 `application/json` with a body that does not parse. */
  malformedJson,
  /** `fetch` rejects, as on a dropped connection. */
  networkError,
  /** 429 with `X-RateLimit-Remaining: 0`, `X-RateLimit-Reset` and `Retry-After`. */
  rateLimitStorm,
  /** 5xx (default 500) in the API's error shape. */
  serverErrors,
  /** The faithful headers and half the body, then the stream fails. */
  truncatedBody,
} from './faults.js'
import { insertDuringPaging } from './inserts.js'

export { uuidForId } from './drift.js'
export type { InsertOptions } from './inserts.js'
export type { FaultOptions } from './shared.js'

/** Fault and drift overrides for `server.use()` / `worker.use()`; each takes the base URL of the API it breaks. */
export const scenarios = {
  /** Waits `ms`, then the faithful answer. */
  latency,
  /** 5xx (default 500) in the API's error shape. */
  serverErrors,
  /** 429 with `X-RateLimit-Remaining: 0`, `X-RateLimit-Reset` and `Retry-After`. */
  rateLimitStorm,
  /** `fetch` rejects, as on a dropped connection. */
  networkError,
  /** 200 `application/json` with a body that does not parse. */
  malformedJson,
  /** The faithful headers and half the body, then the stream fails. */
  truncatedBody,
  /** An nginx-style HTML error page (default 502), as a proxy sends when the upstream is down. */
  htmlErrorPage,
  /** Before every request after the first, appends `count` newest items, so offset pages shift. */
  insertDuringPaging,
  /** kaiten.sh only: the later `{items, hasMore, nextCursor}` envelope with UUID ids and a `cursor` parameter. */
  cursorEnvelope,
}
