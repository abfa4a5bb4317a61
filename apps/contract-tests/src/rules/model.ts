// A documented rule of one API: what the vendor (or the spec, where the vendor is silent) promises, and where it says so.
import type { ApiName } from '../model.js'

/** `SH-07` (kaiten.sh) or `RU-13` (kaiten.ru). */
export type RuleId = `SH-${string}` | `RU-${string}`

/**
 * Where a rule comes from, strongest first: the vendor's reference page; another public vendor fact (guide, service
 * source, framework, API root page); an `Assumption:` sentence of the spec; a spec statement without a vendor line;
 * or derived from schema keywords, an RFC, or several stated rules together.
 */
export type RuleKind = 'vendor page' | 'vendor fact' | 'assumption' | 'spec' | 'derived'

export interface Rule {
  id: RuleId
  api: ApiName
  /** The rule, as a reader checks it. */
  text: string
  kind: RuleKind
  /** Where it is stated, with a short quote when there is one. */
  source: string
  /** Why no request can probe it; such a rule needs no check. */
  notProbeable?: string
}
