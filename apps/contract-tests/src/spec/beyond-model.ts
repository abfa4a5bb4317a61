// The two spec facts the API model does not carry, read here and nowhere else; everything else comes from the model
// (./operation.ts). The model holds no examples, and kaiten.sh states only in the example of a documented problem
// response that its framework words every constraint violation alike (`detail: validation failed`); nor does it hold
// component schemas no parameter uses, such as kaiten.sh's list of known event names (an open set).
import { knownEventNameValues } from '@kaiten-audit/types'
import { specs } from '@kaiten-audit/types/spec'
import type { ApiName } from '../model.js'
import { OPERATION_IDS } from './operation.js'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Follows a local `$ref` chain to the object it names. */
function resolve(document: Json, value: unknown): Json | undefined {
  let current = value
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 32; hops++) {
    let target: unknown = document
    for (const part of current.$ref.replace(/^#\//, '').split('/')) {
      target = isObject(target) ? target[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined
    }
    current = target
  }
  return isObject(current) ? current : undefined
}

/** The `detail` of the example the bundled spec gives for `status` of the checked operation, if it gives one. */
export function documentedProblemDetail(api: ApiName, status: number): string | undefined {
  const document = specs[api] as Json
  const paths = isObject(document.paths) ? Object.values(document.paths) : []
  const operation = paths
    .flatMap((item) => (isObject(item) ? Object.values(item) : []))
    .find((candidate) => isObject(candidate) && candidate.operationId === OPERATION_IDS[api])
  const responses = isObject(operation) && isObject(operation.responses) ? operation.responses : {}
  const response = resolve(document, responses[String(status)])
  const content = response && isObject(response.content) ? Object.values(response.content) : []
  for (const media of content) {
    const example = isObject(media) ? media.example : undefined
    if (isObject(example) && typeof example.detail === 'string') return example.detail
  }
  return undefined
}

/** The event names the kaiten.sh spec knows (`KnownEventName`, generated); the set is open, so this only feeds notes. */
export const knownEventNames: ReadonlySet<string> = new Set(knownEventNameValues)
