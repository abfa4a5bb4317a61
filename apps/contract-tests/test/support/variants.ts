// The teeth table: every deliberately broken variant of both mock APIs, each a fault of the one vocabulary
// (./faults.ts: a scenario of the mocks, or a `Responder → Responder` wrapper where none says it) with a name and the
// check that must catch it. The subtle ones answer spec-valid JSON and break one documented rule in one direction.
import { scenarios } from '@kaiten-audit/mocks'
import { type ApiName, auditLogActionValues, auditLogCategoryValues } from '@kaiten-audit/types'
import {
  compose,
  drop,
  emptyFrom,
  exclusive,
  type Fault,
  firstValueOnly,
  INSTANCE_SLUGS,
  ignoreUnknownValues,
  instant,
  jsonMessageOn,
  listVia,
  newestFirst,
  offByOneFrom,
  offsetsAsUtc,
  pastEndGivesFirstPage,
  queryOf,
  refuseWith,
  rewriteHeader,
  rewritePage,
  rewriteProblem,
  rewriteQuery,
  rewriteRequest,
  rewriteResponse,
  scenarioFault,
  servedInsteadOf,
  serverErrorWhen,
  shiftOffset,
  tiesReversedFrom,
  unstableOrder,
  wholeSecond,
  windowOutlivesReset,
  withBody,
  withHeaders,
  withStatus,
  withToken,
} from './faults.js'

