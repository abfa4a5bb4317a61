// Deliberately broken variants of both mock APIs, each naming the check that must catch it.
import { auditLogActionValues, auditLogCategoryValues } from '@kaiten-audit/types'
import {
  compose,
  instant,
  rewritePage,
  rewriteProblem,
  rewriteQuery,
  rewriteResponse,
  type Wrap,
  withBody,
  withStatus,
} from './broken.js'
import { kaitenRuSemanticVariants, kaitenShSemanticVariants } from './semantic-variants.js'

export interface Variant {
  name: string
  api: 'kaiten-sh' | 'kaiten-ru'
  wrap: Wrap
  /** The check meant to catch it. */
  caughtBy: string
  /** A finding of that check must match this. */
  finding: RegExp
  /** When set, that finding must also report this expected value. */
  expected?: string
  /** Rate-limit variants run with the mocks' limiter on and only the 429 check. */
  rateLimited?: boolean
}

type Item = Record<string, unknown>

const shiftOffset = rewriteQuery((query) => {
  const offset = Number(query.get('offset') ?? '0')
  if (offset > 0) query.set('offset', String(offset + 1))
})

const drop = (name: string) => rewriteQuery((query) => query.delete(name))

/** The same request asked again lists its first two items the other way round. */
function unstableOrder(): Wrap {
  const seen = new Map<string, number>()
  return rewritePage((items, request) => {
    const times = (seen.get(request.url) ?? 0) + 1
    seen.set(request.url, times)
    if (times % 2 === 1 || items.length < 2) return items
    const [first, second, ...rest] = items
    return [second, first, ...rest]
  })
}

/** Drops items sitting exactly on the `bound` parameter's instant: an inclusive bound made exclusive. */
function exclusive(bound: string, field: string): Wrap {
  return rewritePage((items, request) => {
    const at = instant(new URL(request.url).searchParams.get(bound))
    return at === null ? items : items.filter((item) => instant((item as Item)[field]) !== at)
  })
}

/** Drops the fraction of a time bound: a server that reads bounds to the whole second. */
function wholeSecond(name: string): Wrap {
  return rewriteQuery((query) => {
    const text = query.get(name)
    if (text !== null) query.set(name, text.replace(/\.\d+/, ''))
  })
}

/** Reads time bounds written with a zone offset as if they were UTC. */
function offsetsAsUtc(...names: string[]): Wrap {
  return rewriteQuery((query) => {
    for (const name of names) {
      const text = query.get(name)
      if (text !== null) query.set(name, text.replace(/[+-]\d{2}:\d{2}$/, 'Z'))
    }
  })
}

/** Gives `status` responses a JSON `{message}` body, where kaiten.ru documents none. */
function jsonMessageOn(status: number, message: string): Wrap {
  return rewriteResponse(async (response) =>
    response.status === status
      ? withBody(response, JSON.stringify({ message }), { 'content-type': 'application/json' })
      : response,
  )
}

/** Answers `status` responses with 200 `[]`, as if the request had been allowed. */
function servedInsteadOf(status: number, when: (request: Request) => boolean = () => true): Wrap {
  return rewriteResponse(async (response, request) =>
    response.status === status && when(request) ? withStatus(response, 200, '[]') : response,
  )
}

/** Leaves out the values of a list parameter that are not documented, as if the server ignored unknown values. */
function ignoreUnknownValues(name: string, documented: readonly string[]): Wrap {
  return rewriteQuery((query) => {
    const values = query.get(name)
    if (values === null) return
    const known = values.split(',').filter((value) => documented.includes(value))
    if (known.length > 0) query.set(name, known.join(','))
    else query.delete(name)
  })
}

/** Answers an offset past the end with the first page, as a server that wraps around would. */
const pastEndGivesFirstPage: Wrap = (faithful) => async (request) => {
  const response = await faithful(request.clone())
  const url = new URL(request.url)
  if (response.status !== 200 || !url.searchParams.has('offset')) return response
  const items = (await response.clone().json()) as Item[]
  if (items.length > 0) return response
  url.searchParams.set('offset', '0')
  return faithful(new Request(url, { headers: request.headers }))
}

const withToken = (request: Request) => request.headers.has('authorization')

const queryOf = (request: Request) => new URL(request.url).searchParams

