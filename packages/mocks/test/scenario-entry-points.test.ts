import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCliArgs, serverOptions } from '../src/cli-args.js'
import { kaitenRuHandlers } from '../src/handlers/kaiten-ru.js'
import { kaitenShHandlers } from '../src/handlers/kaiten-sh.js'
import { parseScenario } from '../src/scenarios/catalogue.js'
import { SCENARIO_HEADER } from '../src/scenarios/header.js'
import { type MockServersOptions, startMockServers } from '../src/server.js'
import { createKaitenRuStore } from '../src/store/kaiten-ru.js'
import { createKaitenShStore } from '../src/store/kaiten-sh.js'
import { MOCK_TOKENS } from '../src/tokens.js'
import {
  GatedClock,
  NOW,
  type Outcome,
  observe,
  SCENARIO_CASES,
  type ScenarioCase,
  SEED,
  SIZES,
  SLUG,
} from './support/scenario-cases.js'

// Real sockets for three of the four entry points: generous limits, because a busy machine is slow, not wrong.
const IO_TIMEOUT_MS = 60_000

const MSW_BASE = { 'kaiten-sh': 'https://table.kaiten.sh', 'kaiten-ru': 'https://table.kaiten.ru/api/latest' }

function target(row: ScenarioCase, baseUrl: string, query: string): string {
  return row.api === 'kaiten-sh'
    ? `${baseUrl}/instances/${SLUG}/audit-trails${query}`
    : `${baseUrl}/audit-logs${query}`
}

function authorization(row: ScenarioCase): Record<string, string> {
  const token = row.api === 'kaiten-sh' ? MOCK_TOKENS.kaitenSh.valid : MOCK_TOKENS.kaitenRu.valid
  return { authorization: `Bearer ${token}` }
}

async function sendAll(
  row: ScenarioCase,
  clock: GatedClock,
  baseUrl: string,
  headers: Record<string, string> = {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  for (const query of row.queries)
    outcomes.push(
      await observe(clock, () =>
        fetch(target(row, baseUrl, query), { headers: { ...authorization(row), ...headers } }),
      ),
    )
  return outcomes
}

const msw = setupServer()
const serverOutcomes = new Map<string, Outcome[]>()
const mswOutcomes = new Map<string, Outcome[]>()

/** MSW: the scenario value's `handler()` in `server.use()`, over handlers serving the row's own stores. */
async function throughMsw(row: ScenarioCase): Promise<Outcome[]> {
  const clock = new GatedClock()
  const shStore = createKaitenShStore({ seed: SEED, entries: SIZES.kaitenShEntries })
  const ruStore = createKaitenRuStore({ seed: SEED, events: SIZES.kaitenRuEvents })
  msw.resetHandlers(
    ...kaitenShHandlers({ baseUrl: MSW_BASE['kaiten-sh'], store: shStore }),
    ...kaitenRuHandlers({ baseUrl: MSW_BASE['kaiten-ru'], store: ruStore, rateLimit: false, now: clock.now }),
  )
  const store = row.api === 'kaiten-sh' ? shStore : ruStore
  msw.use(row.scenario().handler(MSW_BASE[row.api], { store, clock }))
  return sendAll(row, clock, MSW_BASE[row.api])
}

/** A standalone server for one row: `options` say how the scenario gets in; `headers` go with every request. */
async function throughServer(
  row: ScenarioCase,
  options: MockServersOptions,
  headers: Record<string, string> = {},
): Promise<Outcome[]> {
  const clock = new GatedClock()
  const servers = await startMockServers({
    seed: SEED,
    sizes: SIZES,
    rateLimit: false,
    ...options,
    now: clock.now,
    sleep: clock.sleep,
  })
  try {
    const baseUrl = row.api === 'kaiten-sh' ? servers.kaitenSh.baseUrl : servers.kaitenRu.baseUrl
    return await sendAll(row, clock, baseUrl, headers)
  } finally {
    await servers.close()
  }
}

describe('every scenario behaves the same through each entry point', { timeout: IO_TIMEOUT_MS }, () => {
  describe('MSW server.use(scenario.handler(baseUrl))', () => {
    beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }))
    afterAll(() => msw.close())
    it.each(SCENARIO_CASES.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
      const outcomes = await throughMsw(row)
      row.check(outcomes)
      mswOutcomes.set(row.title, outcomes)
    })
  })

  // An MSW override answers through a faithful responder of its own, so it counts kaiten.ru's rate-limit window
  // apart from the handlers after it; a standalone server counts every request in one window. What is left of the
  // window is therefore compared only between the standalone entry points.
  const withoutRemaining = (outcomes: Outcome[]): Outcome[] =>
    outcomes.map((outcome) =>
      'headers' in outcome
        ? { ...outcome, headers: { ...outcome.headers, 'x-ratelimit-remaining': null } }
        : outcome,
    )
  const sameAsMsw = (row: ScenarioCase, outcomes: Outcome[]) => {
    row.check(outcomes)
    const reference = mswOutcomes.get(row.title)
    // Run alone (vitest -t), the MSW row may not have run; the row's own check above still applies.
    if (reference) expect(withoutRemaining(outcomes)).toEqual(withoutRemaining(reference))
    const standalone = serverOutcomes.get(row.title)
    if (standalone) expect(outcomes).toEqual(standalone)
    else serverOutcomes.set(row.title, outcomes)
  }

  it.each(SCENARIO_CASES.map((row) => [row.title, row] as const))(
    'startMockServers({ scenarios }): %s',
    async (_title, row) => {
      sameAsMsw(row, await throughServer(row, { scenarios: [row.scenario()] }))
    },
  )

  it.each(SCENARIO_CASES.map((row) => [row.title, row] as const))(
    'pnpm mock --scenario: %s',
    async (_title, row) => {
      const cli = parseCliArgs(['--scenario', row.text, '--seed', String(SEED), '--no-rate-limit'])
      sameAsMsw(row, await throughServer(row, { ...serverOptions(cli), sizes: SIZES }))
    },
  )

  it.each(SCENARIO_CASES.map((row) => [row.title, row] as const))(
    `${SCENARIO_HEADER} header: %s`,
    async (_title, row) => {
      sameAsMsw(row, await throughServer(row, {}, { [SCENARIO_HEADER]: row.text }))
    },
  )

  it.each(SCENARIO_CASES.map((row) => [row.title, row] as const))(
    'the text form names the same scenario as the value: %s',
    (_title, row) => {
      const value = row.scenario()
      expect(String(value)).toBe(row.text)
      const parsed = parseScenario(row.text)
      expect([parsed.name, parsed.options, parsed.apis]).toEqual([value.name, value.options, value.apis])
    },
  )

  it('the clock the rows share is fixed', () => {
    expect(new GatedClock().now()).toBe(NOW)
  })
})
