// Broken variants with the subtle faults real backends ship: each answers spec-valid JSON and breaks one documented
// rule in one direction, and names the API-specific check that must catch it.
import {
  instant,
  rewritePage,
  rewriteQuery,
  rewriteResponse,
  type Wrap,
  withBody,
  withStatus,
} from './broken.js'
import type { Variant } from './variants.js'

type Item = Record<string, unknown>

/** Forwards the request with another URL or other headers; the faithful responder answers the changed one. */
function rewriteRequest(change: (url: URL, headers: Headers) => void): Wrap {
  return (faithful) => async (request) => {
    const url = new URL(request.url)
    const headers = new Headers(request.headers)
    change(url, headers)
    return faithful(new Request(url, { method: request.method, headers }))
  }
}

/** Lists `url` through the faithful responder with `change` applied to its query, as JSON items. */
async function listVia(
  faithful: (request: Request) => Promise<Response>,
  request: Request,
  change: (query: URLSearchParams) => void,
): Promise<Item[]> {
  const url = new URL(request.url)
  change(url.searchParams)
  const response = await faithful(new Request(url, { headers: request.headers }))
  return (await response.json()) as Item[]
}

/** Newest first by `created`, ties by id descending, as the faithful store orders them. */
function newestFirst(items: Item[]): Item[] {
  return [...items].sort(
    (a, b) =>
      (instant(b.created) ?? 0) - (instant(a.created) ?? 0) || String(b.id).localeCompare(String(a.id)),
  )
}

/** Keeps only the first value of a comma-separated list parameter. */
const firstValueOnly = (parameter: string) =>
  rewriteQuery((query) => {
    const list = query.get(parameter)
    if (list !== null) query.set(parameter, list.split(',')[0] as string)
  })

/** Answers kaiten.ru's bodyless 400 when `refuse` says so, as a server with an out-of-date enum would. */
const refuseRu =
  (refuse: (query: URLSearchParams) => boolean): Wrap =>
  (faithful) =>
  async (request) => {
    const response = await faithful(request.clone())
    return refuse(new URL(request.url).searchParams) ? withStatus(response, 400, null) : response
  }

const INSTANCE_SLUGS = ['acme-production', 'acme-staging', 'globex-production']

export const kaitenShSemanticVariants: Variant[] = [
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
    wrap: (faithful) => async (request) => {
      const response = await faithful(request.clone())
      const name = new URL(request.url).searchParams.get('event_name')
      if (
        name === null ||
        name.startsWith('kaiten.v1.entitlement') ||
        name.startsWith('kaiten.v1.feature_flag')
      )
        return response
      return new Response(
        JSON.stringify({
          title: 'Unprocessable Entity',
          status: 422,
          detail: 'validation failed',
          errors: [{ location: 'query.event_name', message: 'unknown event name', value: name }],
        }),
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      )
    },
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
]

export const kaitenRuSemanticVariants: Variant[] = [
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
    wrap: refuseRu((query) =>
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
    wrap: refuseRu((query) => (query.get('actions') ?? '').split(',').includes('extend_trial')),
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
    wrap: refuseRu((query) => Number(query.get('limit')) > 2 ** 31 - 1),
    caughtBy: 'kaiten-ru.pagination.limit-clamp',
    finding: /expected 200 with a JSON array of events, got 400/,
  },
  {
    name: 'an offset beyond int32 answered 500',
    api: 'kaiten-ru',
    wrap: (faithful) => async (request) => {
      const response = await faithful(request.clone())
      return Number(new URL(request.url).searchParams.get('offset')) > 2 ** 31 - 1
        ? withStatus(response, 500, null)
        : response
    },
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
