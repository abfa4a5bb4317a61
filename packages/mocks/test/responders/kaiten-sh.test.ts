import { knownEventNameValues } from '@kaiten-audit/types'
import { propertySeed } from '@kaiten-audit/types/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createKaitenShResponder } from '../../src/responders/kaiten-sh.js'
import { createKaitenShStore } from '../../src/store/kaiten-sh.js'
import { MOCK_TOKENS } from '../../src/tokens.js'
import { violationsOf } from '../support/conformance.js'
import { SH_ORIGIN, shRequest } from '../support/requests.js'

const store = createKaitenShStore()
const respond = createKaitenShResponder({ store })
const slugs = store.instances().map((instance) => instance.slug)

async function call(request: Request) {
  const response = await respond(request)
  const { violations, body } = await violationsOf('kaiten-sh', response)
  return { response, violations, body, json: body ? (JSON.parse(body) as unknown) : undefined }
}

describe('kaiten.sh responder: documented behaviour', () => {
  it('answers a plain request with the first 50 entries, newest first', async () => {
    const { response, violations, json } = await call(shRequest('acme-production'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(violations).toEqual([])
    expect(json).toEqual(store.entries('acme-production').slice(0, 50))
  })

  it.each([
    ['limit=0', 'query.limit', 0],
    ['limit=201', 'query.limit', 201],
    ['offset=-1', 'query.offset', -1],
    ['limit=abc', 'query.limit', 'abc'],
  ])('answers %s with 422 problem+json naming %s', async (query, location, value) => {
    const { response, violations, json } = await call(shRequest('acme-production', `?${query}`))
    expect(response.status).toBe(422)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(violations).toEqual([])
    expect(json).toMatchObject({ status: 422, detail: 'validation failed', errors: [{ location, value }] })
  })

  it('answers a malformed timestamp with 400 problem+json', async () => {
    const { response, violations, json } = await call(shRequest('acme-production', '?after=yesterday'))
    expect(response.status).toBe(400)
    expect(violations).toEqual([])
    expect(json).toMatchObject({ status: 400, errors: [{ location: 'query.after', value: 'yesterday' }] })
  })

  it('answers 401 without or with a bad token, 403 without the scope, 404 for an unknown instance', async () => {
    const cases = [
      [shRequest('acme-production', '', null), 401],
      [shRequest('acme-production', '', 'ksh_not_a_real_token'), 401],
      [
        new Request(`${SH_ORIGIN}/instances/acme-production/audit-trails`, {
          headers: { authorization: 'Basic x' },
        }),
        401,
      ],
      [shRequest('acme-production', '', MOCK_TOKENS.kaitenSh.withoutScope), 403],
      [shRequest('no-such-instance'), 404],
    ] as const
    for (const [request, status] of cases) {
      const { response, violations, json } = await call(request)
      expect(response.status).toBe(status)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(violations).toEqual([])
      expect(json).toMatchObject({ status })
    }
  })

  it('serves the API under a base path and nothing outside it', async () => {
    const underApi = createKaitenShResponder({ store, basePath: '/api/' })
    const ok = await underApi(
      new Request(`http://127.0.0.1/api/instances/acme-production/audit-trails`, {
        headers: { authorization: `Bearer ${MOCK_TOKENS.kaitenSh.valid}` },
      }),
    )
    expect(ok.status).toBe(200)
    const outside = await underApi(shRequest('acme-production'))
    expect(outside.status).toBe(404)
    const post = await respond(new Request(shRequest('acme-production'), { method: 'POST' }))
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET')
  })

  it('pages through a whole trail without gaps or repeats', async () => {
    const seen: number[] = []
    for (let offset = 0; ; offset += 200) {
      const { json } = await call(shRequest('acme-production', `?limit=200&offset=${offset}`))
      const page = json as { id: number }[]
      seen.push(...page.map((entry) => entry.id))
      if (page.length < 200) break
    }
    expect(seen).toEqual(store.entries('acme-production').map((entry) => entry.id))
  })
})

describe('kaiten.sh responder: integers beyond 2^53 are judged by their digits', () => {
  it.each([
    ['limit', '9007199254740993'],
    ['limit', '99999999999999999999'],
    ['limit', '9'.repeat(400)],
    ['offset', '99999999999999999999'],
    ['offset', '-9007199254740993'],
  ])('answers %s=%s with 422 naming the value as sent', async (parameter, text) => {
    const { response, violations, json } = await call(shRequest('acme-production', `?${parameter}=${text}`))
    expect(response.status).toBe(422)
    expect(violations).toEqual([])
    expect(json).toMatchObject({
      status: 422,
      detail: 'validation failed',
      errors: [{ location: `query.${parameter}`, value: text }],
    })
  })
})

// Each generated value carries what the service makes of it, so expected statuses are not derived from the parser.
type Tagged = { text: string; verdict: 'valid' | 'constraint' | 'malformed' }
const valid = (text: string): Tagged => ({ text, verdict: 'valid' })
const constraint = (text: string): Tagged => ({ text, verdict: 'constraint' })
const malformed = (text: string): Tagged => ({ text, verdict: 'malformed' })

const MIN_MS = Date.UTC(2025, 8, 1)
const MAX_MS = Date.UTC(2026, 4, 1)
const instant = fc.integer({ min: MIN_MS, max: MAX_MS }).chain((ms) =>
  fc.constantFrom(
    valid(new Date(ms).toISOString()),
    valid(new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')),
    // The same instant written with a +03:00 offset.
    valid(new Date(ms + 3 * 3_600_000).toISOString().replace('Z', '+03:00')),
  ),
)
// Stored timestamps themselves, so the inclusive bounds are hit exactly rather than by luck.
const storedInstant = fc
  .constantFrom(...slugs.flatMap((slug) => store.entries(slug).map((entry) => entry.timestamp)))
  .map(valid)
const timestamp = fc.oneof(
  { weight: 4, arbitrary: instant },
  { weight: 8, arbitrary: storedInstant },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      malformed('yesterday'),
      malformed('2026-02-30T00:00:00Z'),
      malformed('2026-04-01'),
    ),
  },
)
const limit = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 200 }).map((n) => valid(String(n))) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 0 }).map((n) => constraint(String(n))) },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 100_000 }).map((n) => constraint(String(n))) },
  { weight: 1, arbitrary: fc.constantFrom(constraint('abc'), constraint('1.5'), constraint('')) },
)
const offset = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 600 }).map((n) => valid(String(n))) },
  { weight: 1, arbitrary: fc.constantFrom(constraint('-1'), constraint('x'), constraint('2147483648')) },
)
const eventName = fc.oneof(
  fc.constantFrom(...knownEventNameValues).map(valid),
  fc.constantFrom(valid('kaiten.v1.entitlement'), valid('kaiten.v1.something.new'), valid('')),
)
const shQuery = fc.record({
  slug: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...slugs) },
    { weight: 1, arbitrary: fc.constant('unknown-instance') },
  ),
  token: fc.oneof(
    { weight: 8, arbitrary: fc.constant<string | null>(MOCK_TOKENS.kaitenSh.valid) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<string | null>(MOCK_TOKENS.kaitenSh.withoutScope, 'ksh_bogus', null),
    },
  ),
  params: fc.record(
    { event_name: eventName, after: timestamp, before: timestamp, limit, offset },
    { requiredKeys: [] },
  ),
})

