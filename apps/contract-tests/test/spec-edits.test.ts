// The spec drives the contract run: an in-memory copy of each spec is edited, the model is built with the generator's
// builder, and the same model is handed to the mocks (`startMockServers({ models })`) and to the run (`models`). With
// no change to src/, the run passes against mocks that follow the edit, sends what the edit adds, and reports the
// difference when the server does not follow the model it is judged by.
import type { ApiModel } from '@kaiten-audit/types'
import { buildApiModel } from '@kaiten-audit/types/model-builder'
import {
  addEnumValue,
  addParameter,
  addResponse,
  editedSpec,
  patchParameterSchema,
  setOperationExtension,
  specDocument,
} from '@kaiten-audit/types/testing'
import { describe, expect, it } from 'vitest'
import type { Exchange } from '../src/http/exchange.js'
import { startMockTarget } from '../src/mock-target.js'
import type { ApiName, CheckResult, RunReport } from '../src/model.js'
import { runContract } from '../src/runner.js'
import { VirtualClock } from './support/virtual-clock.js'

const SH = 'getAuditTrails'
const RU = 'retrieveAuditLogEvents'
/** Needs the mocks' rate limiter, which the fast configuration leaves off. */
const RATE_LIMIT_WINDOW = 'kaiten-ru.rate-limit.window'
/** Real sockets to local servers: generous, since a loaded machine is slow, not wrong. */
const RUN_TIMEOUT_MS = 30_000

const PROBLEM_CONTENT = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
}

interface Edited {
  report: RunReport
  exchanges: Exchange[]
}

/**
 * One API's checks in the configuration the teeth tests use (no limiter, no pacing, every negative case, a virtual
 * clock), against the mocks following `mocks` and judged by `run` (either absent: the generated model).
 */
async function runEdited(api: ApiName, models: { mocks?: ApiModel; run?: ApiModel }): Promise<Edited> {
  const key = api === 'kaiten-sh' ? 'kaitenSh' : 'kaitenRu'
  const clock = new VirtualClock()
  const exchanges: Exchange[] = []
  const mocks = await startMockTarget({
    rateLimit: false,
    now: clock.now,
    ...(models.mocks ? { models: { [key]: models.mocks } } : {}),
  })
  try {
    const report = await runContract({
      target: 'mocks',
      [key]: mocks[key],
      clock,
      pacing: false,
      rateLimitChecks: false,
      negativeCases: 'all',
      ...(models.run ? { models: { [key]: models.run } } : {}),
      onExchange: (exchange) => exchanges.push(exchange),
    })
    return { report, exchanges }
  } finally {
    await mocks.close()
  }
}

/** The same model for both sides: the mocks follow the edit and the run judges by it. */
const followed = (api: ApiName, model: ApiModel) => runEdited(api, { mocks: model, run: model })

function expectAllPassed({ report }: Edited): void {
  const notPassed = report.checks.filter(
    (check) => check.outcome !== 'passed' && !(check.id === RATE_LIMIT_WINDOW && check.outcome === 'skipped'),
  )
  expect(notPassed, JSON.stringify(notPassed, null, 2)).toEqual([])
}

/** The statuses the run got for requests whose query sets `name` to `value`. */
function statusesFor({ exchanges }: Edited, name: string, value: string): number[] {
  return exchanges
    .filter((exchange) => new URL(exchange.url).searchParams.get(name) === value)
    .map((exchange) => exchange.status)
}

function findingsOf({ report }: Edited, id: string): string[] {
  const check = report.checks.find((result) => result.id === id) as CheckResult
  expect(check, `${id} ran`).toBeDefined()
  return check.findings.map((finding) => finding.message)
}

