import { auditLogActionValues, auditLogCategoryValues } from '@kaiten-audit/types'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createKaitenRuClient, createKaitenShClient, InvalidParameterError } from '../src/index.js'

// Every parameter is absent, valid or faulty, and each value carries that verdict from the vendors' documentation,
// so the expected issues are not computed by the checks under test. No request may be made: fetch fails the test.
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)
console.log(`inputs.property: fast-check seed ${seed} (replay with FC_SEED=${seed})`)

type Tagged = { value: unknown; faulty: boolean }
const valid = (arbitrary: fc.Arbitrary<unknown>) =>
  arbitrary.map((value): Tagged => ({ value, faulty: false }))
const faulty = (arbitrary: fc.Arbitrary<unknown>) =>
  arbitrary.map((value): Tagged => ({ value, faulty: true }))

/** ASCII text around one unpaired surrogate (ASCII neighbours cannot pair with it). */
const loneSurrogateText = fc
  .tuple(fc.string({ maxLength: 5 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 5 }))
  .map(([before, unit, after]) => `${before}${String.fromCharCode(unit)}${after}`)
const wellFormedText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })

const instant = fc.oneof(
  valid(
    fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  ),
  valid(
    fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString()),
  ),
  valid(fc.constant('2026-04-01T03:00:00+03:00')),
  faulty(
    fc.constantFrom(
      'yesterday',
      '2026-02-30T00:00:00Z',
      '2026-04-01T00:00:00',
      new Date(Number.NaN),
      1_775_001_600_000,
      null,
    ),
  ),
  faulty(loneSurrogateText),
)

/** Integers a JavaScript number cannot hold exactly, numbers that are not integers, and integers given as text. */
const notAnExactInteger = fc.constantFrom(
  2.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e21,
  2 ** 53,
  '50',
  null,
  true,
)

function csvOf(values: readonly string[]) {
  return fc.oneof(
    valid(fc.subarray([...values], { minLength: 1, maxLength: 4 })),
    faulty(fc.constantFrom([], ['nope'], values[0], [values[0], 'nope'])),
    faulty(loneSurrogateText.map((text) => [text])),
  )
}

const unknownParameter = (known: readonly string[]) =>
  fc
    .constantFrom('foo', 'category', 'Limit', 'page', 'cursor', 'event_name', 'author_uid', 'limit ', 'q')
    .filter((name) => !known.includes(name))

type Case = { params: Record<string, unknown>; faults: string[] }

/** Generated parameters with at least two independent faults among them. */
function cases(
  parameters: Record<string, fc.Arbitrary<Tagged>>,
  extra: fc.Arbitrary<Record<string, Tagged>> = fc.constant({}),
): fc.Arbitrary<Case> {
  return fc
    .tuple(
      fc.record(parameters, { requiredKeys: [] }),
      fc.dictionary(unknownParameter(Object.keys(parameters)), faulty(fc.jsonValue()), { maxKeys: 2 }),
      extra,
    )
    .map(([known, unknown, more]) => {
      // Optional keys of fc.record are left out, never set to undefined.
      const tagged = { ...known, ...unknown, ...more } as Record<string, Tagged>
      const params = Object.fromEntries(Object.entries(tagged).map(([name, t]) => [name, t.value]))
      const faults = Object.entries(tagged)
        .filter(([, t]) => t.faulty)
        .map(([name]) => name)
      return { params, faults: faults.sort() }
    })
    .filter(({ faults }) => faults.length >= 2)
}

const kaitenRu = {
  from: instant,
  to: instant,
  author_id: fc.oneof(valid(fc.maxSafeInteger()), faulty(notAnExactInteger)),
  author_uid: fc.oneof(valid(wellFormedText), faulty(fc.constantFrom('', 42)), faulty(loneSurrogateText)),
  categories: csvOf(auditLogCategoryValues),
  actions: csvOf(auditLogActionValues),
  id: fc.oneof(valid(fc.uuid()), faulty(fc.constantFrom('not-a-uuid', 42)), faulty(loneSurrogateText)),
  // developers.kaiten.ru: 0 means the default and anything above 500 is applied as 500.
  limit: fc.oneof(
    valid(fc.integer({ min: 0, max: 1_000_000 })),
    faulty(fc.integer({ min: -1_000, max: -1 })),
    faulty(notAnExactInteger),
  ),
  offset: fc.oneof(
    valid(fc.integer({ min: 0, max: 1_000_000 })),
    faulty(fc.integer({ min: -1_000, max: -1 })),
    faulty(notAnExactInteger),
  ),
}

