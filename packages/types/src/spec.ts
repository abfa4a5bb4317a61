// The spec documents as JSON, an entry of their own: only code that validates against the whole document (tests,
// the contract run, the validator) pays for carrying it.
import { kaitenRuSpec } from './kaiten-ru.spec.gen.js'
import { kaitenShSpec } from './kaiten-sh.spec.gen.js'

export { kaitenRuSpec, kaitenShSpec }

export type ApiName = 'kaiten-sh' | 'kaiten-ru'

export const specs: Readonly<Record<ApiName, Readonly<Record<string, unknown>>>> = {
  'kaiten-sh': kaitenShSpec,
  'kaiten-ru': kaitenRuSpec,
}
