// The one list of scenarios: code reaches them by name here, and the catalogue derives the `--scenario` and header
// names from the same list, in the same order, so a new scenario is added once.
import { documentedError } from './documented.js'
import { cursorEnvelope } from './drift.js'
import {
  htmlErrorPage,
  latency,
  malformedJson,
  networkError,
  rateLimitStorm,
  serverErrors,
  truncatedBody,
} from './faults.js'
import { insertDuringPaging } from './inserts.js'

/** Every scenario, by the name code uses; the `--scenario` flag and the header use the kebab-case name. */
export const scenarios = {
  /** `latency`: waits `ms`, then the faithful answer. */
  latency,
  /** `server-errors`: 5xx (default 500) in the API's error shape. */
  serverErrors,
  /** `documented-error`: an error status the API's model documents, in its error shape and documented headers. */
  documentedError,
  /** `rate-limit-storm`: 429 with `X-RateLimit-Remaining: 0`, `X-RateLimit-Reset` and `Retry-After`. */
  rateLimitStorm,
  /** `network-error`: `fetch` rejects, as on a dropped connection. */
  networkError,
  /** `malformed-json`: 200 `application/json` with a body that does not parse. */
  malformedJson,
  /** `truncated-body`: the faithful headers and half the body, then the stream fails. */
  truncatedBody,
  /** `html-error-page`: an nginx-style HTML error page (default 502), as a proxy sends when the upstream is down. */
  htmlErrorPage,
  /** `insert-during-paging`: before every request after the first, appends `count` newest items. */
  insertDuringPaging,
  /** `cursor-envelope`, kaiten.sh only: the later `{items, hasMore, nextCursor}` envelope with UUID ids. */
  cursorEnvelope,
}
