// kaiten.ru `limit` as documented: the schema's numbers and the clamp the spec states in `x-kaiten-limit-clamp`
// (the vendor page: "If limit is greater than 500, the API applies 500. If limit is 0, the API applies the default").
import { appliedLimit, pageLimits } from '../../spec/operation.js'

const limits = pageLimits('kaiten-ru')
if (!limits.clamp) throw new Error('the kaiten-ru spec does not say x-kaiten-limit-clamp of limit')

export const DOCUMENTED_LIMIT = { default: limits.default, minimum: limits.minimum } as const

export const LIMIT_CLAMP = { above: limits.clamp.above, applies: limits.clamp.applies } as const

/** The page size the API documents for a requested `limit` (undefined: the parameter left out). */
export function documentedPageSize(requested: number | undefined): number {
  return appliedLimit('kaiten-ru', requested)
}
