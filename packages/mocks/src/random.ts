// Seeded pseudo-random numbers, so the same seed gives the same data on every machine and Node version.

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  chance(probability: number): boolean
  /** A version-4-shaped UUID built from this generator (not crypto-random, by design). */
  uuid(): string
  shuffle<T>(items: readonly T[]): T[]
}

/** mulberry32: a tiny 32-bit generator with good statistical quality for test data; pure integer arithmetic. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick: cannot pick from an empty list')
    return items[int(0, items.length - 1)] as T
  }
  const hex = (digits: number): string => {
    let out = ''
    for (let i = 0; i < digits; i++) out += int(0, 15).toString(16)
    return out
  }
  return {
    next,
    int,
    pick,
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [item, weight] of items) {
        roll -= weight
        if (roll < 0) return item
      }
      const last = items.at(-1)
      if (!last) throw new Error('weighted: cannot pick from an empty list')
      return last[0]
    },
    chance: (probability) => next() < probability,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`,
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i)
        ;[out[i], out[j]] = [out[j] as T, out[i] as T]
      }
      return out
    },
  }
}

/** Seeds are 32-bit unsigned integers (mulberry32's state). */
export function checkSeed(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff) return value
  throw new Error(`seed: ${JSON.stringify(value)} is not allowed; allowed: an integer from 0 to 4294967295`)
}

/** A seed of its own for each data set (FNV-1a over the name), so two stores built from one seed do not share values. */
export function deriveSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ seed
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
