// The public surface of @kaiten-audit/client: re-exports only.
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  InvalidParameterError,
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
export { RateLimiter, type RateLimiterOptions } from './core/rate-limit.js'