/** The same response with some headers replaced. */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  const copied = new Headers(response.headers)
  for (const [name, value] of Object.entries(headers)) copied.set(name, value)
  return new Response(response.body, { status: response.status, headers: copied })
}

/** Rewrites one header wherever the faithful responder sends it. */
function rewriteHeader(name: string, change: (value: string) => string): Wrap {
  return rewriteResponse(async (response) => {
    const value = response.headers.get(name)
    return value === null ? response : withHeaders(response, { [name]: change(value) })
  })
}

/** After a 429, keeps refusing for one second more than X-RateLimit-Reset said, judged by the response's Date. */
function windowOutlivesReset(): Wrap {
  let blockedUntilSecond = 0
  return rewriteResponse(async (response) => {
    const second = Math.floor(Date.parse(response.headers.get('date') ?? '') / 1000)
    if (response.status === 429) {
      blockedUntilSecond = Number(response.headers.get('x-ratelimit-reset')) + 1
      return response
    }
    if (second < blockedUntilSecond) {
      return withStatus(withHeaders(response, { 'x-ratelimit-remaining': '0' }), 429, null)
    }
    return response
  })
}

/** Sends `offset` one further from `from` on: an off-by-one that only deep pages show. */
function offByOneFrom(from: number): Wrap {
  return rewriteQuery((query) => {
    const offset = Number(query.get('offset') ?? '0')
    if (offset >= from) query.set('offset', String(offset + 1))
  })
}

/** Answers every offset from `from` on with [], as a server with a result-window cap does. */
function emptyFrom(from: number): Wrap {
  return rewritePage((items, request) => (Number(queryOf(request).get('offset') ?? '0') >= from ? [] : items))
}

/**
 * On pages at `from` or deeper, lists items that share an instant lowest id first (the faithful order is highest
 * first): a database without a tiebreaker, whose deep pages come out in another order.
 */
function tiesReversedFrom(from: number, field: string): Wrap {
  return (faithful) => async (request) => {
    const url = new URL(request.url)
    const offset = Number(url.searchParams.get('offset') ?? '0')
    const limit = Number(url.searchParams.get('limit') ?? '0')
    if (offset < from || limit <= 0) return faithful(request)
    // The page as the other order would cut it: the faithful items around it, re-sorted, then sliced.
    url.searchParams.set('offset', String(Math.max(offset - 20, 0)))
    url.searchParams.set('limit', String(limit + 40))
    const around = await faithful(new Request(url, { headers: request.headers }))
    if (around.status !== 200) return faithful(request)
    const items = (await around.json()) as Item[]
    // Each run of items at one instant, lowest id first (compared as the faithful order compares them).
    const lower = (a: Item, b: Item) =>
      typeof a.id === 'number' && typeof b.id === 'number'
        ? a.id - b.id
        : String(a.id) < String(b.id)
          ? -1
          : 1
    const sorted: Item[] = []
    for (let first = 0; first < items.length; ) {
      let end = first + 1
      while (end < items.length && items[end]![field] === items[first]![field]) end++
      sorted.push(...items.slice(first, end).sort(lower))
      first = end
    }
    const start = offset - Math.max(offset - 20, 0)
    return withBody(around, JSON.stringify(sorted.slice(start, start + limit)))
  }
}

