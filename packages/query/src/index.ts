// Query parameters of both APIs: parsing and rendering from the API models of @kaiten-audit/types, shared by the
// client (before sending) and the mocks (on receipt).
export type { CallerParams, DateTimeParameterNames } from './caller-params.js'
export { DATE_TIME_ALLOWED, parseDateTime, toDateTimeText } from './date-time.js'
export {
  canonicalIntegerText,
  type IntegerJudgement,
  judgeIntegerText,
  parseIntegerText,
} from './integer-text.js'
export { invalidParameterStatus } from './invalid-parameter-status.js'
export { describeValue, formatIssue, type ParameterIssue, type Parsed } from './issues.js'
export {
  effectiveKaitenRuLimit,
  KAITEN_RU_LIMIT,
  KAITEN_RU_RATE_LIMIT,
  type KaitenRuListParams,
  type KaitenRuQuery,
  kaitenRuParameterKinds,
  parseKaitenRuQuery,
  toKaitenRuSearchParams,
} from './kaiten-ru.js'
export {
  checkInstanceSlug,
  INT32_MAX,
  KAITEN_SH_LIMIT,
  KAITEN_SH_OFFSET,
  type KaitenShListParams,
  type KaitenShQuery,
  kaitenShParameterKinds,
  parseKaitenShQuery,
  toKaitenShSearchParams,
} from './kaiten-sh.js'
export { type ListStyle, listStyleOf, serializeList } from './list-style.js'
export {
  appliedInteger,
  type IntegerBounds,
  integerBounds,
  integerDefault,
  operationOf,
  queryParameter,
  queryParameters,
  rateLimitOf,
} from './operation.js'
export { integerAllowed, judgeParameter, type QueryValue } from './parameter-value.js'
export { parseQueryText, type QueryTextOptions, type QueryValues } from './query-text.js'
export { illFormedTextIssue, isWellFormedText, WELL_FORMED_ALLOWED } from './well-formed.js'
export { type ParameterKind, parameterKind, parameterKinds } from './wire.js'
