// How events become bytes: NDJSON (the API's own item, one per line) or CSV with a fixed column order.
import type { AuditLogEvent, AuditTrailEntry } from '@kaiten-audit/types'
import { stringify } from 'csv-stringify/sync'

export type Api = 'ru' | 'sh'
export type Format = 'ndjson' | 'csv'

/**
 * CSV columns, in order (documented in the README). Nested values (`author`, `details`, `payload`) are JSON text;
 * `null` anywhere is an empty cell. Fields a server adds beyond the spec are in NDJSON only.
 */
export const CSV_COLUMNS = {
  ru: [
    'created',
    'id',
    'category',
    'action',
    'message',
    'author_id',
    'author_uid',
    'author_username',
    'author_remote_address',
    'app_name',
    'company_uid',
    'author',
    'details',
  ],
  sh: ['timestamp', 'id', 'instanceSlug', 'instanceId', 'eventName', 'status', 'payload'],
} as const satisfies Record<Api, readonly string[]>

export interface Encoder {
  /** Text that starts a new output (the CSV header), or ''. */
  header(): string
  /** The items, each on its own line(s), ending with a newline. */
  encode(items: readonly (AuditLogEvent | AuditTrailEntry)[]): string
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

export function createEncoder(api: Api, format: Format): Encoder {
  if (format === 'ndjson') {
    return {
      header: () => '',
      encode: (items) => {
        let text = ''
        for (const item of items) text += `${JSON.stringify(item)}\n`
        return text
      },
    }
  }
  const columns: readonly string[] = CSV_COLUMNS[api]
  return {
    header: () => stringify([columns]),
    encode: (items) =>
      stringify(
        items.map((item) => {
          const record = item as unknown as Record<string, unknown>
          return columns.map((column) => cell(record[column]))
        }),
      ),
  }
}
