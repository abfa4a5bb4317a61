// @kaiten-audit/mocks: stateful, deterministic fakes of the kaiten.sh and kaiten.ru audit APIs.
// This entry imports nothing Node-only, so it also runs in browsers; the standalone server is `./server`.

export type { MockApi } from './apis.js'
export { DEFAULT_BASE_URLS } from './base-url.js'
export { handlers } from './handlers/index.js'
export { type KaitenRuHandlersOptions, kaitenRuHandlers } from './handlers/kaiten-ru.js'
export { type KaitenShHandlersOptions, kaitenShHandlers } from './handlers/kaiten-sh.js'
export {
  createKaitenRuResponder,
  type KaitenRuResponderOptions,
  REASON_HEADER,
} from './responders/kaiten-ru.js'
export { createKaitenShResponder, type KaitenShResponderOptions } from './responders/kaiten-sh.js'
export type {
  ApiResponder,
  KaitenRuResponder,
  KaitenShResponder,
  Responder,
} from './responders/responder.js'
export type { RateLimitOptions } from './responders/window-counter.js'
export {
  type FaultOptions,
  type InsertOptions,
  parseScenario,
  SCENARIO_HEADER,
  SCENARIO_NAMES,
  type Scenario,
  type ScenarioClock,
  ScenarioError,
  type ScenarioFactory,
  type ScenarioHandlerOptions,
  scenarios,
  uuidForId,
} from './scenarios/index.js'
export { defaultStores } from './store/defaults.js'
export { createKaitenRuStore, type KaitenRuStore, type KaitenRuStoreOptions } from './store/kaiten-ru.js'
export {
  createKaitenShStore,
  type KaitenShInstance,
  type KaitenShStore,
  type KaitenShStoreOptions,
} from './store/kaiten-sh.js'
export { MOCK_TOKENS } from './tokens.js'
export { kaitenRuHttp, kaitenShHttp } from './typed-http.js'
