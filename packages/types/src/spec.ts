// The spec documents as JSON, an entry of their own: only code that validates against the whole document (tests,
// the contract run, the validator) pays for carrying it.
import type { ApiName } from './api-model.js'
import { kaitenRuSpec } from './kaiten-ru.spec.gen.js'
import { kaitenShSpec } from './kaiten-sh.spec.gen.js'

export type { ApiName }
export { kaitenRuSpec, kaitenShSpec }

export const specs: Readonly<Record<ApiName, Readonly<Record<string, unknown>>>> = {
  'kaiten-sh': kaitenShSpec,
  'kaiten-ru': kaitenRuSpec,
}
