// kaiten.sh `limit` as the bundled spec documents it, and the `detail` a constraint violation carries.
import { documentedProblemDetail, pageLimits } from '../../spec/operation.js'

const limits = pageLimits('kaiten-sh')

export const DOCUMENTED_LIMIT = {
  default: limits.default,
  minimum: limits.minimum,
  maximum: limits.max,
} as const

/** The `detail` of the documented 422 example: Huma's wording for any constraint violation. */
export const VALIDATION_FAILED_DETAIL = documentedProblemDetail('kaiten-sh', 422)
