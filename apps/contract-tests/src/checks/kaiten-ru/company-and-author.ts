// kaiten.ru events belong to the current company, and `author` is the current data of the event's own author.
import { describeExchange } from '../../http/exchange.js'
import type { Finding } from '../../model.js'
import type { CheckDefinition } from '../context.js'
import { recordedPages } from '../invariants/recorded-pages.js'
import { reportLimited } from '../shared/list-api.js'
import type { KaitenRuTarget } from '../targets.js'

export const companyAndAuthorCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.invariants.company-and-author',
  api: 'kaiten-ru',
  group: 'invariants',
  title: 'Every event belongs to one company, and `author` is the user `author_id`/`author_uid` name',
  rules: ['RU-38', 'RU-39'],
  passive: true,
  async run(context) {
    const companies = new Map<string, string>()
    const authors: Required<Finding>[] = []
    let events = 0
    for (const { exchange, items } of recordedPages(context)) {
      const request = describeExchange(exchange)
      items.forEach((event, index) => {
        events++
        if (typeof event.company_uid === 'string' && !companies.has(event.company_uid)) {
          companies.set(event.company_uid, `${request}, $.body[${index}]`)
        }
        const author = event.author
        if (author === null || typeof author !== 'object' || Array.isArray(author)) return
        const current = author as Record<string, unknown>
        for (const [field, stored] of [
          ['id', 'author_id'],
          ['uid', 'author_uid'],
        ] as const) {
          const value = current[field]
          const storedValue = event[stored]
          // Either may be missing (a deleted user, an anonymous event); only two values that disagree are wrong.
          if (value === undefined || storedValue === null || storedValue === undefined) continue
          if (value !== storedValue) {
            authors.push({
              message: `\`author.${field}\` is not the event's \`${stored}\`: the author object is another user`,
              path: `$.body[${index}].author.${field}`,
              expected: JSON.stringify(storedValue),
              actual: JSON.stringify(value),
              request,
            })
          }
        }
      })
    }
    if (events === 0) context.skip('no events were recorded')
    if (companies.size > 1) {
      const [first, ...others] = [...companies.entries()]
      context.fail(
        `events of ${companies.size} companies were returned; this endpoint lists the current company's only`,
        {
          path: '$.body[].company_uid',
          expected: `every event with company_uid ${first?.[0]} (first seen at ${first?.[1]})`,
          actual: others
            .slice(0, 3)
            .map(([uid, where]) => `${uid} at ${where}`)
            .join('; '),
        },
      )
    }
    reportLimited(context, authors)
    context.note(`${events} events judged`)
  },
}
