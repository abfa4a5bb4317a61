/**
 * fast-check parameters with the seed printed, so any run, passing or failing, can be replayed exactly:
 * `FC_SEED=<seed> pnpm --filter @kaiten-audit/client exec vitest run <file>`. Without `FC_SEED` each run draws a new
 * seed, which keeps widening what the properties have tried.
 */
export function propertyParameters(name: string, numRuns: number): { seed: number; numRuns: number } {
  const text = process.env.FC_SEED
  const seed = text === undefined || text === '' ? Math.floor(Math.random() * 2 ** 31) : Number(text)
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`FC_SEED: ${JSON.stringify(text)} is not allowed; allowed: an integer, e.g. FC_SEED=42`)
  }
  console.info(`${name}: fast-check seed ${seed}, ${numRuns} runs (replay with FC_SEED=${seed})`)
  return { seed, numRuns }
}