export interface Variant {
  name: string
  api: ApiName
  /** The fault in front of the faithful responder. */
  wrap: Fault
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

/** One API's words for its inclusive time window: the two bounds, the item field they filter on, the items. */
interface TimeWindowWords {
  api: Variant['api']
  from: string
  to: string
  /** The bound the fault makes exclusive. */
  madeExclusive: string
  timeField: string
  items: 'entries' | 'events'
}

/** The faults of an inclusive time window, the same for both APIs but for the words each uses. */
function timeWindowVariants({ api, from, to, madeExclusive, timeField, items }: TimeWindowWords): Variant[] {
  return [
    {
      name: `inclusive \`${madeExclusive}\` made exclusive`,
      api,
      wrap: exclusive(madeExclusive, timeField),
      caughtBy: `${api}.filters.time-window`,
      finding: new RegExp(`^${from}=\\S+&${to}=\\S+ \\(both inclusive\\): \\d+ ${items} missing$`),
    },
    {
      name: `\`${from}\` cut to the whole second`,
      api,
      wrap: wholeSecond(from),
      caughtBy: `${api}.filters.time-window`,
      finding: new RegExp(`\\(a millisecond inside the items at .*\\): \\d+ ${items} that do not belong$`),
    },
    {
      name: 'zone offsets read as UTC',
      api,
      wrap: offsetsAsUtc(from, to),
      caughtBy: `${api}.filters.date-time-forms`,
      finding: new RegExp(`^${from}=\\S+\\+03:00&${to}=\\S+-05:30: `),
    },
  ]
}

/** One API's words for its order: a list filter, the time field items are ordered by, the items. */
interface OrderWords {
  api: Variant['api']
  filter: string
  timeField: string
  items: 'entries' | 'events'
}

/** The faults of order and depth, the same for both APIs but for the words each uses. */
function orderVariants({ api, filter, timeField, items }: OrderWords): Variant[] {
  return [
    {
      name: `offset ignored when ${filter} is given`,
      api,
      wrap: rewriteQuery((query) => {
        if (query.has(filter)) query.delete('offset')
      }),
      caughtBy: `${api}.pagination.depths`,
      finding: new RegExp(`^${filter}=\\S+&offset=\\d+: `),
    },
    {
      name: 'ties lowest id first on pages at offset 100 and deeper',
      api,
      wrap: tiesReversedFrom(100, timeField),
      caughtBy: `${api}.pagination.ties`,
      finding: new RegExp(
        `^offset=\\d+ splits ${items} that share the instant .*; the page must list them as the sample did`,
      ),
    },
    {
      name: `${items} oldest first when filtered by ${filter}`,
      api,
      wrap: rewritePage((page, request) => (queryOf(request).has(filter) ? [...page].reverse() : page)),
      caughtBy: `${api}.invariants.newest-first`,
      finding: new RegExp(`^${items} are not newest first: item \\d+ is newer than item \\d+$`),
    },
    {
      name: 'unstable order between identical requests',
      api,
      wrap: unstableOrder(),
      caughtBy: `${api}.pagination.order`,
      finding: /same request twice listed different items or a different order/,
    },
  ]
}

export const variants: readonly Variant[] = [
  // kaiten.sh
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
  ...orderVariants({ api: 'kaiten-sh', filter: 'event_name', timeField: 'timestamp', items: 'entries' }),
  ...timeWindowVariants({
    api: 'kaiten-sh',
    from: 'after',
    to: 'before',
    madeExclusive: 'after',
    timeField: 'timestamp',
    items: 'entries',
  }),
  {
    name: 'cursor envelope {items, hasMore, nextCursor}',
    api: 'kaiten-sh',
    wrap: scenarioFault(scenarios.cursorEnvelope()),
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
    wrap: serverErrorWhen((query) => query.get('limit') === '2147483648'),
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
  // kaiten.sh, subtle
  {
    name: 'event_name matched case-insensitively',
    api: 'kaiten-sh',
    wrap: rewriteQuery((query) => {
      const name = query.get('event_name')
      if (name !== null) query.set('event_name', name.toLowerCase())
    }),
    caughtBy: 'kaiten-sh.filters.event-name',
    finding: /the filter ignores case/,
  },
  {
    name: 'event_name applied after the page is cut',
    api: 'kaiten-sh',
    wrap: (faithful) => async (request) => {
      const name = new URL(request.url).searchParams.get('event_name')
      const response = await faithful(request.clone())
      if (name === null || response.status !== 200) return response
      const page = await listVia(faithful, request, (query) => query.delete('event_name'))
      return withBody(response, JSON.stringify(page.filter((item) => item.eventName === name)))
    },
    caughtBy: 'kaiten-sh.filters.event-name',
    finding: /^missing: entry \d+ .* matches event_name=/,
  },
  {
    name: 'an unseen event name rejected with 422',
    api: 'kaiten-sh',
    wrap: refuseWith(422, (query) => {
      const name = query.get('event_name')
      return (
        name !== null &&
        !name.startsWith('kaiten.v1.entitlement') &&
        !name.startsWith('kaiten.v1.feature_flag')
      )
    }),
    caughtBy: 'kaiten-sh.filters.event-name-open-set',
    finding: /a name no entry has yet\) was answered 422/,
  },
  {
    name: 'entries of another instance leaked into the trail',
    api: 'kaiten-sh',
    wrap: rewritePage((items) =>
      items.map((item, index) =>
        index === 2
          ? {
              ...(item as Item),
              instanceSlug: 'acme-staging',
              instanceId: '00000000-0000-4000-8000-000000000002',
            }
          : item,
      ),
    ),
    caughtBy: 'kaiten-sh.invariants.entries-of-the-instance',
    finding: /^an entry of another instance was returned: instanceSlug "acme-staging"/,
  },
  {
    name: 'usage.report.rejected recorded as ACCEPTED',
    api: 'kaiten-sh',
    wrap: rewritePage((items) =>
      items.map((item) =>
        (item as Item).eventName === 'kaiten.v1.entitlement.usage.report.rejected'
          ? { ...(item as Item), status: 'ACCEPTED' }
          : item,
      ),
    ),
    caughtBy: 'kaiten-sh.invariants.status-follows-guide',
    finding:
      /^kaiten\.v1\.entitlement\.usage\.report\.rejected is recorded as REJECTED in the audit-trail guide/,
  },
  {
    name: 'limit=1 rejected (minimum off by one)',
    api: 'kaiten-sh',
    wrap: rewriteQuery((query) => {
      if (query.get('limit') === '1') query.set('limit', '0')
    }),
    caughtBy: 'kaiten-sh.pagination.limit-bounds',
    finding: /^limit=1 is the documented minimum and must be accepted$/,
  },
  {
    name: 'constraint violations with another `detail` than "validation failed"',
    api: 'kaiten-sh',
    wrap: rewriteResponse(async (response) => {
      if (response.status !== 422) return response
      const problem = (await response.json()) as Item
      return withBody(response, JSON.stringify({ ...problem, detail: 'limit is out of range' }))
    }),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /^the problem `detail` must be "validation failed"/,
  },
  {
    name: 'offset beyond int32 accepted',
    api: 'kaiten-sh',
    wrap: rewriteQuery((query) => {
      if (Number(query.get('offset')) > 2 ** 31 - 1) query.set('offset', String(2 ** 31 - 1))
    }),
    caughtBy: 'kaiten-sh.errors.invalid-parameters',
    finding: /^offset=2147483648 \(beyond int32\) must be refused with 422; got 200$/,
  },
  {
    name: 'a strict prefix of a slug served as that instance',
    api: 'kaiten-sh',
    wrap: rewriteRequest((url) => {
      const match = /\/instances\/([^/]+)\/audit-trails$/.exec(url.pathname)
      const slug = match ? decodeURIComponent(match[1] as string) : ''
      const instance = INSTANCE_SLUGS.find((known) => slug !== '' && known !== slug && known.startsWith(slug))
      if (instance)
        url.pathname = url.pathname.replace(`/instances/${match?.[1]}/`, `/instances/${instance}/`)
    }),
    caughtBy: 'kaiten-sh.errors.404-unknown-instance',
    finding: /^expected 404, got 200$/,
  },
  {
    name: 'lower-case `bearer` refused with 401',
    api: 'kaiten-sh',
    wrap: rewriteRequest((_url, headers) => {
      if (headers.get('authorization')?.startsWith('bearer ')) headers.delete('authorization')
    }),
    caughtBy: 'kaiten-sh.access.bearer-case-insensitive',
    finding: /sent as `bearer` \(lower case\) was refused with 401/,
  },
  {
    name: 'the token accepted under any auth scheme',
    api: 'kaiten-sh',
    wrap: rewriteRequest((_url, headers) => {
      const [, token] = (headers.get('authorization') ?? '').split(' ')
      if (token) headers.set('authorization', `Bearer ${token}`)
    }),
    caughtBy: 'kaiten-sh.access.bearer-case-insensitive',
    finding: /^expected 401, got 200$/,
  },
  // kaiten.ru
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
  ...orderVariants({ api: 'kaiten-ru', filter: 'categories', timeField: 'created', items: 'events' }),
  ...timeWindowVariants({
    api: 'kaiten-ru',
    from: 'from',
    to: 'to',
    madeExclusive: 'to',
    timeField: 'created',
    items: 'events',
  }),
  {
    name: '`from` without a fraction refused with 400',
    api: 'kaiten-ru',
    wrap: refuseWith(400, (query) => /T\d{2}:\d{2}:\d{2}(Z|[+-])/.test(query.get('from') ?? '')),
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
  // kaiten.ru, subtle
  {
    name: 'categories=a,b applies only a',
    api: 'kaiten-ru',
    wrap: firstValueOnly('categories'),
    caughtBy: 'kaiten-ru.filters.categories',
    finding: /^missing: event .* matches categories=/,
  },
  {
    name: 'categories applied after the page is cut',
    api: 'kaiten-ru',
    wrap: (faithful) => async (request) => {
      const categories = new URL(request.url).searchParams.get('categories')
      const response = await faithful(request.clone())
      if (categories === null || response.status !== 200) return response
      const page = await listVia(faithful, request, (query) => query.delete('categories'))
      const wanted = categories.split(',')
      return withBody(response, JSON.stringify(page.filter((item) => wanted.includes(String(item.category)))))
    },
    caughtBy: 'kaiten-ru.filters.categories',
    finding: /^missing: event .* matches categories=/,
  },
  {
    name: 'actions=a,b applies only a',
    api: 'kaiten-ru',
    wrap: firstValueOnly('actions'),
    caughtBy: 'kaiten-ru.filters.actions',
    finding: /^missing: event .* matches actions=/,
  },
  {
    name: 'the server’s category list is out of date (import, company_profile, … refused)',
    api: 'kaiten-ru',
    wrap: refuseWith(400, (query) =>
      (query.get('categories') ?? '')
        .split(',')
        .some((category) => ['import', 'company_profile', 'publication', 'service_desk'].includes(category)),
    ),
    caughtBy: 'kaiten-ru.filters.every-documented-value',
    finding: /^every documented category and action in one request was refused with 400/,
  },
  {
    name: 'a rare action (extend_trial) refused',
    api: 'kaiten-ru',
    wrap: refuseWith(400, (query) => (query.get('actions') ?? '').split(',').includes('extend_trial')),
    caughtBy: 'kaiten-ru.filters.every-documented-value',
    finding: /^every documented category and action in one request was refused with 400/,
  },
  {
    name: 'author_id matched against the current author, losing deleted users’ events',
    api: 'kaiten-ru',
    wrap: (faithful) => async (request) => {
      const authorId = new URL(request.url).searchParams.get('author_id')
      const response = await faithful(request.clone())
      if (authorId === null || response.status !== 200) return response
      const items = (await response.json()) as Item[]
      const current = items.filter((item) => (item.author as Item | null)?.id === Number(authorId))
      return withBody(response, JSON.stringify(current))
    },
    caughtBy: 'kaiten-ru.filters.author',
    finding: /^missing: event .* matches author_id=/,
  },
  {
    name: 'an unknown id answered 404',
    api: 'kaiten-ru',
    wrap: (faithful) => async (request) => {
      const response = await faithful(request.clone())
      if (!new URL(request.url).searchParams.has('id') || response.status !== 200) return response
      const items = (await response.clone().json()) as Item[]
      return items.length === 0 ? withStatus(response, 404, null) : response
    },
    caughtBy: 'kaiten-ru.filters.id',
    finding: /expected 200 with a JSON array of events, got 404/,
  },
  {
    name: 'author_id and categories combined with OR',
    api: 'kaiten-ru',
    wrap: (faithful) => async (request) => {
      const query = new URL(request.url).searchParams
      const response = await faithful(request.clone())
      if (!query.has('author_id') || !query.has('categories') || response.status !== 200) return response
      const byAuthor = await listVia(faithful, request, (q) => q.delete('categories'))
      const byCategory = await listVia(faithful, request, (q) => q.delete('author_id'))
      const union = new Map([...byAuthor, ...byCategory].map((item) => [String(item.id), item]))
      const limit = Number(query.get('limit') ?? '100')
      return withBody(response, JSON.stringify(newestFirst([...union.values()]).slice(0, limit)))
    },
    caughtBy: 'kaiten-ru.filters.combined',
    finding: /^extra: event .* was returned for author_id=\d+ with categories=/,
  },
  {
    name: '`id` ignores from/to',
    api: 'kaiten-ru',
    wrap: rewriteQuery((query) => {
      if (!query.has('id')) return
      query.delete('from')
      query.delete('to')
    }),
    caughtBy: 'kaiten-ru.filters.combined',
    finding: /must give \[\]: the filters must all hold/,
  },
  {
    name: 'limit=1 answered with two events',
    api: 'kaiten-ru',
    wrap: rewriteQuery((query) => {
      if (query.get('limit') === '1') query.set('limit', '2')
    }),
    caughtBy: 'kaiten-ru.pagination.limit-and-default',
    finding: /^limit=1 must give 1 events$/,
  },
  {
    name: 'limits from 501 to 999 fall back to the default',
    api: 'kaiten-ru',
    wrap: rewriteQuery((query) => {
      const limit = Number(query.get('limit'))
      if (limit > 500 && limit < 1000) query.delete('limit')
    }),
    caughtBy: 'kaiten-ru.pagination.limit-clamp',
    finding: /^limit=501 \(applied as 500\) must give 500 events$/,
  },
  {
    name: 'a limit beyond int32 refused with 400',
    api: 'kaiten-ru',
    wrap: refuseWith(400, (query) => Number(query.get('limit')) > 2 ** 31 - 1),
    caughtBy: 'kaiten-ru.pagination.limit-clamp',
    finding: /expected 200 with a JSON array of events, got 400/,
  },
  {
    name: 'an offset beyond int32 answered 500',
    api: 'kaiten-ru',
    wrap: serverErrorWhen((query) => Number(query.get('offset')) > 2 ** 31 - 1),
    caughtBy: 'kaiten-ru.pagination.offset-past-end',
    finding: /^expected 200 with a JSON array of events, got 500$/,
  },
  {
    name: 'lower-case `bearer` refused with 401',
    api: 'kaiten-ru',
    wrap: rewriteRequest((_url, headers) => {
      if (headers.get('authorization')?.startsWith('bearer ')) headers.delete('authorization')
    }),
    caughtBy: 'kaiten-ru.access.bearer-case-insensitive',
    finding: /sent as `bearer` \(lower case\) was refused with 401/,
  },
  {
    name: '/api/v1 not served',
    api: 'kaiten-ru',
    wrap: (faithful) => async (request) => {
      const response = await faithful(request.clone())
      return new URL(request.url).pathname.startsWith('/api/v1/') ? withStatus(response, 404, null) : response
    },
    caughtBy: 'kaiten-ru.access.api-v1-alias',
    finding: /^\/api\/v1 answered 404/,
  },
]
