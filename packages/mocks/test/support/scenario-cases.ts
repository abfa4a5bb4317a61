// Every scenario as one table: the value code builds, the text the flag and the header take, the requests sent and
// what their answers must show. Each entry point runs the same rows; their outcomes must be equal.

import { expect } from 'vitest'
import type { MockApi } from '../../src/apis.js'
import { scenarios, uuidForId } from '../../src/scenarios/index.js'
import type { Scenario } from '../../src/scenarios/scenario.js'

/** What a client sees of one answer, in a form two entry points can be compared by. */
export type Outcome =
  | { failed: string; sleptMs: number[] }
  | {
      status: number
      headers: Record<string, string | null>
      /** The body text, or `<truncated: …>` when reading it failed part-way. */
      body: string
      sleptMs: number[]
    }

export interface ScenarioCase {
  title: string
  scenario: () => Scenario
  /** The same scenario as `--scenario` / `X-Mock-Scenario` text. */
  text: string
  api: MockApi
  /** One request per query, in order. */
  queries: string[]
  check: (outcomes: Outcome[]) => void
}

/** Headers that tell the scenarios apart; the rest (date, content-length) may differ between adapters. */
export const COMPARED_HEADERS = [
  'content-type',
  'retry-after',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-mock-reason',
] as const

/** The instant every entry point's clock reports. */
export const NOW = Date.UTC(2026, 3, 1, 12, 0, 0, 250)
export const SEED = 3
export const SIZES = { kaitenShEntries: 60, kaitenRuEvents: 60 } as const
export const SLUG = 'acme-production'

const answered = (outcome: Outcome) => {
  if ('failed' in outcome) throw new Error(`expected an answer, got a failure: ${outcome.failed}`)
  return outcome
}
const statuses = (outcomes: Outcome[]) =>
  outcomes.map((outcome) => ('failed' in outcome ? 0 : outcome.status))
const items = (outcome: Outcome) => JSON.parse(answered(outcome).body) as { id: number | string }[]

