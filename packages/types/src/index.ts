// Readable names for the generated types and models. Generated code lives in *.gen.ts; this file only renames and
// re-exports. The spec documents are not here (see ./spec.ts), so a bundle of this entry does not carry them.
import type {
  components as KaitenRuComponents,
  operations as KaitenRuOperations,
  paths as KaitenRuPaths,
} from './kaiten-ru.gen.js'
import type {
  components as KaitenShComponents,
  operations as KaitenShOperations,
  paths as KaitenShPaths,
} from './kaiten-sh.gen.js'

export type * from './api-model.js'
export { INTEGER_FORMAT_RANGES } from './integer-formats.js'
export { auditLogActionValues, auditLogCategoryValues } from './kaiten-ru.gen.js'
export { kaitenRuModel } from './kaiten-ru.model.gen.js'
export { auditTrailStatusValues, knownEventNameValues } from './kaiten-sh.gen.js'
export { kaitenShModel } from './kaiten-sh.model.gen.js'
export type {
  KaitenRuComponents,
  KaitenRuOperations,
  KaitenRuPaths,
  KaitenShComponents,
  KaitenShOperations,
  KaitenShPaths,
}

/** Keeps editor completion for the known values while accepting any string the server may add later. */
export type OpenString<Known extends string> = Known | (string & {})

// kaiten.sh
export type AuditTrailEntry = KaitenShComponents['schemas']['AuditTrailEntry']
export type AuditTrailStatus = KaitenShComponents['schemas']['AuditTrailStatus']
export type KnownEventName = KaitenShComponents['schemas']['KnownEventName']
export type ProblemDetails = KaitenShComponents['schemas']['ProblemDetails']
export type ProblemErrorDetail = KaitenShComponents['schemas']['ErrorDetail']
export type GetAuditTrailsOperation = KaitenShOperations['getAuditTrails']
export type AuditTrailsQuery = NonNullable<GetAuditTrailsOperation['parameters']['query']>
export type AuditTrailsPathParams = GetAuditTrailsOperation['parameters']['path']

// kaiten.ru
export type AuditLogCategory = KaitenRuComponents['schemas']['AuditLogCategory']
export type AuditLogAction = KaitenRuComponents['schemas']['AuditLogAction']
export type AuditLogAuthor = KaitenRuComponents['schemas']['AuditLogAuthor']
/** An audit log event; `category` and `action` complete to the known values but accept new ones. */
export type AuditLogEvent = Omit<KaitenRuComponents['schemas']['AuditLogEvent'], 'category' | 'action'> & {
  category: OpenString<AuditLogCategory>
  action: OpenString<AuditLogAction>
}
export type RetrieveAuditLogEventsOperation = KaitenRuOperations['retrieveAuditLogEvents']
export type AuditLogsQuery = NonNullable<RetrieveAuditLogEventsOperation['parameters']['query']>
