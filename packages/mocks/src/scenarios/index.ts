// Scenarios by their code names. Each `scenarios.x(options)` is a scenario value for `.wrap()`, `.handler()`,
// `startMockServers({ scenarios })`; `scenarios.x(baseUrl, options)` is the MSW override in one call.

import { uuidForId } from './drift.js'
import type { AnyStore, CommonScenarioOptions } from './scenario.js'

export { parseScenario, SCENARIO_NAMES } from './catalogue.js'
export { SCENARIO_HEADER } from './header.js'
export type {
  AnyStore,
  ClockOverrides,
  CommonScenarioOptions,
  Scenario,
  ScenarioClock,
  ScenarioFactory,
  ScenarioHandlerOptions,
} from './scenario.js'
export { ScenarioError } from './scenario.js'
export { scenarios } from './scenario-list.js'
export { uuidForId }

/** How long a scenario lasts (kept for code written against earlier versions). */
export type FaultOptions = Pick<CommonScenarioOptions, 'times'>

/** Options of `scenarios.insertDuringPaging(baseUrl, options)`. */
export interface InsertOptions extends FaultOptions {
  store?: AnyStore
  count?: number
}
