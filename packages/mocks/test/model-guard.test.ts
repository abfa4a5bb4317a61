// Guards against spec facts restated in src/: over every query parameter, the fakes must answer what the model
// documents, for the generated models and for a spec with every fact moved (so a constant equal to today's value
// fails too). Expectations are read from the model's data here, never from the package's helpers.
import {
  type ApiModel,
  type ApiOperation,
  type ApiParameter,
  INTEGER_FORMAT_RANGES,
  kaitenRuModel,
  kaitenShModel,
} from '@kaiten-audit/types'
import { editedSpec, perturbAll, setOperationExtension } from '@kaiten-audit/types/testing'
import { describe, expect, it } from 'vitest'
import type { MockApi } from '../src/apis.js'
import { createKaitenRuResponder } from '../src/responders/kaiten-ru.js'
import { createKaitenShResponder } from '../src/responders/kaiten-sh.js'
import type { Responder } from '../src/responders/responder.js'
import { createKaitenRuStore } from '../src/store/kaiten-ru.js'
import { createKaitenShStore } from '../src/store/kaiten-sh.js'
import { ruRequest, shRequest } from './support/requests.js'

const SLUG = 'acme-production'
const OPERATION_IDS: Record<MockApi, string> = {
  'kaiten-sh': 'getAuditTrails',
  'kaiten-ru': 'retrieveAuditLogEvents',
}
const GENERATED: Record<MockApi, ApiModel> = { 'kaiten-sh': kaitenShModel, 'kaiten-ru': kaitenRuModel }

function operationIn(api: MockApi, model: ApiModel): ApiOperation {
  const operation = model.operations[OPERATION_IDS[api]]
  if (!operation) throw new Error(`${api}: no ${OPERATION_IDS[api]}`)
  return operation
}

interface Fake {
  respond: Responder
  request: (query: string) => Request
  /** Every item the fake serves, newest first, by id. */
  ids: () => unknown[]
}

function fake(api: MockApi, model: ApiModel): Fake {
  if (api === 'kaiten-sh') {
    const store = createKaitenShStore({ entries: 1000 })
    return {
      respond: createKaitenShResponder({ store, model }),
      request: (query) => shRequest(SLUG, query),
      ids: () => store.entries(SLUG).map((entry) => entry.id),
    }
  }
  const store = createKaitenRuStore({ events: 800 })
  return {
    respond: createKaitenRuResponder({ store, model, rateLimit: false }),
    request: (query) => ruRequest(query),
    ids: () => store.events().map((event) => event.id),
  }
}

function documentedRange(parameter: ApiParameter): { min?: number; max?: number } {
  const format = parameter.schema.format ? INTEGER_FORMAT_RANGES[parameter.schema.format] : undefined
  const lows = [parameter.schema.minimum, format?.min].filter((n) => n !== undefined) as number[]
  const highs = [parameter.schema.maximum, format?.max].filter((n) => n !== undefined) as number[]
  return {
    ...(lows.length ? { min: Math.max(...lows) } : {}),
    ...(highs.length ? { max: Math.min(...highs) } : {}),
  }
}

function applied(parameter: ApiParameter, n: number | undefined): number {
  const fallback = parameter.schema.default as number
  if (n === undefined) return fallback
  const clamp = parameter.limitClamp
  if (clamp?.zeroMeans === 'default' && n === 0) return fallback
  if (clamp && n > clamp.above) return clamp.applies
  return n
}

async function page(fakeApi: Fake, query: string): Promise<{ status: number; ids: unknown[] }> {
  const response = await fakeApi.respond(fakeApi.request(query))
  if (response.status !== 200) return { status: response.status, ids: [] }
  return { status: 200, ids: ((await response.json()) as { id: unknown }[]).map((item) => item.id) }
}

