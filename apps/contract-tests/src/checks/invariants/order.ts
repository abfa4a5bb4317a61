// Newest first on every page the run saw — filtered, deep, bounded — not only on the sample. kaiten.sh also breaks
// ties by id, highest first.
import { describeExchange } from '../../http/exchange.js'
import type { RuleId } from '../../rules/index.js'
import { readEpochMicros } from '../../spec/date-time.js'
import type { CheckDefinition } from '../context.js'
import { reportLimited } from '../shared/list-api.js'
import type { Target } from '../targets.js'
import { recordedPages } from './recorded-pages.js'

export interface OrderOptions {
  /** The item field with the creation time: `timestamp`, `created`. */
  timeField: string
  noun: string
  /** Ties are broken by this numeric field, highest first (kaiten.sh: `id`). */
  tieBreakField?: string
}

export function newestFirstCheck<T extends Target>(
  api: T['api'],
  { timeField, noun, tieBreakField }: OrderOptions,
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api}.invariants.newest-first`,
    api,
    group: 'invariants',
    title: `Every page is newest first by \`${timeField}\`${tieBreakField ? `, ties by \`${tieBreakField}\` highest first` : ''}`,
    rules,
    passive: true,
    async run(context) {
      const pages = recordedPages(context)
      if (pages.length === 0) context.skip(`no page of ${noun} was recorded`)
      const inversions: {
        message: string
        path: string
        expected: string
        actual: string
        request: string
      }[] = []
      const ties: typeof inversions = []
      let judged = 0
      for (const { exchange, items } of pages) {
        judged++
        for (let index = 1; index < items.length; index++) {
          const previous = items[index - 1] as Record<string, unknown>
          const item = items[index] as Record<string, unknown>
          const before = typeof previous[timeField] === 'string' ? readEpochMicros(previous[timeField]) : null
          const time = typeof item[timeField] === 'string' ? readEpochMicros(item[timeField]) : null
          // An unreadable time is the schema check's finding, not an order to judge.
          if (before === null || time === null) continue
          if (time > before) {
            inversions.push({
              message: `${noun} are not newest first: item ${index} is newer than item ${index - 1}`,
              path: `$.body[${index}].${timeField}`,
              expected: `≤ ${String(previous[timeField])}`,
              actual: String(item[timeField]),
              request: describeExchange(exchange),
            })
          } else if (time === before && tieBreakField !== undefined) {
            const a = previous[tieBreakField]
            const b = item[tieBreakField]
            if (typeof a === 'number' && typeof b === 'number' && b > a) {
              ties.push({
                message: `${noun} with equal ${timeField} are not ordered by ${tieBreakField}, highest first`,
                path: `$.body[${index}].${tieBreakField}`,
                expected: `< ${a} (item ${index - 1}, same ${timeField})`,
                actual: String(b),
                request: describeExchange(exchange),
              })
            }
          }
        }
      }
      reportLimited(context, inversions)
      reportLimited(context, ties)
      context.note(`${judged} pages judged`)
    },
  }
}
