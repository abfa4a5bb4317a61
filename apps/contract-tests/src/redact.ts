// Tokens must never reach any output. The redactor is the client's, so the contract run and the client hide the same
// spellings of a token (raw, percent-encoded in either case, JSON escapes, character references, nested).
export { createRedactor, REDACTED, type Redact, redactDeep } from '@kaiten-audit/client'
