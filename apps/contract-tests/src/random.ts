// A small seeded generator (mulberry32), so a run that rotates its cases can be replayed from the seed it prints.

export type Random = () => number

export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A fresh seed for a run that was given none: 31 bits, printable and typeable. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31)
}
