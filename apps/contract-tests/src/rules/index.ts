// Every documented rule of both APIs, in the order the README lists them.
import { kaitenRuRules } from './kaiten-ru.js'
import { kaitenShRules } from './kaiten-sh.js'
import type { Rule, RuleId } from './model.js'

export type { Rule, RuleId, RuleKind } from './model.js'

export const allRules: readonly Rule[] = [...kaitenShRules, ...kaitenRuRules]

const byId = new Map<string, Rule>(allRules.map((rule) => [rule.id, rule]))

export function ruleById(id: RuleId): Rule | undefined {
  return byId.get(id)
}
