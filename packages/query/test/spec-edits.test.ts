// Edits an in-memory copy of each spec, builds the model with the generator's builder and hands it to the parser and
// renderer: they follow with no change to src/. The edits come from @kaiten-audit/types/testing.
import type { ApiModel } from '@kaiten-audit/types'
import { buildApiModel } from '@kaiten-audit/types/model-builder'
import {
  addEnumValue,
  addParameter,
  addResponse,
  editedSpec,
  patchParameterSchema,
  perturbAll,
  setOperationExtension,
  setParameterExtension,
  specDocument,
} from '@kaiten-audit/types/testing'
import { describe, expect, it } from 'vitest'
import {
  effectiveKaitenRuLimit,
  formatIssue,
  invalidParameterStatus,
  parseKaitenRuQuery,
  parseKaitenShQuery,
  toKaitenRuSearchParams,
  toKaitenShSearchParams,
} from '../src/index.js'
import { expectQueryFollowsModel, operationIn, queryApis } from './support/follows-model.js'

const SH = 'getAuditTrails'
const RU = 'retrieveAuditLogEvents'

function messages(parsed: { ok: boolean; issues?: readonly Parameters<typeof formatIssue>[0][] }): string[] {
  return parsed.ok ? [] : (parsed.issues ?? []).map(formatIssue)
}

describe('kaiten.sh follows an edited spec', () => {
  it('a new enum value: a status filter the spec adds, then widens', () => {
    const filter = { name: 'status', in: 'query', schema: { $ref: '#/components/schemas/AuditTrailStatus' } }
    const { model } = editedSpec('kaiten-sh', addParameter(SH, filter), addEnumValue(SH, 'status', 'PENDING'))
    expect(parseKaitenShQuery(new URLSearchParams('status=PENDING'), model)).toMatchObject({
      ok: true,
      value: { others: { status: { type: 'string', text: 'PENDING' } } },
    })
    expect(toKaitenShSearchParams({ status: 'PENDING' } as never, model)).toMatchObject({ ok: true })
    expect(messages(parseKaitenShQuery(new URLSearchParams('status=LOST'), model))).toEqual([
      'status: "LOST" is not allowed; allowed: one of: ACCEPTED, REJECTED, PENDING',
    ])
  })

  it('a changed maximum', () => {
    const { model } = editedSpec('kaiten-sh', patchParameterSchema(SH, 'limit', { maximum: 300 }))
    expect(parseKaitenShQuery(new URLSearchParams('limit=300'), model)).toMatchObject({
      ok: true,
      value: { limit: 300 },
    })
    expect(messages(toKaitenShSearchParams({ limit: 301 }, model))).toEqual([
      'limit: 301 is not allowed; allowed: an integer from 1 to 300',
    ])
    // The generated model still says 200: the edit, not a constant, moved the bound.
    expect(parseKaitenShQuery(new URLSearchParams('limit=300')).ok).toBe(false)
  })

  it('a new optional query parameter', () => {
    const board = { name: 'board_id', in: 'query', schema: { type: 'integer', format: 'int32', minimum: 1 } }
    const { model } = editedSpec('kaiten-sh', addParameter(SH, board))
    const rendered = toKaitenShSearchParams({ board_id: 7, limit: 10 } as never, model)
    expect(rendered.ok && rendered.value.toString()).toBe('board_id=7&limit=10')
    expect(parseKaitenShQuery(new URLSearchParams('board_id=7'), model)).toMatchObject({
      ok: true,
      value: { others: { board_id: { type: 'integer', value: 7 } } },
    })
    expect(messages(parseKaitenShQuery(new URLSearchParams('board_id=0'), model))).toEqual([
      'board_id: "0" is not allowed; allowed: an integer from 1 to 2147483647',
    ])
    expect(toKaitenShSearchParams({ board_id: 7 } as never).ok).toBe(false)
  })

  it('a new documented error status for invalid parameters', () => {
    const { model } = editedSpec(
      'kaiten-sh',
      addResponse(SH, '409', { description: 'Conflicting filters.' }),
      setOperationExtension(SH, 'x-invalid-parameter-status', { default: 409, 'date-time': 400 }),
    )
    const constraint = parseKaitenShQuery(new URLSearchParams('limit=0'), model)
    const malformed = parseKaitenShQuery(new URLSearchParams('after=yesterday'), model)
    expect(
      invalidParameterStatus(operationIn('kaiten-sh', model), constraint.ok ? [] : constraint.issues),
    ).toBe(409)
    expect(
      invalidParameterStatus(operationIn('kaiten-sh', model), malformed.ok ? [] : malformed.issues),
    ).toBe(400)
    expect(operationIn('kaiten-sh', model).responses.map((response) => response.status)).toContain('409')
  })
})