export const SCENARIO_CASES: ScenarioCase[] = [
  {
    title: 'latency waits on the clock before the first answer only',
    scenario: () => scenarios.latency({ ms: 250, times: 1 }),
    text: 'latency:ms=250,times=1',
    api: 'kaiten-sh',
    queries: ['?limit=2', '?limit=2'],
    check: (outcomes) => {
      expect(statuses(outcomes)).toEqual([200, 200])
      expect(outcomes.map((outcome) => outcome.sleptMs)).toEqual([[250], []])
      expect(answered(outcomes[0]!).body).toBe(answered(outcomes[1]!).body)
    },
  },
  {
    title: 'server-errors gives kaiten.sh problem details twice, then the faithful answer',
    scenario: () => scenarios.serverErrors({ status: 503, times: 2 }),
    text: 'server-errors:status=503,times=2',
    api: 'kaiten-sh',
    queries: ['', '', ''],
    check: (outcomes) => {
      expect(statuses(outcomes)).toEqual([503, 503, 200])
      const problem = answered(outcomes[0]!)
      expect(problem.headers['content-type']).toBe('application/problem+json')
      expect(JSON.parse(problem.body)).toMatchObject({ status: 503, title: 'Service Unavailable' })
    },
  },
  {
    title: "server-errors gives kaiten.ru's bodiless error, then the faithful answer",
    scenario: () => scenarios.serverErrors({ times: 1 }),
    text: 'server-errors:times=1',
    api: 'kaiten-ru',
    queries: ['', ''],
    check: (outcomes) => {
      expect(statuses(outcomes)).toEqual([500, 200])
      expect(answered(outcomes[0]!).body).toBe('')
      expect(answered(outcomes[0]!).headers['x-mock-reason']).toMatch(/server-errors/)
    },
  },
  {
    title: 'documented-error gives a status the kaiten.sh model documents, as problem details',
    scenario: () => scenarios.documentedError({ status: 404, times: 1, api: 'kaiten-sh' }),
    text: 'documented-error:status=404,times=1,api=kaiten-sh',
    api: 'kaiten-sh',
    queries: ['', ''],
    check: (outcomes) => {
      expect(statuses(outcomes)).toEqual([404, 200])
      const problem = answered(outcomes[0]!)
      expect(problem.headers['content-type']).toBe('application/problem+json')
      expect(JSON.parse(problem.body)).toMatchObject({ status: 404, title: 'Not Found' })
    },
  },
  {
    title: 'documented-error gives kaiten.ru a bodiless documented status with its documented headers',
    scenario: () => scenarios.documentedError({ status: 403, times: 1, api: 'kaiten-ru' }),
    text: 'documented-error:status=403,times=1,api=kaiten-ru',
    api: 'kaiten-ru',
    queries: ['', ''],
    check: (outcomes) => {
      expect(statuses(outcomes)).toEqual([403, 200])
      const refused = answered(outcomes[0]!)
      expect(refused.body).toBe('')
      expect(refused.headers['x-ratelimit-remaining']).toMatch(/^\d+$/)
      expect(refused.headers['x-ratelimit-reset']).toMatch(/^\d+$/)
    },
  },
  {
    title: 'rate-limit-storm gives 429 with reset and Retry-After from the clock',
    scenario: () => scenarios.rateLimitStorm({ retryAfterSeconds: 2, times: 1 }),
    text: 'rate-limit-storm:retryAfterSeconds=2,times=1',
    api: 'kaiten-ru',
    queries: ['', ''],
    check: (outcomes) => {
      expect(statuses(outcomes)).toEqual([429, 200])
      expect(answered(outcomes[0]!).headers).toMatchObject({
        'retry-after': '2',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(NOW / 1000) + 2),
      })
    },
  },
  {
    title: 'network-error fails the request without an answer, then the API answers',
    scenario: () => scenarios.networkError({ times: 1 }),
    text: 'network-error:times=1',
    api: 'kaiten-ru',
    queries: ['', ''],
    check: (outcomes) => {
      expect(outcomes[0]).toEqual({ failed: 'TypeError', sleptMs: [] })
      expect(statuses(outcomes)).toEqual([0, 200])
    },
  },
  {
    title: 'malformed-json sends a JSON content type with a body that does not parse',
    scenario: () => scenarios.malformedJson({ times: 1 }),
    text: 'malformed-json:times=1',
    api: 'kaiten-sh',
    queries: ['', ''],
    check: (outcomes) => {
      const [broken, fine] = outcomes.map(answered)
      expect(broken!.headers['content-type']).toBe('application/json')
      expect(() => JSON.parse(broken!.body)).toThrow(SyntaxError)
      expect(() => JSON.parse(fine!.body)).not.toThrow()
    },
  },
  {
    title: 'truncated-body sends the faithful status and headers, then the body fails part-way',
    scenario: () => scenarios.truncatedBody({ times: 1 }),
    text: 'truncated-body:times=1',
    api: 'kaiten-ru',
    queries: ['?limit=5', '?limit=5'],
    check: (outcomes) => {
      expect(statuses(outcomes)).toEqual([200, 200])
      expect(answered(outcomes[0]!).body).toMatch(/^<truncated: TypeError>$/)
      expect(answered(outcomes[0]!).headers['x-ratelimit-remaining']).not.toBeNull()
      expect(items(outcomes[1]!)).toHaveLength(5)
    },
  },
  {
    title: 'html-error-page answers every request like a proxy whose upstream is down',
    scenario: () => scenarios.htmlErrorPage({ status: 504 }),
    text: 'html-error-page:status=504',
    api: 'kaiten-sh',
    queries: ['', ''],
    check: (outcomes) => {
      expect(statuses(outcomes)).toEqual([504, 504])
      expect(answered(outcomes[1]!).headers['content-type']).toBe('text/html')
      expect(answered(outcomes[1]!).body).toContain('<title>504 Gateway Time-out</title>')
    },
  },
  {
    title: 'insert-during-paging shifts the second page by the items it inserts',
    scenario: () => scenarios.insertDuringPaging({ count: 2 }),
    text: 'insert-during-paging:count=2',
    api: 'kaiten-ru',
    queries: ['?limit=4', '?limit=4&offset=4'],
    check: (outcomes) => {
      const [first, second] = outcomes.map(items)
      expect(second!.map((item) => item.id).slice(0, 2)).toEqual(first!.map((item) => item.id).slice(2, 4))
    },
  },
  {
    title: 'cursor-envelope pages kaiten.sh with {items, hasMore, nextCursor}',
    scenario: () => scenarios.cursorEnvelope(),
    text: 'cursor-envelope',
    api: 'kaiten-sh',
    // The cursor of offset 3, as nextCursor spells it.
    queries: ['?limit=3', '?limit=3&cursor=eyJvZmZzZXQiOjN9', '?cursor=nonsense'],
    check: (outcomes) => {
      const [first, second, bad] = outcomes.map(answered)
      const page = JSON.parse(first!.body) as {
        items: { id: string }[]
        hasMore: boolean
        nextCursor: string
      }
      expect(page.hasMore).toBe(true)
      expect(page.nextCursor).toBe('eyJvZmZzZXQiOjN9')
      expect(page.items.map((item) => item.id)).toEqual([
        expect.stringMatching(/^00000000-0000-4000-8000-/),
        expect.any(String),
        expect.any(String),
      ])
      expect((JSON.parse(second!.body) as { items: unknown[] }).items).toHaveLength(3)
      expect(bad!.status).toBe(422)
      expect(uuidForId(1)).toBe('00000000-0000-4000-8000-000000000001')
    },
  },
]

/** Sleeps that wait until the test lets them go, so a latency is checked as an order of events, never by timing. */
export class GatedClock {
  readonly now = () => NOW
  private slept: number[] = []
  private waiting: (() => void)[] = []
  private onSleep: (() => void) | undefined

  readonly sleep = (ms: number): Promise<void> => {
    this.slept.push(ms)
    this.onSleep?.()
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  /** Resolves when the next sleep starts. */
  nextSleep(): Promise<void> {
    return new Promise((resolve) => {
      this.onSleep = resolve
    })
  }

  release(): void {
    for (const resolve of this.waiting.splice(0)) resolve()
  }

  /** The sleeps since the last call. */
  takeSlept(): number[] {
    return this.slept.splice(0)
  }
}

/**
 * Sends one request and records what the client sees. When a sleep starts first, the answer must still be
 * outstanding (the responder is blocked on the gate), and only the release lets it through.
 */
export async function observe(clock: GatedClock, send: () => Promise<Response>): Promise<Outcome> {
  let settled = false
  const sleeping = clock.nextSleep().then(() => 'slept' as const)
  const pending = send().then(
    (response) => {
      settled = true
      return response
    },
    (error: unknown) => {
      settled = true
      throw error
    },
  )
  const first = await Promise.race([
    pending.then(
      () => 'answered' as const,
      () => 'answered' as const,
    ),
    sleeping,
  ])
  if (first === 'slept') {
    expect(settled).toBe(false)
    clock.release()
  }
  let response: Response
  try {
    response = await pending
  } catch (error) {
    return { failed: (error as Error).name, sleptMs: clock.takeSlept() }
  }
  const headers = Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)]))
  let body: string
  try {
    body = await response.text()
  } catch (error) {
    body = `<truncated: ${(error as Error).name}>`
  }
  return { status: response.status, headers, body, sleptMs: clock.takeSlept() }
}
