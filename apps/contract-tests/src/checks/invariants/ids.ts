// One id is one item: an append-only log never shows the same id with other content, on any page of the run.
import { describeExchange } from '../../http/exchange.js'
import type { RuleId } from '../../rules/index.js'
import type { CheckDefinition } from '../context.js'
import { reportLimited } from '../shared/list-api.js'
import type { Target } from '../targets.js'
import { recordedPages } from './recorded-pages.js'

/** JSON with object keys sorted, so two readings of one item compare equal whatever order the server wrote. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}

export function sameIdSameItemCheck<T extends Target>(
  api: T['api'],
  { singular, plural, mayChange = [] }: { singular: string; plural: string; mayChange?: readonly string[] },
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api}.invariants.ids`,
    api,
    group: 'invariants',
    title: `An id stands for one ${singular} and reads the same on every page${mayChange.length > 0 ? ` (but for ${mayChange.map((field) => `\`${field}\``).join(', ')})` : ''}`,
    rules,
    passive: true,
    async run(context) {
      const seen = new Map<string, { text: string; request: string }>()
      const changed: { message: string; path: string; expected: string; actual: string; request: string }[] =
        []
      const repeated: typeof changed = []
      for (const { exchange, items } of recordedPages(context)) {
        const onPage = new Set<string>()
        items.forEach((item, index) => {
          if (item.id === undefined || item.id === null) return
          const id = String(item.id)
          const request = describeExchange(exchange)
          if (onPage.has(id)) {
            repeated.push({
              message: `id ${id} appears twice on one page`,
              path: `$.body[${index}].id`,
              expected: 'each id once',
              actual: id,
              request,
            })
          }
          onPage.add(id)
          const stable = Object.fromEntries(
            Object.entries(item).filter(([field]) => !mayChange.includes(field)),
          )
          const text = canonical(stable)
          const first = seen.get(id)
          if (!first) seen.set(id, { text, request })
          else if (first.text !== text) {
            changed.push({
              message: `id ${id} came back with other content than it had before: the log is not append-only, or an id was reused`,
              path: `$.body[${index}]`,
              expected: `${first.text.slice(0, 160)} (as read by ${first.request})`,
              actual: text.slice(0, 160),
              request,
            })
          }
        })
      }
      if (seen.size === 0) context.skip(`no ${plural} were recorded`)
      reportLimited(context, changed)
      reportLimited(context, repeated)
      context.note(`${seen.size} distinct ids compared across the run`)
    },
  }
}