export const kaitenShVariants: Variant[] = [
  {
    name: 'off-by-one offset',
    api: 'kaiten-sh',
    wrap: shiftOffset,
    caughtBy: 'kaiten-sh.pagination.no-gaps-no-overlaps',
    finding: /^gap: id \d+/,
  },
  {
    name: 'limit above the maximum clamped instead of rejected',
    api: 'kaiten-sh',
    wrap: rewriteQuery((query) => {
      if (Number(query.get('limit')) > 200) query.set('limit', '200')
    }),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /^limit=201 \(above 200\) must be refused with 422; got 200$/,
  },
  {
    name: 'limit=0 taken as the default instead of rejected',
    api: 'kaiten-sh',
    wrap: rewriteQuery((query) => {
      if (query.get('limit') === '0') query.delete('limit')
    }),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /^limit=0 \(below 1\) must be refused with 422; got 200$/,
  },
  {
    name: 'default page of 20 instead of 50',
    api: 'kaiten-sh',
    wrap: rewriteQuery((query) => {
      if (!query.has('limit')) query.set('limit', '20')
    }),
    caughtBy: 'kaiten-sh.pagination.limit-and-default',
    finding: /no limit \(default 50\) must give 50 entries/,
  },
  {
    name: 'problem details served as application/json',
    api: 'kaiten-sh',
    wrap: rewriteResponse(async (response) =>
      response.status >= 400
        ? withBody(response, await response.text(), { 'content-type': 'application/json' })
        : response,
    ),
    caughtBy: 'kaiten-sh.errors.401-missing-token',
    finding: /must be served as application\/problem\+json/,
  },
  {
    name: '`status` missing from the problem body',
    api: 'kaiten-sh',
    wrap: rewriteProblem(({ status: _status, ...rest }) => rest),
    caughtBy: 'kaiten-sh.errors.403-token-without-scope',
    finding: /`status` member must equal the HTTP status/,
  },
  {
    name: 'unknown instance answered 200 []',
    api: 'kaiten-sh',
    wrap: rewriteResponse(async (response) =>
      response.status === 404
        ? new Response('[]', { headers: { 'content-type': 'application/json' } })
        : response,
    ),
    caughtBy: 'kaiten-sh.errors.404-unknown-instance',
    finding: /expected 404, got 200/,
  },
  {
    name: 'event_name matched as a prefix',
    api: 'kaiten-sh',
    wrap: (faithful) => async (request) => {
      const url = new URL(request.url)
      const name = url.searchParams.get('event_name')
      if (name === null) return faithful(request)
      // LIKE 'name%': the filter runs in the query, before the page is cut.
      const limit = Number(url.searchParams.get('limit') ?? '50')
      const offset = Number(url.searchParams.get('offset') ?? '0')
      url.searchParams.delete('event_name')
      url.searchParams.set('limit', '200')
      url.searchParams.delete('offset')
      const response = await faithful(new Request(url, { headers: request.headers }))
      if (response.status !== 200) return response
      const items = (await response.json()) as Item[]
      const matching = items.filter((item) => String(item.eventName).startsWith(name))
      return withBody(response, JSON.stringify(matching.slice(offset, offset + limit)))
    },
    caughtBy: 'kaiten-sh.filters.event-name',
    finding: /the filter is not exact \(a strict prefix of a real name matched\)/,
  },
  {
    name: 'after/before ignored',
    api: 'kaiten-sh',
    wrap: compose(drop('after'), drop('before')),
    caughtBy: 'kaiten-sh.filters.time-window',
    finding: /^after=\S+&before=\S+ \(both inclusive\): \d+ entries that do not belong$/,
  },
  {
    name: 'inclusive `after` made exclusive',
    api: 'kaiten-sh',
    wrap: exclusive('after', 'timestamp'),
    caughtBy: 'kaiten-sh.filters.time-window',
    finding: /^after=\S+&before=\S+ \(both inclusive\): \d+ entries missing$/,
  },
  {
    name: '`after` cut to the whole second',
    api: 'kaiten-sh',
    wrap: wholeSecond('after'),
    caughtBy: 'kaiten-sh.filters.time-window',
    finding: /\(a millisecond inside the items at .*\): \d+ entries that do not belong$/,
  },
  {
    name: 'zone offsets read as UTC',
    api: 'kaiten-sh',
    wrap: offsetsAsUtc('after', 'before'),
    caughtBy: 'kaiten-sh.filters.date-time-forms',
    finding: /^after=\S+\+03:00&before=\S+-05:30: /,
  },
  {
    name: 'unstable order between identical requests',
    api: 'kaiten-sh',
    wrap: unstableOrder(),
    caughtBy: 'kaiten-sh.pagination.order',
    finding: /same request twice listed different items or a different order/,
  },
  {
    name: 'cursor envelope {items, hasMore, nextCursor}',
    api: 'kaiten-sh',
    wrap: rewritePage((items) => ({
      items,
      hasMore: items.length > 0,
      nextCursor: items.length > 0 ? 'b64cursor' : null,
    })),
    caughtBy: 'kaiten-sh.drift',
    finding:
      /object envelope \{items, hasMore, nextCursor\} where the spec documents a bare array: the service appears to have moved to cursor pagination/,
  },
  {
    name: 'constraint violations answered 400 instead of 422',
    api: 'kaiten-sh',
    wrap: rewriteResponse(async (response) => {
      if (response.status !== 422) return response
      const problem = (await response.json()) as Item
      return withStatus(response, 400, JSON.stringify({ ...problem, status: 400, title: 'Bad Request' }))
    }),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /^limit=abc \(not a number\) must be refused with 422; got 400$/,
  },
  {
    name: 'errors[].location missing from validation problems',
    api: 'kaiten-sh',
    wrap: rewriteProblem(({ errors: _errors, ...rest }) => rest),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /must name the parameter in `errors\[\]\.location`/,
  },
  {
    name: 'offset=abc ignored (taken as 0)',
    api: 'kaiten-sh',
    wrap: rewriteQuery((query) => {
      if (query.has('offset') && !/^-?\d+$/.test(query.get('offset') ?? '')) query.delete('offset')
    }),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /^offset=abc \(not a number\) must be refused with 422; got 200$/,
  },
  {
    name: 'limit beyond int32 answered 500',
    api: 'kaiten-sh',
    wrap: (faithful) => async (request) =>
      queryOf(request).get('limit') === '2147483648'
        ? new Response(JSON.stringify({ title: 'Internal Server Error', status: 500 }), {
            status: 500,
            headers: { 'content-type': 'application/problem+json' },
          })
        : faithful(request),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /^limit=2147483648 \(beyond int32\) must be refused with 422; got 500$/,
  },
  {
    name: 'errors[].value always null',
    api: 'kaiten-sh',
    wrap: rewriteProblem((problem) => ({
      ...problem,
      ...(Array.isArray(problem.errors)
        ? { errors: (problem.errors as Item[]).map((error) => ({ ...error, value: null })) }
        : {}),
    })),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /^`errors\[\]\.value` must be the offending value as sent$/,
  },
  {
    name: 'a malformed `before` reported at query.after',
    api: 'kaiten-sh',
    wrap: rewriteProblem((problem) => ({
      ...problem,
      ...(Array.isArray(problem.errors)
        ? {
            errors: (problem.errors as Item[]).map((error) =>
              error.location === 'query.before' ? { ...error, location: 'query.after' } : error,
            ),
          }
        : {}),
    })),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /must name the parameter in `errors\[\]\.location`/,
  },
  {
    name: 'offset past the end answered with the last page',
    api: 'kaiten-sh',
    wrap: pastEndGivesFirstPage,
    caughtBy: 'kaiten-sh.pagination.offset-past-end',
    finding: /past the end of a window of \d+ entries and must give \[\]/,
  },
  {
    name: 'entry ids as strings',
    api: 'kaiten-sh',
    wrap: rewritePage((items) => items.map((item) => ({ ...(item as Item), id: String((item as Item).id) }))),
    caughtBy: 'kaiten-sh.schema.responses-conform',
    finding: /^the response departs from the spec at \$\.body\[0\]\.id$/,
    expected: 'type integer',
  },
  {
    name: 'off-by-one only at offsets of 100 and more',
    api: 'kaiten-sh',
    wrap: offByOneFrom(100),
    caughtBy: 'kaiten-sh.pagination.depths',
    finding: /^offset=\d+ inside the sample: /,
  },
  {
    name: 'offset ignored when event_name is given',
    api: 'kaiten-sh',
    wrap: rewriteQuery((query) => {
      if (query.has('event_name')) query.delete('offset')
    }),
    caughtBy: 'kaiten-sh.pagination.depths',
    finding: /^event_name=\S+&offset=\d+: /,
  },
  {
    name: 'ties lowest id first on pages at offset 100 and deeper',
    api: 'kaiten-sh',
    wrap: tiesReversedFrom(100, 'timestamp'),
    caughtBy: 'kaiten-sh.pagination.ties',
    finding:
      /^offset=\d+ splits entries that share the instant .*; the page must list them as the sample did/,
  },
  {
    name: 'entries oldest first when filtered by event_name',
    api: 'kaiten-sh',
    wrap: rewritePage((items, request) =>
      queryOf(request).has('event_name') ? [...items].reverse() : items,
    ),
    caughtBy: 'kaiten-sh.invariants.newest-first',
    finding: /^entries are not newest first: item \d+ is newer than item \d+$/,
  },
  {
    name: 'ties broken by id lowest first, on every page alike',
    api: 'kaiten-sh',
    wrap: rewritePage((items) =>
      [...(items as Item[])].sort((a, b) =>
        a.timestamp === b.timestamp
          ? Number(a.id) - Number(b.id)
          : String(b.timestamp).localeCompare(String(a.timestamp)),
      ),
    ),
    caughtBy: 'kaiten-sh.invariants.newest-first',
    finding: /^entries with equal timestamp are not ordered by id, highest first$/,
  },
  {
    name: "an entry's payload changes between reads",
    api: 'kaiten-sh',
    wrap: rewritePage((items, request) =>
      queryOf(request).has('offset')
        ? items.map((item) => ({ ...(item as Item), payload: { edited: true } }))
        : items,
    ),
    caughtBy: 'kaiten-sh.invariants.ids',
    finding: /came back with other content than it had before/,
  },
  {
    name: 'an unknown token accepted',
    api: 'kaiten-sh',
    wrap: servedInsteadOf(401, withToken),
    caughtBy: 'kaiten-sh.errors.401-invalid-token',
    finding: /expected 401, got 200/,
  },
  {
    name: 'a malformed `after` ignored',
    api: 'kaiten-sh',
    wrap: rewriteQuery((query) => {
      if (instant(query.get('after')) === null) query.delete('after')
    }),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /^after=yesterday \(not a date-time\) must be refused with 400; got 200$/,
  },
  ...kaitenShSemanticVariants,
]

