// One seed per property run, printed, so a failure seen once (on CI, on a busy machine) can be replayed exactly.

/** `FC_SEED` when set (to replay a failure), otherwise a fresh seed; either way it is printed. */
export function propertySeed(property: string): number {
  const text = process.env.FC_SEED
  let seed: number
  if (text === undefined || text === '') {
    seed = Math.floor(Math.random() * 2 ** 31)
  } else {
    seed = Number(text)
    if (!Number.isSafeInteger(seed))
      throw new Error(`FC_SEED: ${JSON.stringify(text)} is not allowed; allowed: an integer, e.g. FC_SEED=42`)
  }
  console.info(`${property}: fast-check seed ${seed} (replay with FC_SEED=${seed})`)
  return seed
}