describe('kaiten.sh responder: property sweep', () => {
  // In memory, no sockets: a run costs a lookup and a schema check. The limit is for a machine other work keeps busy.
  it('always answers as the spec documents, with the status the inputs call for and the entries a reference filter gives', {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(shQuery, async ({ slug, token, params }) => {
        const search = new URLSearchParams()
        for (const [name, tagged] of Object.entries(params)) search.set(name, tagged.text)
        const { response, violations, json } = await call(shRequest(slug, `?${search}`, token))
        expect(violations).toEqual([])

        const verdicts = Object.values(params).map((tagged) => tagged.verdict)
        const expectedStatus =
          token === null || token === 'ksh_bogus'
            ? 401
            : token === MOCK_TOKENS.kaitenSh.withoutScope
              ? 403
              : verdicts.includes('malformed')
                ? 400
                : verdicts.includes('constraint')
                  ? 422
                  : slug === 'unknown-instance'
                    ? 404
                    : 200
        expect(response.status).toBe(expectedStatus)
        if (expectedStatus === 422 || expectedStatus === 400) {
          const locations = (json as { errors: { location: string }[] }).errors.map((error) => error.location)
          for (const [name, tagged] of Object.entries(params))
            if (tagged.verdict !== 'valid') expect(locations).toContain(`query.${name}`)
        }
        if (expectedStatus !== 200) return

        // Reference: a plain filter and sort over the store, written without the mock's helpers.
        const after = params.after && Date.parse(params.after.text)
        const before = params.before && Date.parse(params.before.text)
        const name = params.event_name?.text
        const from = Number(params.offset?.text ?? 0)
        const expected = store
          .entries(slug)
          .filter((entry) => !name || entry.eventName === name)
          .filter((entry) => after === undefined || Date.parse(entry.timestamp) >= after)
          .filter((entry) => before === undefined || Date.parse(entry.timestamp) <= before)
          .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp) || b.id - a.id)
          .slice(from, from + Number(params.limit?.text ?? 50))
        expect(json).toEqual(expected)
      }),
      { seed: propertySeed('kaiten.sh responder sweep'), numRuns: 200 },
    )
  })
})

describe('kaiten.sh responder: options', () => {
  it('refuses something that is not a kaiten.sh store', () => {
    expect(() => createKaitenShResponder({ store: {} as never })).toThrow(
      /store: an object that is not a store is not allowed; allowed: a kaiten-sh store from createKaitenShStore\(\)/,
    )
  })
})
