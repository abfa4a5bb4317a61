// The public surface of @kaiten-audit/client: re-exports only.
export type { TokenSource } from './core/auth.js'
export type { Clock } from './core/clock.js'
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  InvalidParameterError,
  InvalidTokenError,
  KaitenError,
  NotFoundError,
  PermissionDeniedError,
  type ProblemFields,
  RateLimitError,
  RequestAbortedError,
  type RequestDescription,
  ResponseShapeError,
  TimeoutError,
  UnprocessableEntityError,
} from './core/errors.js'
export type { ClientOptions } from './core/options.js'
export {
  type PacerSlot,
  RateLimiter,
  type RateLimiterOptions,
  type RateLimitSlot,
  RequestPacer,
  type RequestPacerOptions,
} from './core/pacing.js'
export type { AuditPages, IteratedPage } from './core/pagination.js'
export { createRedactor, REDACTED, type Redact } from './core/redact.js'
export { redactDeep } from './core/redact-deep.js'
export {
  type HeaderSource,
  parseRateLimitHeaders,
  parseRetryAfterMs,
  plausibleResetDelayMs,
  type RateLimitHeaders,
  requestIdOf,
  resetHorizonMs,
  retryAfterMs,
} from './core/response-headers.js'
export type { RetryPolicy } from './core/retry.js'
export type { CallOptions, FetchFunction } from './core/transport.js'
export {
  createKaitenRuClient,
  type KaitenRuClient,
  type KaitenRuClientOptions,
  type KaitenRuIterateParams,
  type KaitenRuListParams,
  type KaitenRuSyncParams,
} from './kaiten-ru.js'
export {
  createKaitenShClient,
  type KaitenShClient,
  type KaitenShClientOptions,
  type KaitenShIterateParams,
  type KaitenShListParams,
  type KaitenShSyncParams,
} from './kaiten-sh.js'
export {
  DEFAULT_MAX_IDS_AT_INSTANT,
  SYNC_CHECKPOINT_VERSION,
  type SyncApi,
  type SyncCheckpoint,
} from './sync/checkpoint.js'
export type { ItemId } from './sync/engine.js'
export { TooManyTiesError } from './sync/errors.js'
export type { SyncBatch, SyncOptions } from './sync/sync.js'
