import { auditLogActionValues, auditLogCategoryValues } from '@kaiten-audit/types'
import { propertySeed } from '@kaiten-audit/types/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createKaitenRuResponder, REASON_HEADER } from '../../src/responders/kaiten-ru.js'
import { createKaitenRuStore } from '../../src/store/kaiten-ru.js'
import { MOCK_TOKENS } from '../../src/tokens.js'
import { violationsOf } from '../support/conformance.js'
import { RU_BASE, ruRequest } from '../support/requests.js'

/** The README's promise for every header the mock writes; Node's fetch gives up on a 16 KiB header block. */
const MAX_HEADER_LENGTH = 1024

const store = createKaitenRuStore()
const events = store.events()
const respond = createKaitenRuResponder({ store, rateLimit: false })

async function call(request: Request, responder = respond) {
  const response = await responder(request)
  const { violations, body } = await violationsOf('kaiten-ru', response)
  return { response, violations, body, json: body ? (JSON.parse(body) as unknown) : undefined }
}

describe('kaiten.ru responder: documented behaviour', () => {
  it.each([
    ['', 100],
    ['?limit=0', 100],
    ['?limit=7', 7],
    ['?limit=500', 500],
    ['?limit=501', 500],
    ['?limit=100000', 500],
  ])('applies %s as a page of %i events, newest first', async (query, size) => {
    const { response, violations, json } = await call(ruRequest(query))
    expect(response.status).toBe(200)
    expect(violations).toEqual([])
    expect(json).toEqual(events.slice(0, size))
  })

  it('filters by each parameter', async () => {
    const sample = events.find((event) => event.author_id !== null && event.author === null)!
    const checks: [string, (event: (typeof events)[number]) => boolean][] = [
      [`author_id=${sample.author_id}`, (event) => event.author_id === sample.author_id],
      [`author_uid=${sample.author_uid}`, (event) => event.author_uid === sample.author_uid],
      [`id=${sample.id}`, (event) => event.id === sample.id],
      ['categories=auth,import', (event) => event.category === 'auth' || event.category === 'import'],
      ['actions=start', (event) => event.action === 'start'],
      ['categories=import&actions=start', (event) => event.category === 'import' && event.action === 'start'],
      [`from=${sample.created}&to=${sample.created}`, (event) => event.created === sample.created],
    ]
    for (const [query, keep] of checks) {
      const { response, json } = await call(ruRequest(`?${query}&limit=500`))
      expect(response.status, query).toBe(200)
      const expected = events.filter(keep).slice(0, 500)
      expect(expected.length, query).toBeGreaterThan(0)
      expect(json, query).toEqual(expected)
    }
  })

  it.each([
    'categories=bogus',
    'actions=sign_in,bogus',
    'categories=',
    'author_id=abc',
    'id=not-a-uuid',
    'limit=-1',
    'limit=abc',
    'offset=-1',
    'from=yesterday',
    'to=2026-02-30T00:00:00Z',
    'limit=1&limit=2',
  ])('answers %s with 400 and no body, naming the problem in a header', async (query) => {
    const { response, violations, body } = await call(ruRequest(`?${query}`))
    expect(response.status).toBe(400)
    expect(body).toBe('')
    expect(violations).toEqual([])
    expect(response.headers.get(REASON_HEADER)).toContain(query.split('=')[0])
  })

  it('keeps the reason header short, naming a few bad list items and how many there are', async () => {
    const { response } = await call(ruRequest(`?categories=${','.repeat(6000)}`))
    expect(response.status).toBe(400)
    const reason = response.headers.get(REASON_HEADER) ?? ''
    expect(reason.length).toBeLessThanOrEqual(MAX_HEADER_LENGTH)
    expect(reason).toMatch(
      /^categories: 6001 items are not allowed: 6001 empty items \(positions 1, 2, 3, \.\.\.\)/,
    )
    expect(reason).toContain('allowed: a comma-separated list of: ')

    const mixed = await call(ruRequest('?actions=sign_in,bogus,,nope,,bogus'))
    expect(mixed.response.headers.get(REASON_HEADER)).toMatch(
      /^actions: 5 items are not allowed: "bogus" \(positions 2, 6\), 2 empty items \(positions 3, 5\), "nope" \(position 4\); allowed: /,
    )
  })

  it('cuts a reason that would quote a long value, saying how long it was', async () => {
    const { response } = await call(ruRequest(`?id=${'x'.repeat(5000)}&categories=${'y'.repeat(5000)}`))
    expect(response.status).toBe(400)
    const reason = response.headers.get(REASON_HEADER) ?? ''
    expect(reason.length).toBeLessThanOrEqual(MAX_HEADER_LENGTH)
    expect(reason).toMatch(/categories: "y{20,}\.\.\." \(5000 characters\) is not allowed/)
    expect(reason).toMatch(/id: "x{20,}\.\.\." \(5000 characters\) is not allowed; allowed: a UUID/)
    const unrouted = await call(new Request(`${RU_BASE}/${'z'.repeat(20_000)}`))
    expect(unrouted.response.status).toBe(404)
    expect(unrouted.response.headers.get(REASON_HEADER)?.length).toBeLessThanOrEqual(MAX_HEADER_LENGTH)
  })

  it('answers 401 and 403 with no body', async () => {
    for (const [token, status] of [
      [null, 401],
      ['wrong', 401],
      [MOCK_TOKENS.kaitenRu.withoutAccess, 403],
    ] as const) {
      const { response, violations, body } = await call(ruRequest('', token))
      expect(response.status).toBe(status)
      expect(body).toBe('')
      expect(violations).toEqual([])
    }
  })

  it('serves the same operation under /api/v1, the versioned name of /api/latest, and nothing beside them', async () => {
    const query = '?categories=auth&limit=7'
    const latest = await call(ruRequest(query))
    const v1 = await call(
      new Request(`${RU_BASE.replace(/\/latest$/, '/v1')}/audit-logs${query}`, ruRequest().clone()),
    )
    expect(v1.response.status).toBe(200)
    expect(v1.json).toEqual(latest.json)
    const fromV1 = createKaitenRuResponder({ store, rateLimit: false, basePath: '/api/v1' })
    expect((await call(ruRequest(query), fromV1)).json).toEqual(latest.json)
    for (const path of ['/api/v2/audit-logs', '/api/latest/v1/audit-logs', '/v1/audit-logs']) {
      const other = await call(new Request(`${new URL(RU_BASE).origin}${path}`, ruRequest().clone()))
      expect(other.response.status, path).toBe(404)
    }
  })

  it('pages through every event without gaps or repeats when advancing by what each page held', async () => {
    const seen: string[] = []
    for (let offset = 0; ; ) {
      const { json } = await call(ruRequest(`?limit=1000&offset=${offset}`))
      const page = json as { id: string }[]
      seen.push(...page.map((event) => event.id))
      offset += page.length
      if (page.length < 500) break
    }
    expect(seen).toEqual(events.map((event) => event.id))
  })
})

