// Query parameters of both APIs: parsing and rendering, shared by the client (before sending) and the mocks (on receipt).
export { parseCsvEnum, serializeCsv } from './csv.js'
export { DATE_TIME_ALLOWED, parseDateTime, toDateTimeText } from './date-time.js'
export {
  canonicalIntegerText,
  type IntegerJudgement,
  judgeIntegerText,
  parseIntegerText,
} from './integer-text.js'
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
  type KaitenShListParams,
  type KaitenShQuery,
  kaitenShParameterKinds,
  parseKaitenShQuery,
  toKaitenShSearchParams,
} from './kaiten-sh.js'
export { illFormedTextIssue, isWellFormedText, WELL_FORMED_ALLOWED } from './well-formed.js'
