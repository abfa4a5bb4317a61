// Which checks `--only` selects. Every value must select something: a typo or an empty value must not quietly run
// every check, or none.
import { kaitenRuChecks, kaitenShChecks } from '../checks/index.js'
import { checkGroups } from '../model.js'
import { UsageError } from './errors.js'

const checks = [...kaitenShChecks, ...kaitenRuChecks]
const groups = checkGroups.filter((group) => checks.some((check) => check.group === group))
const allowed = `allowed: a check id or the start of one (e.g. kaiten-ru.errors; see --list), or a group: ${groups.join(', ')}`

/** Accepts the ids `--only` selects; `undefined` when it was not given (every check runs). */
export function checkSelector(values: readonly string[]): ((checkId: string) => boolean) | undefined {
  if (values.length === 0) return undefined
  // Every id starts with "": an empty value would select everything while looking like a filter.
  const blank = values.find((value) => value.trim() === '')
  if (blank !== undefined) throw new UsageError(`--only: ${JSON.stringify(blank)} is not allowed; ${allowed}`)
  const selected = new Set<string>()
  const unmatched: string[] = []
  for (const value of values) {
    const matches = checks.filter((check) => check.id.startsWith(value) || check.group === value)
    if (matches.length === 0) unmatched.push(value)
    for (const check of matches) selected.add(check.id)
  }
  if (unmatched.length > 0) {
    throw new UsageError(
      `--only: ${unmatched.map((value) => JSON.stringify(value)).join(', ')} matches no check; ${allowed}`,
    )
  }
  return (checkId) => selected.has(checkId)
}