/** Asserts, parameter by parameter, that the fake of `api` answers what `model` documents. */
async function expectFakeFollowsModel(api: MockApi, model: ApiModel): Promise<void> {
  const operation = operationIn(api, model)
  const statuses = operation.invalidParameterStatus
  if (!statuses) throw new Error(`${api}: the model documents no x-invalid-parameter-status`)
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'query')
  const byName = (name: string) => parameters.find((parameter) => parameter.name === name) as ApiParameter
  const limit = byName('limit')
  const offset = byName('offset')
  const subject = fake(api, model)
  const all = subject.ids()
  const expectedPage = (limitValue: number | undefined, offsetValue: number | undefined) => {
    const start = applied(offset, offsetValue)
    return all.slice(start, start + applied(limit, limitValue))
  }

  expect(await page(subject, '')).toEqual({ status: 200, ids: expectedPage(undefined, undefined) })

  for (const parameter of parameters) {
    const type = parameter.schema.types.find((t) => t !== 'null')
    const values = parameter.schema.enum ?? parameter.schema.items?.enum
    if (type === 'integer') {
      const { min, max } = documentedRange(parameter)
      const points = [-1, 0, 1]
      if (min !== undefined) points.push(min - 1, min, min + 1)
      if (max !== undefined) points.push(max - 1, max, max + 1)
      if (parameter.limitClamp) points.push(parameter.limitClamp.above, parameter.limitClamp.above + 1)
      if (typeof parameter.schema.default === 'number') points.push(parameter.schema.default)
      for (const n of new Set(points.filter((point) => Number.isSafeInteger(point)))) {
        const where = `${api} ${parameter.name}=${n}`
        const accepted = (min === undefined || n >= min) && (max === undefined || n <= max)
        const answer = await page(subject, `?${parameter.name}=${n}`)
        expect(answer.status, where).toBe(accepted ? 200 : statuses.default)
        if (!accepted) continue
        if (parameter.name === 'limit') expect(answer.ids, where).toEqual(expectedPage(n, undefined))
        if (parameter.name === 'offset') expect(answer.ids, where).toEqual(expectedPage(undefined, n))
      }
    } else if (values) {
      for (const value of values) {
        const answer = await page(subject, `?${parameter.name}=${String(value)}`)
        expect(answer.status, `${api} ${parameter.name}=${String(value)}`).toBe(200)
      }
      const stranger = `${String(values[0])}-not-documented`
      expect((await page(subject, `?${parameter.name}=${stranger}`)).status).toBe(statuses.default)
    } else if (parameter.schema.format === 'date-time') {
      expect((await page(subject, `?${parameter.name}=2026-04-01T00:00:00Z`)).status).toBe(200)
      expect((await page(subject, `?${parameter.name}=2026-04-01`)).status, `${api} ${parameter.name}`).toBe(
        statuses['date-time'] ?? statuses.default,
      )
    }
  }
}

describe.each(['kaiten-sh', 'kaiten-ru'] as const)(
  '%s fake follows the model over every parameter',
  (api) => {
    it('the generated model', async () => {
      await expectFakeFollowsModel(api, GENERATED[api])
    })

    it('a spec with every fact moved', async () => {
      const { model } = editedSpec(api, ...perturbAll(api, { invalidParameterStatuses: true }))
      expect(model).not.toEqual(GENERATED[api])
      await expectFakeFollowsModel(api, model)
    })
  },
)

describe('the kaiten.ru rate limit follows the model', () => {
  it.each([
    ['the generated model', kaitenRuModel],
    [
      'a moved x-rate-limit',
      editedSpec(
        'kaiten-ru',
        setOperationExtension('retrieveAuditLogEvents', 'x-rate-limit', { requests: 7, windowSeconds: 2 }),
      ).model,
    ],
  ])('%s', async (_title, model) => {
    const documented = operationIn('kaiten-ru', model).rateLimit
    if (!documented) throw new Error('no x-rate-limit')
    const at = 1_000_000 * documented.windowSeconds * 1000 + 1
    const respond = createKaitenRuResponder({
      store: createKaitenRuStore({ events: 5 }),
      model,
      now: () => at,
    })
    const answers: Response[] = []
    for (let i = 0; i <= documented.requests; i++) answers.push(await respond(ruRequest('?limit=1')))
    expect(answers.map((answer) => answer.status)).toEqual([...Array(documented.requests).fill(200), 429])
    expect(answers[0]?.headers.get('x-ratelimit-remaining')).toBe(String(documented.requests - 1))
    expect(answers[0]?.headers.get('x-ratelimit-reset')).toBe(String(1_000_001 * documented.windowSeconds))
  })
})
