export declare const CLI: string
export declare function seeded(seed: number): () => number
export interface CrashOutcome {
  seed: number
  events: number
  inserted: number
  kills: number
  written: number
  duplicated: number
  lost: number
  unexpected: number
  partialLines: number
}
export declare function crashRun(options: {
  events: number
  kills: number
  seed: number
  pageSize: number
  rateLimit?: boolean
  timeoutMs?: number
  log?: (line: string) => void
}): Promise<CrashOutcome>