export const kaitenRuVariants: Variant[] = [
  {
    name: 'off-by-one offset',
    api: 'kaiten-ru',
    wrap: shiftOffset,
    caughtBy: 'kaiten-ru.pagination.no-gaps-no-overlaps',
    finding: /^gap: id [0-9a-f-]+/,
  },
  {
    name: 'overlapping pages (offset one short)',
    api: 'kaiten-ru',
    wrap: rewriteQuery((query) => {
      const offset = Number(query.get('offset') ?? '0')
      if (offset > 0) query.set('offset', String(offset - 1))
    }),
    caughtBy: 'kaiten-ru.pagination.no-gaps-no-overlaps',
    finding: /^overlap: id [0-9a-f-]+ appeared on page 1 and again on page 2$/,
  },
  {
    name: 'offsets of 1000 and more answered []',
    api: 'kaiten-ru',
    wrap: emptyFrom(1000),
    caughtBy: 'kaiten-ru.pagination.depths',
    finding: /^offsets contradict each other about where the events end$/,
  },
  {
    name: 'offset ignored when categories is given',
    api: 'kaiten-ru',
    wrap: rewriteQuery((query) => {
      if (query.has('categories')) query.delete('offset')
    }),
    caughtBy: 'kaiten-ru.pagination.depths',
    finding: /^categories=\S+&offset=\d+: /,
  },
  {
    name: 'ties lowest id first on pages at offset 100 and deeper',
    api: 'kaiten-ru',
    wrap: tiesReversedFrom(100, 'created'),
    caughtBy: 'kaiten-ru.pagination.ties',
    finding: /^offset=\d+ splits events that share the instant .*; the page must list them as the sample did/,
  },
  {
    name: 'events oldest first when filtered by categories',
    api: 'kaiten-ru',
    wrap: rewritePage((items, request) =>
      queryOf(request).has('categories') ? [...items].reverse() : items,
    ),
    caughtBy: 'kaiten-ru.invariants.newest-first',
    finding: /^events are not newest first: item \d+ is newer than item \d+$/,
  },
  {
    name: 'unstable order between identical requests',
    api: 'kaiten-ru',
    wrap: unstableOrder(),
    caughtBy: 'kaiten-ru.pagination.order',
    finding: /same request twice listed different items or a different order/,
  },
  {
    name: "an event's message changes between reads",
    api: 'kaiten-ru',
    wrap: rewritePage((items, request) =>
      queryOf(request).has('offset')
        ? items.map((item) => ({ ...(item as Item), message: `${(item as Item).message} (edited)` }))
        : items,
    ),
    caughtBy: 'kaiten-ru.invariants.ids',
    finding: /came back with other content than it had before/,
  },
  {
    name: "another company's events among the current company's",
    api: 'kaiten-ru',
    wrap: rewritePage((items, request) =>
      queryOf(request).has('offset')
        ? items.map((item, index) =>
            index % 2 === 1
              ? { ...(item as Item), company_uid: '00000000-0000-4000-8000-000000000000' }
              : item,
          )
        : items,
    ),
    caughtBy: 'kaiten-ru.invariants.company-and-author',
    finding: /^events of 2 companies were returned/,
  },
  {
    name: 'the author object of another user',
    api: 'kaiten-ru',
    wrap: rewritePage((items) =>
      items.map((item) => {
        const author = (item as Item).author as Item | null
        return author ? { ...(item as Item), author: { ...author, id: Number(author.id) + 1 } } : item
      }),
    ),
    caughtBy: 'kaiten-ru.invariants.company-and-author',
    finding: /^`author.id` is not the event's `author_id`/,
  },
  {
    name: 'limit above 500 not clamped',
    api: 'kaiten-ru',
    wrap: (faithful) => async (request) => {
      const url = new URL(request.url)
      const limit = Number(url.searchParams.get('limit'))
      if (!(limit > 500)) return faithful(request)
      const pages: Item[][] = []
      for (const offset of [0, 500]) {
        url.searchParams.set('limit', '500')
        url.searchParams.set('offset', String(offset))
        pages.push((await (await faithful(new Request(url, { headers: request.headers }))).json()) as Item[])
      }
      const response = await faithful(new Request(url, { headers: request.headers }))
      return withBody(response, JSON.stringify(pages.flat().slice(0, limit)))
    },
    caughtBy: 'kaiten-ru.pagination.limit-clamp',
    finding: /limit=501 \(applied as 500\) must give 500 events/,
  },
  {
    name: 'limit=0 not defaulted',
    api: 'kaiten-ru',
    wrap: rewritePage((items, request) =>
      new URL(request.url).searchParams.get('limit') === '0' ? [] : items,
    ),
    caughtBy: 'kaiten-ru.pagination.limit-clamp',
    finding: /limit=0 \(applied as 100\) must give 100 events/,
  },
  {
    name: 'unknown category accepted',
    api: 'kaiten-ru',
    wrap: ignoreUnknownValues('categories', auditLogCategoryValues),
    caughtBy: 'kaiten-ru.errors.invalid-parameters',
    finding:
      /^categories=app,contract_probe_unknown \(a documented value and an unknown one\) must be refused with 400; got 200$/,
  },
  {
    name: 'body on a bodyless 400',
    api: 'kaiten-ru',
    wrap: jsonMessageOn(400, 'invalid query'),
    caughtBy: 'kaiten-ru.errors.invalid-parameters',
    finding: /400 is documented with no body, but one was sent/,
  },
  {
    name: 'a negative limit taken as the default',
    api: 'kaiten-ru',
    wrap: rewriteQuery((query) => {
      if (Number(query.get('limit')) < 0) query.delete('limit')
    }),
    caughtBy: 'kaiten-ru.errors.invalid-parameters',
    finding: /^limit=-1 \(below 0\) must be refused with 400; got 200$/,
  },
  {
    name: 'an id that is not a UUID answered []',
    api: 'kaiten-ru',
    wrap: (faithful) => async (request) =>
      queryOf(request).get('id') === 'not-a-uuid'
        ? new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } })
        : faithful(request),
    caughtBy: 'kaiten-ru.errors.invalid-parameters',
    finding: /^id=not-a-uuid \(not a UUID\) must be refused with 400; got 200$/,
  },
  {
    name: 'categories matched without regard to case',
    api: 'kaiten-ru',
    wrap: rewriteQuery((query) => {
      const categories = query.get('categories')
      if (categories !== null) query.set('categories', categories.toLowerCase())
    }),
    caughtBy: 'kaiten-ru.errors.invalid-parameters',
    finding: /^categories=APP \(a documented value in upper case\) must be refused with 400; got 200$/,
  },
  {
    name: 'categories filter ignored',
    api: 'kaiten-ru',
    wrap: drop('categories'),
    caughtBy: 'kaiten-ru.filters.categories',
    finding: /^extra: event .* was returned for categories=/,
  },
  {
    name: 'actions filter ignored',
    api: 'kaiten-ru',
    wrap: drop('actions'),
    caughtBy: 'kaiten-ru.filters.actions',
    finding: /^extra: event .* was returned for actions=/,
  },
  {
    name: 'author filters ignored',
    api: 'kaiten-ru',
    wrap: compose(drop('author_id'), drop('author_uid')),
    caughtBy: 'kaiten-ru.filters.author',
    finding: /^extra: event .* was returned for author_id=/,
  },
  {
    name: 'author_id filter matches nothing',
    api: 'kaiten-ru',
    wrap: rewritePage((items, request) => (new URL(request.url).searchParams.has('author_id') ? [] : items)),
    caughtBy: 'kaiten-ru.filters.author',
    finding: /^missing: event .* matches author_id=/,
  },
  {
    name: 'id filter ignored',
    api: 'kaiten-ru',
    wrap: drop('id'),
    caughtBy: 'kaiten-ru.filters.id',
    finding: /^extra: event .* was returned for id=/,
  },
  {
    name: 'inclusive `to` made exclusive',
    api: 'kaiten-ru',
    wrap: exclusive('to', 'created'),
    caughtBy: 'kaiten-ru.filters.time-window',
    finding: /^from=\S+&to=\S+ \(both inclusive\): \d+ events missing$/,
  },
  {
    name: '`from` cut to the whole second',
    api: 'kaiten-ru',
    wrap: wholeSecond('from'),
    caughtBy: 'kaiten-ru.filters.time-window',
    finding: /\(a millisecond inside the items at .*\): \d+ events that do not belong$/,
  },
  {
    name: 'zone offsets read as UTC',
    api: 'kaiten-ru',
    wrap: offsetsAsUtc('from', 'to'),
    caughtBy: 'kaiten-ru.filters.date-time-forms',
    finding: /^from=\S+\+03:00&to=\S+-05:30: /,
  },
  {
    name: '`from` without a fraction refused with 400',
    api: 'kaiten-ru',
    wrap: (faithful) => async (request) =>
      /T\d{2}:\d{2}:\d{2}(Z|[+-])/.test(queryOf(request).get('from') ?? '')
        ? new Response(null, { status: 400 })
        : faithful(request),
    caughtBy: 'kaiten-ru.filters.date-time-forms',
    finding: /^expected 200 with a JSON array of events, got 400$/,
  },
  {
    name: 'invalid token accepted',
    api: 'kaiten-ru',
    wrap: servedInsteadOf(401, withToken),
    caughtBy: 'kaiten-ru.errors.401-invalid-token',
    finding: /expected 401, got 200/,
  },
  {
    name: '200 without rate-limit headers',
    api: 'kaiten-ru',
    wrap: rewriteResponse(async (response) => {
      if (response.status !== 200) return response
      const headers = new Headers(response.headers)
      headers.delete('x-ratelimit-remaining')
      headers.delete('x-ratelimit-reset')
      return new Response(response.body, { status: 200, headers })
    }),
    caughtBy: 'kaiten-ru.schema.responses-conform',
    finding: /^the response departs from the spec at \$\.headers\["x-ratelimit-remaining"\]$/,
    expected: 'header present',
  },
  {
    name: 'JSON error body (drift)',
    api: 'kaiten-ru',
    wrap: jsonMessageOn(401, 'Unauthorized'),
    caughtBy: 'kaiten-ru.drift',
    finding: /kaiten\.ru now sends a JSON body with its 401 responses; the spec documents none/,
  },
  {
    name: 'default page of 50 instead of 100',
    api: 'kaiten-ru',
    wrap: rewriteQuery((query) => {
      if (!query.has('limit')) query.set('limit', '50')
    }),
    caughtBy: 'kaiten-ru.pagination.limit-and-default',
    finding: /no limit \(default 100\) must give 100 events/,
  },
  {
    name: 'offset past the end answered with the first page',
    api: 'kaiten-ru',
    wrap: pastEndGivesFirstPage,
    caughtBy: 'kaiten-ru.pagination.offset-past-end',
    finding: /past the end of a window of \d+ events and must give \[\]/,
  },
  {
    name: 'unknown action accepted',
    api: 'kaiten-ru',
    wrap: ignoreUnknownValues('actions', auditLogActionValues),
    caughtBy: 'kaiten-ru.errors.invalid-parameters',
    finding: /^actions=contract_probe_unknown \(not a documented value\) must be refused with 400; got 200$/,
  },
  {
    name: 'a request without a token served',
    api: 'kaiten-ru',
    wrap: servedInsteadOf(401, (request) => !withToken(request)),
    caughtBy: 'kaiten-ru.errors.401-missing-token',
    finding: /expected 401, got 200/,
  },
  {
    name: 'a user without "Audit log" access served',
    api: 'kaiten-ru',
    wrap: servedInsteadOf(403),
    caughtBy: 'kaiten-ru.errors.403-without-access',
    finding: /expected 403, got 200/,
  },
  {
    name: '429 without rate-limit headers',
    api: 'kaiten-ru',
    rateLimited: true,
    wrap: rewriteResponse(async (response) => {
      if (response.status !== 429) return response
      const headers = new Headers(response.headers)
      headers.delete('x-ratelimit-remaining')
      headers.delete('x-ratelimit-reset')
      return new Response(null, { status: 429, headers })
    }),
    caughtBy: 'kaiten-ru.rate-limit.window',
    finding: /a 429 must say when to come back: X-RateLimit-Reset/,
  },
  {
    name: 'more requests served than the limit allows',
    api: 'kaiten-ru',
    rateLimited: true,
    wrap: servedInsteadOf(429),
    caughtBy: 'kaiten-ru.rate-limit.window',
    finding:
      /^6 of 6 requests in the window ending at \d+ were served; the documented limit is 5 per second$/,
  },
  {
    name: 'the limit enforced at 3 per second',
    api: 'kaiten-ru',
    rateLimited: true,
    // The faithful limiter's own count: Remaining 1 or 0 on a 200 is the 4th or 5th request of the window.
    wrap: rewriteResponse(async (response) =>
      response.status === 200 && Number(response.headers.get('x-ratelimit-remaining')) <= 1
        ? withStatus(withHeaders(response, { 'x-ratelimit-remaining': '0' }), 429, null)
        : response,
    ),
    caughtBy: 'kaiten-ru.rate-limit.window',
    finding:
      /^only 3 of \d+ requests in the window ending at \d+ were served; the documented limit allows 5$/,
  },
  {
    name: 'the window not reset at X-RateLimit-Reset',
    api: 'kaiten-ru',
    rateLimited: true,
    wrap: windowOutlivesReset(),
    caughtBy: 'kaiten-ru.rate-limit.window',
    finding: /^X-RateLimit-Reset \d+ had passed, yet the next request was answered 429$/,
  },
  {
    name: 'X-RateLimit-Reset names the start of the window',
    api: 'kaiten-ru',
    rateLimited: true,
    wrap: rewriteHeader('x-ratelimit-reset', (reset) => String(Number(reset) - 1)),
    caughtBy: 'kaiten-ru.rate-limit.window',
    finding: /^X-RateLimit-Reset \d+ had passed, yet the next request was answered 429$/,
  },
  {
    name: 'X-RateLimit-Remaining stuck at 5',
    api: 'kaiten-ru',
    wrap: rewriteHeader('x-ratelimit-remaining', () => '5'),
    caughtBy: 'kaiten-ru.rate-limit.headers',
    finding: /^X-RateLimit-Remaining did not fall between two requests in the same window/,
  },
  {
    name: 'X-RateLimit-Remaining of another quota',
    api: 'kaiten-ru',
    wrap: rewriteHeader('x-ratelimit-remaining', (remaining) => String(Number(remaining) + 95)),
    caughtBy: 'kaiten-ru.rate-limit.headers',
    finding: /^X-RateLimit-Remaining 99 is more than a window holds \(5 requests\)$/,
  },
  {
    name: 'X-RateLimit-Reset half a minute ahead',
    api: 'kaiten-ru',
    wrap: rewriteHeader('x-ratelimit-reset', (reset) => String(Number(reset) + 29)),
    caughtBy: 'kaiten-ru.rate-limit.headers',
    finding:
      /^X-RateLimit-Reset cannot be when the current window ends: \d+ is 30 s after the response's Date/,
  },
  {
    name: 'X-RateLimit-Reset in milliseconds',
    api: 'kaiten-ru',
    wrap: rewriteHeader('x-ratelimit-reset', (reset) => String(Number(reset) * 1000)),
    caughtBy: 'kaiten-ru.rate-limit.headers',
    finding: /^X-RateLimit-Reset cannot be when the current window ends: \d+ looks like epoch milliseconds$/,
  },
  ...kaitenRuSemanticVariants,
]
