import { describe, expect, it } from 'vitest'
import { checkSeed, createRandom, deriveSeed } from '../src/random.js'

describe('createRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed)
      return Array.from({ length: 20 }, () => random.next())
    }
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
  })

  it('keeps numbers in range and integers inclusive at both ends', () => {
    const random = createRandom(7)
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const value = random.next()
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThan(1)
      seen.add(random.int(1, 3))
    }
    expect([...seen].sort()).toEqual([1, 2, 3])
  })

  it('makes UUID-shaped ids and shuffles without losing items', () => {
    const random = createRandom(1)
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const items = Array.from({ length: 50 }, (_, i) => i)
    const shuffled = random.shuffle(items)
    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items)
  })

  it('derives different seeds per data set and rejects seeds outside 32 bits', () => {
    expect(deriveSeed(1, 'kaiten-sh')).not.toBe(deriveSeed(1, 'kaiten-ru'))
    expect(deriveSeed(1, 'kaiten-sh')).toBe(deriveSeed(1, 'kaiten-sh'))
    expect(() => checkSeed(-1)).toThrow(/seed: -1 is not allowed; allowed: an integer from 0 to 4294967295/)
    expect(() => checkSeed(1.5)).toThrow(/seed: 1.5/)
  })
})
