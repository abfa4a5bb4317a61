// Runs the checks of each configured API and assembles a report with every token redacted.
import {
  CheckContext,
  type CheckDefinition,
  CheckSkipped,
  CheckStopped,
  SharedState,
} from './checks/context.js'
import { kaitenRuChecks, kaitenShChecks } from './checks/index.js'
import type { KaitenRuTarget, KaitenShTarget, Target } from './checks/targets.js'
import { DEFAULT_MAX_REQUESTS, RequestBudget } from './http/budget.js'
import { type Clock, systemClock } from './http/clock.js'
import type { Exchange } from './http/exchange.js'
import { createPacer, type Pacer } from './http/pacer.js'
import { Recorder } from './http/recorder.js'
import { type ApiName, type ApiRunSummary, apiLabels, type CheckResult, type RunReport } from './model.js'
import { newSeed } from './random.js'
import { createRedactor, redactDeep } from './redact.js'
import { type ContractModels, modelFor, OperationSpec } from './spec/operation.js'

export interface RunOptions {
  target: 'mocks' | 'live'
  kaitenSh?: KaitenShTarget
  kaitenRu?: KaitenRuTarget
  /** APIs left out of this run, and why (e.g. "KAITEN_RU_* not set"). */
  skipped?: { api: ApiName; reason: string }[]
  /**
   * The API models the checks take every spec fact from (statuses, media types, headers, parameters, the limit clamp,
   * the rate limit, paths). Default: the models generated from `specs/`.
   */
  models?: ContractModels
  /** Requests this run may send, over both APIs. Default 300. */
  maxRequests?: number
  /** Pace every API at the rate limit its model documents (kaiten.ru: 5 requests per second). Default true. */
  pacing?: boolean
  /** Burst past kaiten.ru's rate limit to check its 429. Default true. */
  rateLimitChecks?: boolean
  /** Draws the negative cases a paced API rotates through. Default: a fresh seed, reported so the run replays. */
  seed?: number
  /** `all`: every negative case, also where requests are paced. Default `sample`: one per parameter there. */
  negativeCases?: 'sample' | 'all'
  /** Only run checks whose id this accepts (passive checks always run, over what the others recorded). */
  only?: (checkId: string) => boolean
  timeoutMs?: number
  /** The run's time: pacing, waits for X-RateLimit-Reset, rate-limit checks. Default: the system clock. */
  clock?: Clock
  signal?: AbortSignal
  fetch?: typeof fetch
  /** Called as each check starts. */
  onCheckStart?: (check: { id: string; api: ApiName }) => void
  /** Called as each check finishes, already redacted. */
  onResult?: (result: CheckResult) => void
  /** Called as each request is sent, with the budget spent so far. */
  onRequest?: (used: number, max: number) => void
  /** Called with each exchange as it is recorded (not redacted: the caller redacts what it writes). */
  onExchange?: (exchange: Exchange) => void
}

