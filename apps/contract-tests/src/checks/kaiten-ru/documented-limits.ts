// kaiten.ru `limit` and `offset` as documented: numbers from the bundled spec, and the clamp from the vendor page.
import { kaitenRuSpec } from '@kaiten-audit/types/spec'
import { numberKeyword, parameterSchema, requiredNumberKeyword } from '../shared/documented.js'

/**
 * The vendor page, developers.kaiten.ru/audit-logs/retrieve-audit-log-events, `limit`: "Default: 100 Max: 500 …
 * If limit is greater than 500, the API applies 500. If limit is 0, the API applies the default value."
 * OpenAPI has no keyword for a value that is applied instead of rejected, so the spec states it in prose only;
 * until it carries it in an extension, the clamp's numbers live here and nowhere else in the checks.
 */
export const VENDOR_LIMIT_CLAMP = { appliedMaximum: 500, zeroMeansDefault: true } as const

const limitSchema = parameterSchema(kaitenRuSpec, 'limit')
const offsetSchema = parameterSchema(kaitenRuSpec, 'offset')

export const DOCUMENTED_LIMIT = {
  default: requiredNumberKeyword(limitSchema, 'default', 'limit'),
  minimum: requiredNumberKeyword(limitSchema, 'minimum', 'limit'),
  /** The schema states none: values above the clamp are applied as the clamp, never rejected. */
  maximum: numberKeyword(limitSchema, 'maximum'),
} as const

export const DOCUMENTED_OFFSET = {
  minimum: requiredNumberKeyword(offsetSchema, 'minimum', 'offset'),
  /** The schema states none (no `maximum`, no `format`): any offset past the end is an empty page. */
  maximum: numberKeyword(offsetSchema, 'maximum'),
} as const

/** The page size the API documents for a requested `limit` (undefined: the parameter left out). */
export function documentedPageSize(requested: number | undefined): number {
  if (requested === undefined) return DOCUMENTED_LIMIT.default
  if (requested === 0 && VENDOR_LIMIT_CLAMP.zeroMeansDefault) return DOCUMENTED_LIMIT.default
  return Math.min(requested, VENDOR_LIMIT_CLAMP.appliedMaximum)
}
