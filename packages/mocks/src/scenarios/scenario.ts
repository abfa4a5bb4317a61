// What a scenario is: a named, checked `Responder → Responder` wrapper for the APIs it names. Every way of using
// one (MSW, startMockServers, the CLI flag, the request header, a test's own wrap) goes through `Scenario.wrap`.

import type { ApiModel } from '@kaiten-audit/types'
import type { HttpHandler } from 'msw'
import { apiLabel, type MockApi } from '../apis.js'
import { type ApiResponder, apiResponder, isApiResponder, type Responder } from '../responders/responder.js'
import type { KaitenRuStore } from '../store/kaiten-ru.js'
import type { KaitenShStore } from '../store/kaiten-sh.js'
import { scenarioHandler } from './msw.js'

/** The store of either API. */
export type AnyStore = KaitenShStore | KaitenRuStore

/** Time as scenarios see it; inject one to run latency and rate-limit scenarios on a test's schedule. */
export interface ScenarioClock {
  /** Epoch milliseconds. */
  now(): number
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>
}

export const systemClock: ScenarioClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

/** A scenario's bad name, option or value; the message names the value and what is allowed. */
export class ScenarioError extends Error {
  override name = 'ScenarioError'
}

/** An option a scenario takes from code, the `--scenario` flag and the header alike: an integer in a range. */
export interface IntegerOption {
  min: number
  max: number
  /** Absent: the option is required. */
  default?: number
}

/** Options every scenario takes, from code and from text. */
export interface CommonScenarioOptions {
  /** How many requests get the fault before the wrapped responder answers again. Default: every request. */
  times?: number
  /** Only this API, for a scenario that applies to both. Default: every API the scenario applies to. */
  api?: MockApi
}

/** Options only code can give: they replace the clock the scenario is given when it wraps. */
export interface ClockOverrides {
  /** Epoch milliseconds, e.g. for `X-RateLimit-Reset`. */
  now?: () => number
  /** The wait of `latency`. */
  sleep?: (ms: number) => Promise<void>
}

/** How to serve a scenario as an MSW override. */
export interface ScenarioHandlerOptions {
  /**
   * The store the overridden handlers serve; a scenario that reads or changes data uses it. Default: the default
   * store of the API requested ({@link defaultStores}).
   */
  store?: AnyStore
  /** The scenario's clock, and the clock of the faithful kaiten.ru answers' rate-limit headers. */
  clock?: ScenarioClock
  /** The API models the overridden handlers follow (routes, validation). Default: the generated ones. */
  models?: { kaitenSh?: ApiModel; kaitenRu?: ApiModel }
}

/** What a scenario's wrapper gets besides the responder it wraps. */
export interface ScenarioEnvironment {
  clock: ScenarioClock
  /** Says yes while the `times` budget lasts; a wrapper asks once for each request it would distort. */
  take: () => boolean
}

/** One kind of scenario: its name, what it does, the APIs it applies to, its options and its wrapper. */
export interface ScenarioDefinition<O extends Record<string, number> = Record<string, number>> {
  /** kebab-case, as the `--scenario` flag and the `X-Mock-Scenario` header name it. */
  name: string
  summary: string
  apis: readonly MockApi[]
  options: { readonly [K in keyof O]-?: IntegerOption }
  /** The distorted responder; state kept in its closure belongs to this one wrap. */
  wrap(responder: ApiResponder, options: Readonly<O>, environment: ScenarioEnvironment): Responder
}