describe('kaiten.ru responder: integers beyond 2^53 are judged by their digits', () => {
  it.each(['9007199254740993', '99999999999999999999', '1'.padEnd(300, '0')])(
    'applies limit=%s as 500, as the API does for any limit above 500',
    async (limit) => {
      const { response, violations, json } = await call(ruRequest(`?limit=${limit}`))
      expect(response.status).toBe(200)
      expect(violations).toEqual([])
      expect(json).toEqual(events.slice(0, 500))
    },
  )

  it('answers an offset beyond every event with an empty page', async () => {
    const { response, json } = await call(ruRequest('?offset=99999999999999999999'))
    expect(response.status).toBe(200)
    expect(json).toEqual([])
  })

  it('still answers a negative limit of any size with 400', async () => {
    const { response, body } = await call(ruRequest('?limit=-99999999999999999999'))
    expect(response.status).toBe(400)
    expect(body).toBe('')
    expect(response.headers.get(REASON_HEADER)).toContain('limit')
  })

  it('filters by an author_id beyond 2^53 without taking it for a nearby one', async () => {
    const { response, json } = await call(ruRequest('?author_id=9007199254740993'))
    expect(response.status).toBe(200)
    expect(json).toEqual([])
  })
})

describe('kaiten.ru responder: rate limit', () => {
  it('allows 5 requests per second per token, then 429, with the headers on every response', async () => {
    let now = Date.UTC(2026, 3, 1, 12, 0, 0, 250)
    const limited = createKaitenRuResponder({ store, now: () => now })
    const statuses: number[] = []
    const remaining: (string | null)[] = []
    const requests = [
      ruRequest(),
      ruRequest('?categories=bogus'),
      ruRequest(),
      ruRequest(),
      ruRequest(),
      ruRequest(),
      ruRequest('', null),
    ]
    for (const request of requests) {
      const { response, violations } = await call(request, limited)
      expect(violations).toEqual([])
      statuses.push(response.status)
      remaining.push(response.headers.get('x-ratelimit-remaining'))
      expect(response.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2026, 3, 1, 12, 0, 1) / 1000))
    }
    // The 400 counts too; the anonymous request has its own bucket.
    expect(statuses).toEqual([200, 400, 200, 200, 200, 429, 401])
    expect(remaining).toEqual(['4', '3', '2', '1', '0', '0', '4'])

    const other = await call(ruRequest('', MOCK_TOKENS.kaitenRu.withoutAccess), limited)
    expect(other.response.status).toBe(403)
    expect(other.response.headers.get('x-ratelimit-remaining')).toBe('4')

    // Its own clock dates the response, so Date and X-RateLimit-Reset tell one time.
    expect(other.response.headers.get('date')).toBe('Wed, 01 Apr 2026 12:00:00 GMT')

    now += 750
    const next = await call(ruRequest(), limited)
    expect(next.response.status).toBe(200)
    expect(next.response.headers.get('x-ratelimit-remaining')).toBe('4')
    expect(next.response.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2026, 3, 1, 12, 0, 2) / 1000))
  })

  it('honours a custom limit and never answers 429 when switched off, still counting down in the headers', async () => {
    const now = () => Date.UTC(2026, 3, 1)
    const custom = createKaitenRuResponder({ store, now, rateLimit: { requests: 2, windowMs: 10_000 } })
    const customStatuses = []
    for (let i = 0; i < 3; i++) customStatuses.push((await custom(ruRequest('?limit=1'))).status)
    expect(customStatuses).toEqual([200, 200, 429])

    const off = createKaitenRuResponder({ store, now, rateLimit: false })
    const remaining: (string | null)[] = []
    for (let i = 0; i < 8; i++) {
      const response = await off(ruRequest('?limit=1'))
      expect(response.status).toBe(200)
      remaining.push(response.headers.get('x-ratelimit-remaining'))
    }
    // The headers still mean what they say: what is left of the window, never below 0.
    expect(remaining).toEqual(['4', '3', '2', '1', '0', '0', '0', '0'])
    expect(() => createKaitenRuResponder({ store, rateLimit: { requests: 0, windowMs: 1000 } })).toThrow(
      /rateLimit.requests: 0 is not allowed; allowed: an integer ≥ 1/,
    )
  })
})

