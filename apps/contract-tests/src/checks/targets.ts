// What each API's checks need to know about the server under test.
import type { HttpTarget } from '../http/recorder.js'

export interface KaitenShTarget extends HttpTarget {
  api: 'kaiten-sh'
  /** An instance that has entries; every expectation is derived from what it returns. */
  instanceSlug: string
}

export interface KaitenRuTarget extends HttpTarget {
  api: 'kaiten-ru'
}

export type Target = KaitenShTarget | KaitenRuTarget

/** Well-formed tokens no service can know (kaiten.sh tokens carry the `ksh_` prefix). */
export const INVALID_TOKENS = {
  'kaiten-sh': 'ksh_contract_test_not_a_real_token',
  'kaiten-ru': 'contract-test-not-a-real-token',
} as const
