// kaiten.sh `limit` and `offset` as the bundled spec documents them, and the problem a constraint violation gives.
import { kaitenShSpec } from '@kaiten-audit/types/spec'
import { formatMaximum, parameterSchema, requiredNumberKeyword, valueAt } from '../shared/documented.js'

const limitSchema = parameterSchema(kaitenShSpec, 'limit')
const offsetSchema = parameterSchema(kaitenShSpec, 'offset')

function requiredFormatMaximum(schema: Parameters<typeof formatMaximum>[0], parameter: string): number {
  const maximum = formatMaximum(schema)
  if (maximum === undefined) throw new Error(`the bundled spec states no integer format for ${parameter}`)
  return maximum
}

export const DOCUMENTED_LIMIT = {
  default: requiredNumberKeyword(limitSchema, 'default', 'limit'),
  minimum: requiredNumberKeyword(limitSchema, 'minimum', 'limit'),
  maximum: requiredNumberKeyword(limitSchema, 'maximum', 'limit'),
} as const

export const DOCUMENTED_OFFSET = {
  minimum: requiredNumberKeyword(offsetSchema, 'minimum', 'offset'),
  /** From `format: int32`: the largest offset the API must accept. */
  formatMaximum: requiredFormatMaximum(offsetSchema, 'offset'),
} as const

/** The `detail` of the documented 422 example (Huma's wording for any constraint violation). */
export const VALIDATION_FAILED_DETAIL = String(
  valueAt(kaitenShSpec, [
    'components',
    'responses',
    'UnprocessableEntity',
    'content',
    'application/problem+json',
    'example',
    'detail',
  ]),
)
