// One seed per property run, printed, so a failure seen once (on CI, on a busy machine) can be replayed exactly with
// `FC_SEED=<seed>`. Without `FC_SEED` each run draws a new seed, which keeps widening what the properties have tried.

/** Read through `globalThis`: this entry is built without Node's types, and a browser has no `process`. */
function seedVariable(): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FC_SEED
}

/** `FC_SEED` when set (to replay a failure), otherwise a fresh seed; either way it is printed with `property`. */
export function propertySeed(property: string): number {
  const text = seedVariable()
  const seed = text === undefined || text === '' ? Math.floor(Math.random() * 2 ** 31) : Number(text)
  if (!Number.isSafeInteger(seed))
    throw new Error(`FC_SEED: ${JSON.stringify(text)} is not allowed; allowed: an integer, e.g. FC_SEED=42`)
  console.info(`${property}: fast-check seed ${seed} (replay with FC_SEED=${seed})`)
  return seed
}

/** fast-check parameters for `numRuns` runs with the seed of {@link propertySeed}. */
export function propertyParameters(property: string, numRuns: number): { seed: number; numRuns: number } {
  return { seed: propertySeed(`${property} (${numRuns} runs)`), numRuns }
}
