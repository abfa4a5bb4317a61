// Which negative cases a run sends: all of them, or a few parameters drawn with the run's seed, one case each, so a
// paced API's budget holds and successive runs rotate through every case (a failing run is replayed with its seed).
import { seededRandom } from '../../random.js'
import type { NegativeCase } from './cases.js'

export interface PickOptions {
  all: boolean
  seed: number
  /** How many parameters get a case when not all are sent; default every parameter. */
  parameters?: number
}

export function pickCases(
  cases: readonly NegativeCase[],
  { all, seed, parameters }: PickOptions,
): NegativeCase[] {
  if (all) return [...cases]
  const random = seededRandom(seed)
  const byParameter = new Map<string, NegativeCase[]>()
  for (const item of cases)
    byParameter.set(item.parameter, [...(byParameter.get(item.parameter) ?? []), item])
  const groups = [...byParameter.values()]
  const drawn = groups.map((group) => ({ group, key: random() }))
  const kept = new Set(
    [...drawn]
      .sort((a, b) => a.key - b.key)
      .slice(0, parameters ?? groups.length)
      .map(({ group }) => group),
  )
  // In the spec's order, so a report reads like the parameter list.
  return groups
    .filter((group) => kept.has(group))
    .map((group) => group[Math.floor(random() * group.length)] as NegativeCase)
}
