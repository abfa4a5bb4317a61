// Tokens must never reach any output: the export file, the checkpoint, progress or errors. A hostile server may echo
// the credential anywhere, even inside an event, so everything the export writes passes through the client's
// redactor, which also finds a token percent-encoded, JSON-escaped or written as character references.
export { createRedactor, REDACTED, type Redact } from '@kaiten-audit/client'
