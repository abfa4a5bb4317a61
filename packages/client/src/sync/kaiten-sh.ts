import {
  checkInstanceSlug,
  INT32_MAX,
  KAITEN_SH_LIMIT,
  type KaitenShListParams,
  type ParameterIssue,
  toKaitenShSearchParams,
} from '@kaiten-audit/query'
import type { AuditTrailEntry } from '@kaiten-audit/types'
import { filtersText } from './checkpoint.js'
import { fetchPageWith, type ListPage } from './list-page.js'
import { managedOffsetIssue, pageSizeIssue, type SyncBatch, type SyncOptions, startSync } from './sync.js'

/**
 * The list filters. `after` is where a sync without a checkpoint starts, `before` an upper bound it never passes,
 * and `limit` the page size (default 200, the API's maximum). Offsets are managed.
 */
export type KaitenShSyncParams = Omit<KaitenShListParams, 'offset'>

/** Parameters that bound or page a listing rather than select entries; they are not part of a checkpoint's scope. */
const PAGING_AND_BOUNDS = ['after', 'before', 'limit', 'offset']

export function syncKaitenShAuditTrails(
  listPage: ListPage<AuditTrailEntry>,
  instanceSlug: string,
  params: KaitenShSyncParams | undefined,
  options: SyncOptions | undefined,
): AsyncGenerator<SyncBatch<AuditTrailEntry>, void, undefined> {
  // Only an absent limit takes the default: null is checked, and refused, like any other value.
  const requested = params?.limit === undefined ? KAITEN_SH_LIMIT.max : params.limit
  const { offset: _managedOffset, ...rest }: KaitenShListParams = params ?? {}
  const checked = toKaitenShSearchParams({ ...rest, limit: requested })
  const pageSize = typeof requested === 'number' ? requested : KAITEN_SH_LIMIT.max
  const issues = [
    checkInstanceSlug(instanceSlug) ?? undefined,
    managedOffsetIssue(params),
    ...(checked.ok ? [] : checked.issues),
    checked.ok ? pageSizeIssue(pageSize, requested) : undefined,
  ].filter((issue): issue is ParameterIssue => issue !== undefined)
  const base = checked.ok ? checked.value : new URLSearchParams()
  return startSync(
    {
      scope: {
        api: 'kaiten-sh',
        instance: instanceSlug,
        filters: filtersText(base, PAGING_AND_BOUNDS, []),
      },
      idKind: 'integer',
      issues,
      pageSize,
      since: base.get('after') || undefined,
      until: base.get('before') || undefined,
      source: (call) => ({
        pageSize,
        maxOffset: INT32_MAX,
        timeField: 'timestamp',
        idOf: (entry) => entry.id,
        timeOf: (entry) => entry.timestamp,
        fetchPage: fetchPageWith(listPage, base, { from: 'after', to: 'before' }, call),
      }),
    },
    options,
  )
}
