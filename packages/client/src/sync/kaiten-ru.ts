import {
  effectiveKaitenRuLimit,
  KAITEN_RU_LIMIT,
  type KaitenRuListParams,
  type ParameterIssue,
  toKaitenRuSearchParams,
} from '@kaiten-audit/query'
import type { AuditLogEvent } from '@kaiten-audit/types'
import { filtersText } from './checkpoint.js'
import { fetchPageWith, type ListPage } from './list-page.js'
import { managedOffsetIssue, pageSizeIssue, type SyncBatch, type SyncOptions, startSync } from './sync.js'

/**
 * The list filters. `from` is where a sync without a checkpoint starts, `to` an upper bound it never passes, and
 * `limit` the page size (default 500, the API's maximum). Offsets are managed.
 */
export type KaitenRuSyncParams = Omit<KaitenRuListParams, 'offset'>

/** Parameters that bound or page a listing rather than select events; they are not part of a checkpoint's scope. */
const PAGING_AND_BOUNDS = ['from', 'to', 'limit', 'offset']

export function syncKaitenRuAuditLogs(
  listPage: ListPage<AuditLogEvent>,
  params: KaitenRuSyncParams | undefined,
  options: SyncOptions | undefined,
): AsyncGenerator<SyncBatch<AuditLogEvent>, void, undefined> {
  // Only an absent limit takes the default: null is checked, and refused, like any other value.
  const requested = params?.limit === undefined ? KAITEN_RU_LIMIT.max : params.limit
  const { offset: _managedOffset, ...rest }: KaitenRuListParams = params ?? {}
  const checked = toKaitenRuSearchParams({ ...rest, limit: requested })
  // The API clamps the limit; a page is short only against the size it actually applies.
  const pageSize = typeof requested === 'number' ? effectiveKaitenRuLimit(requested) : KAITEN_RU_LIMIT.max
  const issues = [
    managedOffsetIssue(params),
    ...(checked.ok ? [] : checked.issues),
    pageSizeIssue(pageSize, requested),
  ].filter((issue): issue is ParameterIssue => issue !== undefined)
  const base = checked.ok ? checked.value : new URLSearchParams()
  return startSync(
    {
      scope: { api: 'kaiten-ru', filters: filtersText(base, PAGING_AND_BOUNDS, ['categories', 'actions']) },
      idKind: 'string',
      issues,
      pageSize,
      since: base.get('from') ?? undefined,
      until: base.get('to') ?? undefined,
      source: (call) => ({
        pageSize,
        maxOffset: Number.MAX_SAFE_INTEGER,
        timeField: 'created',
        idOf: (event) => event.id,
        timeOf: (event) => event.created,
        fetchPage: fetchPageWith(listPage, base, { from: 'from', to: 'to' }, call),
      }),
    },
    options,
  )
}