describe('kaiten.sh: the run follows an edited spec', () => {
  const statusFilter = {
    name: 'status',
    in: 'query',
    schema: { $ref: '#/components/schemas/AuditTrailStatus' },
  }
  const withPending = editedSpec(
    'kaiten-sh',
    addParameter(SH, statusFilter),
    addEnumValue(SH, 'status', 'PENDING'),
  )

  it(
    'a new enum value (a status filter, widened): the run probes the new parameter and the mocks pass',
    async () => {
      const edited = await followed('kaiten-sh', withPending.model)
      expectAllPassed(edited)
      expect(statusesFor(edited, 'status', 'contract_probe_unknown')).toEqual([422])
      expect(statusesFor(edited, 'status', 'accepted')).toEqual([422])
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'a changed maximum: the new maximum is filled and one above it is refused',
    async () => {
      const { model } = editedSpec('kaiten-sh', patchParameterSchema(SH, 'limit', { maximum: 120 }))
      const edited = await followed('kaiten-sh', model)
      expectAllPassed(edited)
      expect(statusesFor(edited, 'limit', '121')).toEqual([422])
      expect(statusesFor(edited, 'limit', '120').every((status) => status === 200)).toBe(true)
      expect(statusesFor(edited, 'limit', '201')).toEqual([])
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'a new optional query parameter: each value that breaks its schema is sent and refused',
    async () => {
      const board = {
        name: 'board_id',
        in: 'query',
        schema: { type: 'integer', format: 'int32', minimum: 1 },
      }
      const { model } = editedSpec('kaiten-sh', addParameter(SH, board))
      const edited = await followed('kaiten-sh', model)
      expectAllPassed(edited)
      for (const value of ['abc', '0', '2147483648']) {
        expect(statusesFor(edited, 'board_id', value)).toEqual([422])
      }
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'a new documented error status, made the status of invalid parameters: expected, and not drift',
    async () => {
      const { model } = editedSpec(
        'kaiten-sh',
        addResponse(SH, '409', { description: 'Conflicting filters.', content: PROBLEM_CONTENT }),
        setOperationExtension(SH, 'x-invalid-parameter-status', { default: 409, 'date-time': 400 }),
      )
      const edited = await followed('kaiten-sh', model)
      expectAllPassed(edited)
      expect(statusesFor(edited, 'limit', '0')).toEqual([409])
      expect(statusesFor(edited, 'after', 'yesterday')).toEqual([400])
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'fails the other way: a lowered maximum in the model, a server that still serves the old one',
    async () => {
      const { model } = editedSpec('kaiten-sh', patchParameterSchema(SH, 'limit', { maximum: 120 }))
      const edited = await runEdited('kaiten-sh', { run: model })
      expect(findingsOf(edited, 'kaiten-sh.errors.invalid-parameters')).toContain(
        'limit=121 (above 120) must be refused with 422; got 200',
      )
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'fails the other way: a status the edited spec no longer documents is reported',
    async () => {
      const document = specDocument('kaiten-sh')
      const paths = document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>
      delete paths['/instances/{instanceSlug}/audit-trails']?.get?.responses['404']
      const edited = await runEdited('kaiten-sh', { run: buildApiModel(document) })
      expect(findingsOf(edited, 'kaiten-sh.drift')).toContainEqual(
        expect.stringMatching(
          /^kaiten\.sh answered 404, a status the spec does not document for this operation/,
        ),
      )
      expect(findingsOf(edited, 'kaiten-sh.schema.responses-conform')).toContain(
        'the response departs from the spec at $.status',
      )
    },
    RUN_TIMEOUT_MS,
  )
})

describe('kaiten.ru: the run follows an edited spec', () => {
  const withBilling = editedSpec('kaiten-ru', addEnumValue(RU, 'categories', 'billing'))
  const invalidIs422 = editedSpec(
    'kaiten-ru',
    addResponse(RU, '422', { description: 'Invalid parameter.' }),
    setOperationExtension(RU, 'x-invalid-parameter-status', { default: 422 }),
  )

  it(
    'a new enum value: every documented category, the new one too, is sent and accepted',
    async () => {
      const edited = await followed('kaiten-ru', withBilling.model)
      expectAllPassed(edited)
      const everyValue = edited.exchanges.filter((exchange) =>
        new URL(exchange.url).searchParams.get('categories')?.split(',').includes('billing'),
      )
      expect(everyValue.map((exchange) => exchange.status)).toEqual([200])
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'a changed maximum: an offset maximum is probed at its edge and one past it is refused',
    async () => {
      const { model } = editedSpec('kaiten-ru', patchParameterSchema(RU, 'offset', { maximum: 1000 }))
      const edited = await followed('kaiten-ru', model)
      expectAllPassed(edited)
      expect(statusesFor(edited, 'offset', '1001')).toEqual([400])
      expect(statusesFor(edited, 'offset', '1000').every((status) => status === 200)).toBe(true)
      expect(statusesFor(edited, 'offset', '2147483648')).toEqual([])
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'a new optional query parameter: each value that breaks its schema is sent and refused',
    async () => {
      const space = { name: 'space_id', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 99 } }
      const { model } = editedSpec('kaiten-ru', addParameter(RU, space))
      const edited = await followed('kaiten-ru', model)
      expectAllPassed(edited)
      for (const value of ['abc', '0', '100']) expect(statusesFor(edited, 'space_id', value)).toEqual([400])
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'a new documented error status, made the status of invalid parameters: expected, without a body',
    async () => {
      const edited = await followed('kaiten-ru', invalidIs422.model)
      expectAllPassed(edited)
      expect(statusesFor(edited, 'limit', '-1')).toEqual([422])
      expect(statusesFor(edited, 'id', 'not-a-uuid')).toEqual([422])
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'a changed x-rate-limit: the run paces at it and the window check counts by it',
    async () => {
      const { model } = editedSpec(
        'kaiten-ru',
        setOperationExtension(RU, 'x-rate-limit', { requests: 2, windowSeconds: 1 }),
      )
      const clock = new VirtualClock()
      const mocks = await startMockTarget({ rateLimit: true, now: clock.now, models: { kaitenRu: model } })
      let report: RunReport
      try {
        report = await runContract({
          target: 'mocks',
          kaitenRu: mocks.kaitenRu,
          clock,
          models: { kaitenRu: model },
          only: (id) => id === RATE_LIMIT_WINDOW || id === 'kaiten-ru.pagination.order',
        })
      } finally {
        await mocks.close()
      }
      const notPassed = report.checks.filter((check) => check.outcome !== 'passed')
      expect(notPassed, JSON.stringify(notPassed, null, 2)).toEqual([])
      const window = report.checks.find((check) => check.id === RATE_LIMIT_WINDOW)
      expect(window?.requests).toBeGreaterThanOrEqual(3)
      // Paced at 2 per second, no request but the burst met a 429.
      expect(
        report.checks.flatMap((check) => check.notes).filter((note) => note.includes('sent it again')),
      ).toEqual([])
    },
    RUN_TIMEOUT_MS,
  )

  it(
    'fails the other way: a category the server does not know, a status it does not answer',
    async () => {
      const billing = await runEdited('kaiten-ru', { run: withBilling.model })
      expect(findingsOf(billing, 'kaiten-ru.filters.every-documented-value')).toContainEqual(
        expect.stringMatching(/^every documented category and action in one request was refused with 400/),
      )
      const status = await runEdited('kaiten-ru', { run: invalidIs422.model })
      expect(findingsOf(status, 'kaiten-ru.errors.invalid-parameters')).toContain(
        'limit=-1 (below 0) must be refused with 422; got 400',
      )
    },
    RUN_TIMEOUT_MS * 2,
  )
})