export async function runContract(options: RunOptions): Promise<RunReport> {
  const started = Date.now()
  const redact = createRedactor(
    [options.kaitenSh, options.kaitenRu].flatMap((target) =>
      target ? [target.validToken, target.forbiddenToken] : [],
    ),
  )
  const budget = new RequestBudget(options.maxRequests ?? DEFAULT_MAX_REQUESTS)
  const clock = options.clock ?? systemClock
  const specs: Record<ApiName, OperationSpec> = {
    'kaiten-sh': OperationSpec.of('kaiten-sh', modelFor('kaiten-sh', options.models)),
    'kaiten-ru': OperationSpec.of('kaiten-ru', modelFor('kaiten-ru', options.models)),
  }
  const pacers: Partial<Record<ApiName, Pacer>> = {}
  if (options.pacing !== false) {
    for (const spec of Object.values(specs)) {
      const limit = spec.rateLimit
      if (limit) pacers[spec.api] = createPacer(limit, clock)
    }
  }
  const recorder = new Recorder({
    budget,
    clock,
    pacers,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  })
  const seed = options.seed ?? newSeed()
  const checkOptions = {
    rateLimitChecks: options.rateLimitChecks ?? true,
    seed,
    allNegativeCases: options.negativeCases === 'all',
  }
  const report = (result: CheckResult): CheckResult => {
    const redacted = redactDeep(result, redact)
    options.onResult?.(redacted)
    return redacted
  }

  const spent: Partial<Record<ApiName, { requests: number; durationMs: number }>> = {}
  const runApi = async <T extends Target>(target: T | undefined, checks: readonly CheckDefinition<T>[]) => {
    if (!target) return []
    const apiStarted = performance.now()
    const shared = new SharedState()
    const results: CheckResult[] = []
    const selected = runOrder(checks, options.only)
    for (const [index, check] of selected.entries()) {
      options.onCheckStart?.({ id: check.id, api: check.api })
      const context = new CheckContext(
        check.id,
        target,
        checkOptions,
        shared,
        recorder,
        clock,
        specs[target.api],
      )
      const result = await runCheck(check, context)
      const unusable = recorder.unusable(target.api)
      if (unusable) {
        // One line for the API: what every further check would have said, said once.
        results.push(report(stoppedBy(result, unusable.message, selected.length - index - 1)))
        break
      }
      results.push(report(result))
    }
    spent[target.api] = {
      requests: results.reduce((sum, result) => sum + result.requests, 0),
      durationMs: Math.round(performance.now() - apiStarted),
    }
    return results
  }

  // The two APIs are independent servers: verify them side by side.
  const [sh, ru] = await Promise.all([
    runApi(options.kaitenSh, kaitenShChecks),
    runApi(options.kaitenRu, kaitenRuChecks),
  ])
  const apis: ApiRunSummary[] = (['kaiten-sh', 'kaiten-ru'] as const).map((api) => {
    const target = api === 'kaiten-sh' ? options.kaitenSh : options.kaitenRu
    if (target) return { api, baseUrl: safeUrl(target.baseUrl), verified: true, ...spent[api] }
    const reason = options.skipped?.find((skip) => skip.api === api)?.reason ?? 'not configured'
    return { api, verified: false, skippedBecause: reason }
  })
  return redactDeep(
    {
      target: options.target,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      apis,
      checks: [...sh, ...ru],
      requestsUsed: budget.used,
      requestBudget: budget.max,
      seed,
    },
    redact,
  )
}

/**
 * The checks a run executes, in order: the selected checks that send, as declared, then every passive check, which
 * judges what they recorded (wherever the catalogue declares it).
 */
export function runOrder<C extends { id: string; passive?: boolean }>(
  checks: readonly C[],
  only: ((checkId: string) => boolean) | undefined,
): C[] {
  const active = checks.filter((check) => !check.passive && (!only || only(check.id)))
  return [...active, ...checks.filter((check) => check.passive)]
}

async function runCheck<T extends Target>(
  check: CheckDefinition<T>,
  context: CheckContext<T>,
): Promise<CheckResult> {
  const started = performance.now()
  const base = { id: check.id, api: check.api, group: check.group, title: check.title, rules: check.rules }
  let outcome: CheckResult['outcome'] | undefined
  let reason: string | undefined
  try {
    await check.run(context)
  } catch (error) {
    if (error instanceof CheckSkipped) {
      outcome = 'skipped'
      reason = error.reason
    } else if (error instanceof CheckStopped) {
      context.findings.push(error.finding)
    } else {
      outcome = 'errored'
      reason = error instanceof Error ? error.message : String(error)
    }
  }
  outcome ??= context.findings.length > 0 ? 'failed' : 'passed'
  return {
    ...base,
    outcome,
    findings: context.findings,
    notes: context.notes,
    ...(reason !== undefined ? { reason } : {}),
    requests: context.requests,
    durationMs: Math.round(performance.now() - started),
  }
}

function stoppedBy(result: CheckResult, why: string, notRun: number): CheckResult {
  const rest = notRun > 0 ? `; the other ${notRun} ${apiLabels[result.api]} checks did not run` : ''
  return { ...result, outcome: 'errored', findings: [], reason: `${why}${rest}` }
}

/** A base URL as printed: no user info, no query (where a token could hide). */
function safeUrl(text: string): string {
  try {
    const url = new URL(text)
    url.username = ''
    url.password = ''
    url.search = ''
    return url.toString().replace(/\/$/, '')
  } catch {
    return text
  }
}
