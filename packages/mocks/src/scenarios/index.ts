// Fault and drift overrides for `server.use()` / `worker.use()`, each taking the API's base URL.

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

export { uuidForId } from './drift.js'
export type { InsertOptions } from './inserts.js'
export type { FaultOptions } from './shared.js'

export const scenarios = {
  latency,
  serverErrors,
  rateLimitStorm,
  networkError,
  malformedJson,
  truncatedBody,
  htmlErrorPage,
  insertDuringPaging,
  cursorEnvelope,
}
