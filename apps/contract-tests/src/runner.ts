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
import { createKaitenRuPacer } from './http/pacer.js'
import { Recorder } from './http/recorder.js'
import type { ApiName, ApiRunSummary, CheckResult, RunReport } from './model.js'
import { createRedactor, redactDeep } from './redact.js'

export interface RunOptions {
  target: 'mocks' | 'live'
  kaitenSh?: KaitenShTarget
  kaitenRu?: KaitenRuTarget
  /** APIs left out of this run, and why (e.g. "KAITEN_RU_* not set"). */
  skipped?: { api: ApiName; reason: string }[]
  /** Requests this run may send, over both APIs. Default 300. */
  maxRequests?: number
  /** Pace kaiten.ru at its documented 5 requests per second. Default true. */
  pacing?: boolean
  /** Burst past kaiten.ru's rate limit to check its 429. Default true. */
  rateLimitChecks?: boolean
  /** Only run checks whose id this accepts (schema and drift always run, over what the others recorded). */
  only?: (checkId: string) => boolean
  timeoutMs?: number
  signal?: AbortSignal
  fetch?: typeof fetch
  /** Called as each check finishes, already redacted. */
  onResult?: (result: CheckResult) => void
}

export async function runContract(options: RunOptions): Promise<RunReport> {
  const started = Date.now()
  const redact = createRedactor(
    [options.kaitenSh, options.kaitenRu].flatMap((target) =>
      target ? [target.validToken, target.forbiddenToken] : [],
    ),
  )
  const budget = new RequestBudget(options.maxRequests ?? DEFAULT_MAX_REQUESTS)
  const recorder = new Recorder({
    budget,
    pacers: options.pacing === false ? {} : { 'kaiten-ru': createKaitenRuPacer() },
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  const checkOptions = { rateLimitChecks: options.rateLimitChecks ?? true }
  const report = (result: CheckResult): CheckResult => {
    const redacted = redactDeep(result, redact)
    options.onResult?.(redacted)
    return redacted
  }

  const runApi = async <T extends Target>(target: T | undefined, checks: readonly CheckDefinition<T>[]) => {
    if (!target) return []
    const shared = new SharedState()
    const results: CheckResult[] = []
    for (const check of checks) {
      const always = check.group === 'schema' || check.group === 'drift'
      if (!always && options.only && !options.only(check.id)) continue
      const context = new CheckContext(check.id, target, checkOptions, shared, recorder)
      results.push(report(await runCheck(check, context)))
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
    if (target) return { api, baseUrl: safeUrl(target.baseUrl), verified: true }
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
    },
    redact,
  )
}

async function runCheck<T extends Target>(
  check: CheckDefinition<T>,
  context: CheckContext<T>,
): Promise<CheckResult> {
  const started = performance.now()
  const base = { id: check.id, api: check.api, group: check.group, title: check.title }
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