describe('kaiten.ru follows an edited spec', () => {
  it('a new enum value', () => {
    const { model } = editedSpec('kaiten-ru', addEnumValue(RU, 'categories', 'billing'))
    const rendered = toKaitenRuSearchParams({ categories: ['auth', 'billing'] as never }, model)
    expect(rendered.ok && rendered.value.get('categories')).toBe('auth,billing')
    expect(parseKaitenRuQuery(new URLSearchParams('categories=billing'), model)).toMatchObject({
      ok: true,
      value: { categories: ['billing'] },
    })
    expect(parseKaitenRuQuery(new URLSearchParams('categories=billing')).ok).toBe(false)
  })

  it('a changed maximum, and a changed clamp', () => {
    const { model } = editedSpec(
      'kaiten-ru',
      patchParameterSchema(RU, 'offset', { maximum: 1000 }),
      setParameterExtension(RU, 'limit', 'x-kaiten-limit-clamp', {
        above: 300,
        applies: 250,
        zeroMeans: 'default',
      }),
    )
    expect(messages(toKaitenRuSearchParams({ offset: 1001 }, model))).toEqual([
      'offset: 1001 is not allowed; allowed: an integer from 0 to 1000',
    ])
    expect(parseKaitenRuQuery(new URLSearchParams('limit=301'), model)).toMatchObject({
      ok: true,
      value: { limit: 250 },
    })
    expect(effectiveKaitenRuLimit(1000, model)).toBe(250)
    expect(effectiveKaitenRuLimit(1000)).toBe(500)
  })

  it('a new optional query parameter, a repeated list', () => {
    const boards = {
      name: 'board_ids',
      in: 'query',
      style: 'form',
      explode: true,
      schema: { type: 'array', items: { type: 'string', enum: ['b1', 'b2'] } },
    }
    const { model } = editedSpec('kaiten-ru', addParameter(RU, boards))
    const rendered = toKaitenRuSearchParams({ board_ids: ['b1', 'b2'] } as never, model)
    expect(rendered.ok && rendered.value.toString()).toBe('board_ids=b1&board_ids=b2')
    expect(parseKaitenRuQuery(new URLSearchParams('board_ids=b1&board_ids=b2'), model)).toMatchObject({
      ok: true,
      value: { others: { board_ids: { type: 'list', items: ['b1', 'b2'] } } },
    })
    expect(messages(parseKaitenRuQuery(new URLSearchParams('board_ids=b1&board_ids=b9'), model))).toEqual([
      'board_ids: "b9" is not allowed; allowed: repeated values, each: b1, b2',
    ])
  })

  it('a new documented error status for invalid parameters', () => {
    const { model } = editedSpec(
      'kaiten-ru',
      addResponse(RU, '422', { description: 'Invalid parameter.' }),
      setOperationExtension(RU, 'x-invalid-parameter-status', { default: 422 }),
    )
    const parsed = parseKaitenRuQuery(new URLSearchParams('from=x'), model)
    expect(invalidParameterStatus(operationIn('kaiten-ru', model), parsed.ok ? [] : parsed.issues)).toBe(422)
    expect(invalidParameterStatus(operationIn('kaiten-ru', queryApis['kaiten-ru'].model), [])).toBe(400)
  })
})

describe.each(['kaiten-sh', 'kaiten-ru'] as const)(
  '%s: every parameter follows a spec with every fact moved',
  (api) => {
    it('bounds, defaults, clamps, enums and an added parameter', () => {
      const { model }: { model: ApiModel } = editedSpec(api, ...perturbAll(api))
      expect(model).not.toEqual(queryApis[api].model)
      expectQueryFollowsModel(api, model)
    })

    it('the edits touched a copy only', () => {
      editedSpec(api, ...perturbAll(api))
      expect(buildApiModel(specDocument(api))).toEqual(queryApis[api].model)
      expectQueryFollowsModel(api, queryApis[api].model)
    })
  },
)
