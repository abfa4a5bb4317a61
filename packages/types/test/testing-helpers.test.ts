import { afterEach, describe, expect, it, vi } from 'vitest'
import { kaitenRuModel, kaitenShModel } from '../src/index.js'
import { editedSpec, leakedPieces, perturbAll, propertySeed } from '../src/testing.js'

describe('perturbAll', () => {
  it.each([
    ['kaiten-sh', kaitenShModel],
    ['kaiten-ru', kaitenRuModel],
  ] as const)('moves every bound of %s and adds a query parameter', (api, generated) => {
    const [operationId, before] = Object.entries(generated.operations)[0] ?? []
    const { model } = editedSpec(api, ...perturbAll(api))
    const after = operationId === undefined ? undefined : model.operations[operationId]
    expect(after?.parameters.map((parameter) => parameter.name)).toContain('added_count')
    for (const parameter of before?.parameters ?? []) {
      const moved = after?.parameters.find((candidate) => candidate.name === parameter.name)
      if (parameter.schema.maximum !== undefined)
        expect(moved?.schema.maximum).toBe(parameter.schema.maximum + 7)
      if (parameter.schema.minimum !== undefined)
        expect(moved?.schema.minimum).toBe(parameter.schema.minimum + 2)
    }
    expect(after?.invalidParameterStatus).toEqual(before?.invalidParameterStatus)
  })

  it('moves the invalid-parameter statuses only when asked', () => {
    const { model } = editedSpec('kaiten-ru', ...perturbAll('kaiten-ru', { invalidParameterStatuses: true }))
    const operation = Object.values(model.operations)[0]
    expect(operation?.invalidParameterStatus).toEqual({ default: 409, 'date-time': 418 })
  })
})

describe('propertySeed', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('replays FC_SEED and prints it', () => {
    vi.stubEnv('FC_SEED', '42')
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    expect(propertySeed('a property')).toBe(42)
    expect(info).toHaveBeenCalledWith('a property: fast-check seed 42 (replay with FC_SEED=42)')
    info.mockRestore()
  })

  it('names FC_SEED and what is allowed when it is not an integer', () => {
    vi.stubEnv('FC_SEED', 'soon')
    expect(() => propertySeed('a property')).toThrow(
      'FC_SEED: "soon" is not allowed; allowed: an integer, e.g. FC_SEED=42',
    )
  })
})

describe('leakedPieces', () => {
  it('finds a token percent-encoded inside a JSON escape, and nothing in clean text', () => {
    const token = 'secret/token+value'
    expect(leakedPieces('{"echo":"secret%2Ftoken\\u002bvalue"}', [token])).not.toEqual([])
    expect(leakedPieces('{"echo":"nothing here"}', [token])).toEqual([])
  })
})