type Tagged = { text: string; valid: boolean }
const ok = (text: string): Tagged => ({ text, valid: true })
const bad = (text: string): Tagged => ({ text, valid: false })
const createdValues = events.map((event) => event.created)
const authorIds = [...new Set(events.map((event) => event.author_id).filter((id) => id !== null))]
const authorUids = [...new Set(events.map((event) => event.author_uid).filter((uid) => uid !== null))]

const instant = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...createdValues).map(ok) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: Date.UTC(2025, 8, 1), max: Date.UTC(2026, 4, 1) })
      .map((ms) => ok(new Date(ms).toISOString())),
  },
  { weight: 1, arbitrary: fc.constantFrom(bad('yesterday'), bad('2026-13-01T00:00:00Z')) },
)
const csv = <T extends string>(values: readonly T[]) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.subarray([...values], { minLength: 1, maxLength: 4 }).map((items) => ok(items.join(','))),
    },
    {
      weight: 1,
      arbitrary: fc
        .subarray([...values], { maxLength: 2 })
        .map((items) => bad([...items, 'bogus'].join(','))),
    },
  )
const ruQuery = fc.record(
  {
    from: instant,
    to: instant,
    author_id: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...authorIds).map((id) => ok(String(id))) },
      { weight: 1, arbitrary: fc.constantFrom(ok('999999'), bad('abc'), bad('1.5')) },
    ),
    author_uid: fc.oneof(fc.constantFrom(...authorUids).map(ok), fc.constant(ok('no-such-user'))),
    categories: csv(auditLogCategoryValues),
    actions: csv(auditLogActionValues),
    id: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...events.slice(0, 200).map((event) => event.id)).map(ok) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(ok('00000000-0000-4000-8000-000000000000'), bad('not-a-uuid')),
      },
    ),
    limit: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 800 }).map((n) => ok(String(n))) },
      { weight: 1, arbitrary: fc.constantFrom(bad('-1'), bad('ten')) },
    ),
    offset: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 400 }).map((n) => ok(String(n))) },
      { weight: 1, arbitrary: fc.constantFrom(bad('-5'), bad('x')) },
    ),
  },
  { requiredKeys: [] },
)

