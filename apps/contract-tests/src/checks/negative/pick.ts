// Which negative cases a run sends: all of them, or one per parameter drawn with the run's seed, so a paced API's
// budget holds and successive runs rotate through every case (a failing run is replayed with its seed).
import { seededRandom } from '../../random.js'
import type { NegativeCase } from './cases.js'

export function pickCases(
  cases: readonly NegativeCase[],
  { all, seed }: { all: boolean; seed: number },
): NegativeCase[] {
  if (all) return [...cases]
  const random = seededRandom(seed)
  const byParameter = new Map<string, NegativeCase[]>()
  for (const item of cases)
    byParameter.set(item.parameter, [...(byParameter.get(item.parameter) ?? []), item])
  return [...byParameter.values()].map((group) => group[Math.floor(random() * group.length)] as NegativeCase)
}
