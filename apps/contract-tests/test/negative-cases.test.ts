// Negative cases come from the spec: each parameter's type, format, bounds, enum and style, each with the status and
// shape the spec documents. A paced API gets one case per parameter, rotated by a seed a run prints.
import { addParameter, editedSpec } from '@kaiten-audit/types/testing'
import { describe, expect, it } from 'vitest'
import { negativeCases } from '../src/checks/negative/cases.js'
import { pickCases } from '../src/checks/negative/pick.js'
import { OperationSpec } from '../src/spec/operation.js'

const summary = (api: 'kaiten-sh' | 'kaiten-ru') =>
  negativeCases(OperationSpec.of(api)).map(
    ({ parameter, value, status, mediaType }) =>
      `${parameter}=${value} → ${status} ${mediaType ?? 'no body'}`,
  )

describe('negative cases from the spec', () => {
  it('kaiten.sh: integer type, bounds and int32 range give 422, a malformed date-time 400, both problem details', () => {
    expect(summary('kaiten-sh')).toEqual([
      'after=yesterday → 400 application/problem+json',
      'after=2026-02-30T00:00:00Z → 400 application/problem+json',
      'after=2026-04-01T25:00:00Z → 400 application/problem+json',
      'before=yesterday → 400 application/problem+json',
      'before=2026-02-30T00:00:00Z → 400 application/problem+json',
      'before=2026-04-01T25:00:00Z → 400 application/problem+json',
      'limit=abc → 422 application/problem+json',
      'limit=1.5 → 422 application/problem+json',
      'limit=1e2 → 422 application/problem+json',
      'limit=0 → 422 application/problem+json',
      'limit=201 → 422 application/problem+json',
      'limit=2147483648 → 422 application/problem+json',
      'offset=abc → 422 application/problem+json',
      'offset=1.5 → 422 application/problem+json',
      'offset=1e2 → 422 application/problem+json',
      'offset=-1 → 422 application/problem+json',
      'offset=2147483648 → 422 application/problem+json',
    ])
  })

  it('kaiten.ru: every case is a 400 without a body; the clamped limit has no maximum to break', () => {
    const cases = summary('kaiten-ru')
    expect(cases.every((text) => text.endsWith('→ 400 no body'))).toBe(true)
    expect(cases).toContain('categories=APP → 400 no body')
    expect(cases).toContain('categories=app auth → 400 no body')
    expect(cases).toContain('actions=start,contract_probe_unknown → 400 no body')
    expect(cases).toContain('id=not-a-uuid → 400 no body')
    expect(cases).toContain('limit=-1 → 400 no body')
    expect(cases).toContain('offset=-1 → 400 no body')
    expect(cases.some((text) => text.startsWith('limit=501'))).toBe(false)
    expect(cases.some((text) => text.startsWith('author_uid='))).toBe(false)
  })
})

describe('negative cases from an edited spec', () => {
  it('a string enum parameter gets an unknown value and a documented one in another case', () => {
    const mode = { name: 'mode', in: 'query', schema: { type: 'string', enum: ['fast', 'FULL'] } }
    const { model } = editedSpec('kaiten-sh', addParameter('getAuditTrails', mode))
    const cases = negativeCases(OperationSpec.of('kaiten-sh', model))
      .filter((item) => item.parameter === 'mode')
      .map(({ value, breaks, status }) => `${value} ${breaks} ${status}`)
    expect(cases).toEqual(['contract_probe_unknown enum 422', 'FAST enum-case 422'])
  })
})

describe('pickCases', () => {
  const cases = negativeCases(OperationSpec.of('kaiten-ru'))
  const parameters = [...new Set(cases.map((item) => item.parameter))]

  it('takes one case per parameter, the same for the same seed', () => {
    const picked = pickCases(cases, { all: false, seed: 42 })
    expect(picked.map((item) => item.parameter)).toEqual(parameters)
    expect(pickCases(cases, { all: false, seed: 42 })).toEqual(picked)
  })

  it('takes as many parameters as asked, each once, in the spec order, the same for the same seed', () => {
    const picked = pickCases(cases, { all: false, seed: 42, parameters: 3 })
    const names = picked.map((item) => item.parameter)
    expect(names).toHaveLength(3)
    expect(names).toEqual(parameters.filter((name) => names.includes(name)))
    expect(pickCases(cases, { all: false, seed: 42, parameters: 3 })).toEqual(picked)
    const others = new Set<string>()
    for (let seed = 1; seed <= 20; seed++)
      for (const item of pickCases(cases, { all: false, seed, parameters: 3 })) others.add(item.parameter)
    expect([...others].sort()).toEqual([...parameters].sort())
  })

  it('rotates: over a few seeds every case is sent', () => {
    const sent = new Set<string>()
    for (let seed = 1; seed <= 200; seed++) {
      for (const item of pickCases(cases, { all: false, seed, parameters: 4 }))
        sent.add(`${item.parameter}=${item.value}`)
    }
    expect(sent.size).toBe(cases.length)
  })

  it('takes every case when asked to', () => {
    expect(pickCases(cases, { all: true, seed: 1 })).toEqual(cases)
  })
})
