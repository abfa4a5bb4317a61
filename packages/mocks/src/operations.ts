// Which operation of an API model each fake serves, and the generated models it serves by default. Every spec fact
// the mocks act on (route, servers, parameters, statuses, headers, rate limit) is read from the operation found here,
// so a model built from an edited spec changes the fakes without a change to this package.

import { operationOf } from '@kaiten-audit/query'
import { type ApiModel, type ApiOperation, kaitenRuModel, kaitenShModel } from '@kaiten-audit/types'
import type { MockApi } from './apis.js'

/** The operationId each fake answers for: the one name that ties this package's code to a spec's operation. */
export const OPERATION_IDS: Readonly<Record<MockApi, string>> = {
  'kaiten-sh': 'getAuditTrails',
  'kaiten-ru': 'retrieveAuditLogEvents',
}

/** The models generated from `specs/`, which every factory uses unless given a `model`. */
export const DEFAULT_MODELS: Readonly<Record<MockApi, ApiModel>> = {
  'kaiten-sh': kaitenShModel,
  'kaiten-ru': kaitenRuModel,
}

/** `api`'s operation in `model`; an error naming the operations the model has when it lacks it. */
export function operationFor(api: MockApi, model: ApiModel = DEFAULT_MODELS[api]): ApiOperation {
  return operationOf(model, OPERATION_IDS[api])
}