const kaitenShQuery = {
  event_name: fc.oneof(valid(wellFormedText), faulty(fc.constantFrom('', 42)), faulty(loneSurrogateText)),
  after: instant,
  before: instant,
  // docs.kaiten.sh: limit int32 1–200, offset int32 ≥ 0.
  limit: fc.oneof(
    valid(fc.integer({ min: 1, max: 200 })),
    faulty(fc.constantFrom(0, 201, -1, 2 ** 31)),
    faulty(notAnExactInteger),
  ),
  offset: fc.oneof(
    valid(fc.integer({ min: 0, max: 2 ** 31 - 1 })),
    faulty(fc.constantFrom(-1, 2 ** 31)),
    faulty(notAnExactInteger),
  ),
}
const instanceSlug = fc.oneof(
  valid(wellFormedText.filter((text) => text !== '.' && text !== '..')),
  faulty(fc.constantFrom('', '.', '..', 42, undefined)),
  faulty(loneSurrogateText),
)

/** Iteration manages offsets itself: any offset given to it is a fault. */
const { offset: _ruOffset, ...kaitenRuIterate } = kaitenRu
const { offset: _shOffset, ...kaitenShIterate } = kaitenShQuery
const iterationOffset = fc
  .option(faulty(fc.oneof(fc.nat(), fc.constantFrom(-1, '5', null))), { nil: undefined })
  .map((offset): Record<string, Tagged> => (offset === undefined ? {} : { offset }))

const noRequests = () => {
  throw new Error('no request may be sent for invalid parameters')
}
const ru = createKaitenRuClient({
  baseUrl: 'https://example.kaiten.ru/api/latest',
  token: 't',
  fetch: noRequests,
})
const sh = createKaitenShClient({ baseUrl: 'https://demo.kaiten.sh', token: 't', fetch: noRequests })

async function reported(start: () => unknown): Promise<string[]> {
  try {
    await start()
  } catch (error) {
    if (!(error instanceof InvalidParameterError)) throw error
    return error.issues.map((issue) => issue.parameter).sort()
  }
  throw new Error('expected InvalidParameterError')
}

const settings = { seed, numRuns: 300 }

describe('every faulty parameter is reported at once, and no valid one', () => {
  it('kaiten.ru listAuditLogs', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(cases(kaitenRu), async ({ params, faults }) => {
        expect(await reported(() => ru.listAuditLogs(params))).toEqual(faults)
      }),
      settings,
    )
  })

  it('kaiten.ru iterateAuditLogs', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(cases(kaitenRuIterate, iterationOffset), async ({ params, faults }) => {
        expect(await reported(() => ru.iterateAuditLogs(params))).toEqual(faults)
      }),
      settings,
    )
  })

  it('kaiten.sh listAuditTrails', { timeout: 120_000 }, async () => {
    const withSlug = instanceSlug.map((slug): Record<string, Tagged> => ({ instanceSlug: slug }))
    await fc.assert(
      fc.asyncProperty(cases(kaitenShQuery, withSlug), async ({ params, faults }) => {
        const { instanceSlug: slug, ...query } = params
        expect(await reported(() => sh.listAuditTrails(slug as string, query))).toEqual(faults)
      }),
      settings,
    )
  })

  it('kaiten.sh iterateAuditTrails', { timeout: 120_000 }, async () => {
    const withSlugAndOffset = fc
      .tuple(instanceSlug, iterationOffset)
      .map(([slug, offset]): Record<string, Tagged> => ({ instanceSlug: slug, ...offset }))
    await fc.assert(
      fc.asyncProperty(cases(kaitenShIterate, withSlugAndOffset), async ({ params, faults }) => {
        const { instanceSlug: slug, ...query } = params
        expect(await reported(() => sh.iterateAuditTrails(slug as string, query))).toEqual(faults)
      }),
      settings,
    )
  })
})
