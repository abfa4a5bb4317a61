// Every scenario by name, and the text form the `--scenario` flag and the `X-Mock-Scenario` header share:
// `name` or `name:key=value,key=value`.

import {
  createScenario,
  describeOptions,
  quoteValue,
  type Scenario,
  type ScenarioDefinition,
  ScenarioError,
} from './scenario.js'
import { scenarios } from './scenario-list.js'

/** Every scenario kind, in the order of the list (and of help texts). */
export const SCENARIO_DEFINITIONS: readonly ScenarioDefinition[] = Object.values(scenarios).map(
  (factory) => factory.definition,
)

/** The names the flag and the header accept. */
export const SCENARIO_NAMES: readonly string[] = SCENARIO_DEFINITIONS.map((definition) => definition.name)

const byName = new Map(SCENARIO_DEFINITIONS.map((definition) => [definition.name, definition]))

/** The definition named `name`; a ScenarioError listing every name otherwise. */
export function scenarioDefinition(name: string): ScenarioDefinition {
  const definition = byName.get(name)
  if (!definition)
    throw new ScenarioError(
      `scenario ${quoteValue(name)} is not allowed; allowed: ${SCENARIO_NAMES.join(', ')}`,
    )
  return definition
}

/** `server-errors:status=503,times=2` as a scenario; a ScenarioError naming the bad part and what is allowed. */
export function parseScenario(text: string): Scenario {
  const trimmed = text.trim()
  const colon = trimmed.indexOf(':')
  const name = (colon < 0 ? trimmed : trimmed.slice(0, colon)).trim()
  const definition = scenarioDefinition(name)
  const options: Record<string, string> = {}
  if (colon >= 0) {
    for (const pair of trimmed.slice(colon + 1).split(',')) {
      const equals = pair.indexOf('=')
      const key = equals < 0 ? pair.trim() : pair.slice(0, equals).trim()
      if (equals < 0 || key === '')
        throw new ScenarioError(
          `scenario ${definition.name}: ${quoteValue(pair)} is not allowed; allowed: key=value pairs separated by commas, with keys ${describeOptions(definition)}`,
        )
      if (Object.hasOwn(options, key))
        throw new ScenarioError(
          `scenario ${definition.name}: ${quoteValue(key)} given twice is not allowed; allowed: each option once`,
        )
      options[key] = pair.slice(equals + 1).trim()
    }
  }
  return createScenario(definition, options, true)
}

/** One line per scenario: its text form's name, the APIs and the options, for `--help`. */
export function describeScenarios(): string[] {
  return SCENARIO_DEFINITIONS.map(
    (definition) => `${definition.name}: ${definition.summary}. Options: ${describeOptions(definition)}`,
  )
}