describe('kaiten.ru responder: property sweep', () => {
  // In memory, no sockets: a run costs a lookup and a schema check. The limit is for a machine other work keeps busy.
  it('always answers as the spec documents, with the events a reference filter gives', {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(ruQuery, async (params) => {
        const search = new URLSearchParams()
        for (const [name, tagged] of Object.entries(params)) search.set(name, tagged.text)
        const { response, violations, json } = await call(
          new Request(`${RU_BASE}/audit-logs?${search}`, {
            headers: { authorization: `Bearer ${MOCK_TOKENS.kaitenRu.valid}` },
          }),
        )
        expect(violations).toEqual([])
        response.headers.forEach((value, name) => {
          expect(value.length, name).toBeLessThanOrEqual(MAX_HEADER_LENGTH)
        })
        const allValid = Object.values(params).every((tagged) => tagged.valid)
        expect(response.status).toBe(allValid ? 200 : 400)
        if (!allValid) return

        const from = params.from && Date.parse(params.from.text)
        const to = params.to && Date.parse(params.to.text)
        const categories = params.categories?.text.split(',')
        const actions = params.actions?.text.split(',')
        const requested = Number(params.limit?.text ?? 100)
        const size = requested === 0 ? 100 : Math.min(requested, 500)
        const offset = Number(params.offset?.text ?? 0)
        const expected = events
          .filter((event) => from === undefined || Date.parse(event.created) >= from)
          .filter((event) => to === undefined || Date.parse(event.created) <= to)
          .filter((event) => !params.author_id || event.author_id === Number(params.author_id.text))
          .filter((event) => !params.author_uid || event.author_uid === params.author_uid.text)
          .filter((event) => !categories || categories.includes(event.category))
          .filter((event) => !actions || actions.includes(event.action))
          .filter((event) => !params.id || event.id === params.id.text)
          .sort((a, b) => Date.parse(b.created) - Date.parse(a.created) || (a.id < b.id ? 1 : -1))
          .slice(offset, offset + size)
        expect(json).toEqual(expected)
      }),
      { seed: propertySeed('kaiten.ru responder sweep'), numRuns: 150 },
    )
  })
})

describe('kaiten.ru responder: options', () => {
  it('refuses a store of the other API, naming what was given', async () => {
    const { createKaitenShStore } = await import('../../src/store/kaiten-sh.js')
    expect(() => createKaitenRuResponder({ store: createKaitenShStore() as never })).toThrow(
      /store: a kaiten-sh store is not allowed; allowed: a kaiten-ru store from createKaitenRuStore\(\)/,
    )
  })
})