/** A scenario with its options checked, ready to wrap a responder of any API it applies to. */
export interface Scenario {
  readonly name: string
  /** The APIs it applies to (narrowed by the `api` option when given). */
  readonly apis: readonly MockApi[]
  /** The options as given, checked: the integers, `times` and `api`. */
  readonly options: Readonly<Record<string, number | string>>
  /**
   * Wraps one API's responder; the API is the responder's own. Each call starts a fresh state (its own `times`
   * budget). `clock` defaults to the system clock.
   */
  wrap(responder: Responder, clock?: ScenarioClock): ApiResponder
  /** An MSW override for `server.use()`: both APIs' routes under `baseUrl`, each wrapped by this scenario. */
  handler(baseUrl: string, options?: ScenarioHandlerOptions): HttpHandler
  /** `name:key=value,...`, as the `--scenario` flag and the `X-Mock-Scenario` header take it. */
  toString(): string
}

const TIMES_ALLOWED = 'an integer ≥ 0, or omitted for every request'
const MAX_TIMES = 2 ** 31 - 1
/** Enough of a value to recognise it; a header can carry kilobytes. */
const QUOTED_LENGTH = 60

export function quoteValue(value: unknown): string {
  if (typeof value === 'function') return 'a function'
  const text = typeof value === 'string' ? value : String(JSON.stringify(value))
  const cut = text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}...` : text
  return typeof value === 'string' ? JSON.stringify(cut) : cut
}

function describeInteger(option: IntegerOption): string {
  return `an integer from ${option.min} to ${option.max}`
}

/** Every option `definition` takes, with what each allows, for error messages and `--help`. */
export function describeOptions(definition: ScenarioDefinition): string {
  const own = Object.entries(definition.options).map(
    ([key, option]) =>
      `${key} (${describeInteger(option)}${option.default === undefined ? ', required' : `, default ${option.default}`})`,
  )
  const apis = definition.apis.length > 1 ? [`api (${definition.apis.join(' or ')})`] : []
  return [...own, 'times (an integer ≥ 0)', ...apis].join(', ')
}

/** An integer from code (a number) or from text (decimal digits). */
function readInteger(value: unknown, fromText: boolean): number | undefined {
  if (fromText) return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined
}

interface Checked {
  given: Record<string, number | string>
  resolved: Record<string, number>
  times: number
  apis: readonly MockApi[]
  clock: ClockOverrides
}

/** The options checked against `definition`; `fromText` when they come from the flag or the header. */
function checkOptions(
  definition: ScenarioDefinition,
  options: Readonly<Record<string, unknown>>,
  fromText: boolean,
): Checked {
  const refuse = (key: string, value: unknown, allowed: string): never => {
    throw new ScenarioError(
      `scenario ${definition.name}, ${key}: ${quoteValue(value)} is not allowed; allowed: ${allowed}`,
    )
  }
  const checked: Checked = {
    given: {},
    resolved: {},
    times: Number.POSITIVE_INFINITY,
    apis: definition.apis,
    clock: {},
  }
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue
    const option = Object.hasOwn(definition.options, key) ? definition.options[key] : undefined
    if (option) {
      const integer = readInteger(value, fromText)
      if (integer === undefined || integer < option.min || integer > option.max)
        refuse(key, value, describeInteger(option))
      checked.given[key] = integer as number
      checked.resolved[key] = integer as number
    } else if (key === 'times') {
      const times = readInteger(value, fromText)
      if (times === undefined || times < 0 || times > MAX_TIMES) refuse(key, value, TIMES_ALLOWED)
      checked.given.times = times as number
      checked.times = times as number
    } else if (key === 'api') {
      if (!definition.apis.includes(value as MockApi)) refuse(key, value, definition.apis.join(' or '))
      checked.given.api = value as MockApi
      checked.apis = [value as MockApi]
    } else if (!fromText && (key === 'now' || key === 'sleep')) {
      if (typeof value !== 'function') refuse(key, value, 'a function')
      checked.clock[key] = value as never
    } else {
      throw new ScenarioError(
        `scenario ${definition.name}: option ${quoteValue(key)} is not allowed; allowed: ${describeOptions(definition)}`,
      )
    }
  }
  for (const [key, option] of Object.entries(definition.options)) {
    if (key in checked.resolved) continue
    if (option.default === undefined)
      throw new ScenarioError(
        `scenario ${definition.name}, ${key}: missing; allowed: ${describeInteger(option)}`,
      )
    checked.resolved[key] = option.default
  }
  return checked
}

/** A counter that says yes `times` times, then no. */
function budget(times: number): () => boolean {
  let left = times
  return () => {
    if (left <= 0) return false
    left--
    return true
  }
}

/** A scenario of `definition` with `options`; `fromText` when they come from the flag or the header. */
export function createScenario(
  definition: ScenarioDefinition,
  options: Readonly<Record<string, unknown>> = {},
  fromText = false,
): Scenario {
  if (typeof options !== 'object' || options === null)
    throw new ScenarioError(
      `scenario ${definition.name}: options ${quoteValue(options)} are not allowed; allowed: an object with ${describeOptions(definition)}`,
    )
  const checked = checkOptions(definition, options, fromText)
  const scenario: Scenario = {
    name: definition.name,
    apis: checked.apis,
    options: Object.freeze({ ...checked.given }),
    wrap(responder, clock = systemClock) {
      if (!isApiResponder(responder))
        throw new ScenarioError(
          `scenario ${definition.name}: responder: a function that does not say its API is not allowed; allowed: a responder of createKaitenShResponder or createKaitenRuResponder, the faithful responder startMockServers passes to wrap, or one a scenario returned`,
        )
      if (!checked.apis.includes(responder.api))
        throw new ScenarioError(
          `scenario ${definition.name}: a ${apiLabel(responder.api)} responder is not allowed; allowed: ${checked.apis.map(apiLabel).join(' or ')}`,
        )
      const environment: ScenarioEnvironment = {
        clock: { now: checked.clock.now ?? clock.now, sleep: checked.clock.sleep ?? clock.sleep },
        take: budget(checked.times),
      }
      return apiResponder(responder, definition.wrap(responder, checked.resolved, environment))
    },
    handler(baseUrl, handlerOptions = {}) {
      return scenarioHandler(scenario, baseUrl, handlerOptions)
    },
    toString() {
      const pairs = Object.entries(checked.given).map(([key, value]) => `${key}=${value}`)
      return pairs.length === 0 ? definition.name : `${definition.name}:${pairs.join(',')}`
    },
  }
  return Object.freeze(scenario)
}

/** The options a factory takes from code: its own (required ones as declared), the common ones, clock overrides. */
export type ScenarioOptions<O, Required extends keyof O = never> = Partial<O> &
  Pick<O, Required> &
  CommonScenarioOptions &
  ClockOverrides

type Arguments<T> = Record<string, never> extends T ? [options?: T] : [options: T]

/**
 * A scenario kind as code calls it. `factory(options)` is the scenario value. `factory(baseUrl, options)` is the
 * shorthand for `factory(options).handler(baseUrl, { store })`, the MSW override earlier versions documented.
 */
export interface ScenarioFactory<O, Required extends keyof O = never> {
  (...args: Arguments<ScenarioOptions<O, Required>>): Scenario
  (baseUrl: string, ...args: Arguments<ScenarioOptions<O, Required> & { store?: AnyStore }>): HttpHandler
  readonly definition: ScenarioDefinition
}

/** The factory of `definition`'s scenarios. */
export function defineScenario<O extends Record<string, number>, Required extends keyof O = never>(
  definition: ScenarioDefinition<O>,
): ScenarioFactory<O, Required> {
  const erased = definition as unknown as ScenarioDefinition
  const factory = (first?: unknown, second?: unknown) => {
    if (typeof first !== 'string') return createScenario(erased, (first ?? {}) as Record<string, unknown>)
    const { store, ...options } = (second ?? {}) as Record<string, unknown> & { store?: AnyStore }
    return createScenario(erased, options).handler(first, store ? { store } : {})
  }
  return Object.assign(factory, { definition: erased }) as unknown as ScenarioFactory<O, Required>
}
