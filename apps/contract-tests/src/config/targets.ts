// Which servers a run verifies: the embedded mocks, or whichever live APIs the environment fully describes.
import { INVALID_TOKENS, type KaitenRuTarget, type KaitenShTarget } from '../checks/targets.js'
import type { ApiName } from '../model.js'
import { UsageError } from './errors.js'

export type TargetChoice = 'auto' | 'mocks' | 'live'
export const targetChoices: readonly TargetChoice[] = ['auto', 'mocks', 'live']

export type Environment = Readonly<Record<string, string | undefined>>

export type TargetSelection =
  | { kind: 'mocks' }
  | {
      kind: 'live'
      kaitenSh?: KaitenShTarget
      kaitenRu?: KaitenRuTarget
      skipped: { api: ApiName; reason: string }[]
    }

const required = {
  'kaiten-sh': ['KAITEN_SH_BASE_URL', 'KAITEN_SH_TOKEN', 'KAITEN_SH_INSTANCE'],
  'kaiten-ru': ['KAITEN_RU_BASE_URL', 'KAITEN_RU_TOKEN'],
} as const

const optional = {
  'kaiten-sh': ['KAITEN_SH_FORBIDDEN_TOKEN'],
  'kaiten-ru': ['KAITEN_RU_FORBIDDEN_TOKEN'],
} as const

function value(env: Environment, name: string): string | undefined {
  const text = env[name]?.trim()
  return text ? text : undefined
}

/** `configured`: every required variable set; `absent`: none of them; otherwise a usage error naming the gaps. */
function apiVariables(env: Environment, api: ApiName): 'absent' | Record<string, string> {
  const names = [...required[api], ...optional[api]]
  const set = names.filter((name) => value(env, name) !== undefined)
  if (set.length === 0) return 'absent'
  const missing = required[api].filter((name) => value(env, name) === undefined)
  if (missing.length > 0) {
    throw new UsageError(
      `${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not; ` +
        `allowed: all of ${required[api].join(', ')} (to verify this API live) or none of them`,
    )
  }
  return Object.fromEntries(
    names.flatMap((name) => (value(env, name) ? [[name, value(env, name) as string]] : [])),
  )
}

function baseUrl(name: string, text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError(
      `${name}: ${JSON.stringify(text)} is not allowed; allowed: an http:// or https:// URL`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `${name}: ${JSON.stringify(text)} is not allowed; allowed: an http:// or https:// URL`,
    )
  }
  if (url.username || url.password || url.search) {
    throw new UsageError(
      `${name}: a URL with credentials or a query is not allowed; allowed: the API root only (tokens go in the *_TOKEN variables)`,
    )
  }
  return text.replace(/\/+$/, '')
}

export function selectTargets(env: Environment, choice: TargetChoice): TargetSelection {
  if (choice === 'mocks') return { kind: 'mocks' }
  const sh = apiVariables(env, 'kaiten-sh')
  const ru = apiVariables(env, 'kaiten-ru')
  if (sh === 'absent' && ru === 'absent') {
    if (choice === 'auto') return { kind: 'mocks' }
    throw new UsageError(
      `--target live needs at least one API configured: ${required['kaiten-sh'].join(', ')} and/or ${required['kaiten-ru'].join(', ')}`,
    )
  }
  const skipped: { api: ApiName; reason: string }[] = []
  const selection: TargetSelection = { kind: 'live', skipped }
  if (sh === 'absent') {
    skipped.push({ api: 'kaiten-sh', reason: `${required['kaiten-sh'].join(', ')} not set` })
  } else {
    selection.kaitenSh = {
      api: 'kaiten-sh',
      baseUrl: baseUrl('KAITEN_SH_BASE_URL', sh.KAITEN_SH_BASE_URL as string),
      validToken: sh.KAITEN_SH_TOKEN as string,
      invalidToken: INVALID_TOKENS['kaiten-sh'],
      instanceSlug: sh.KAITEN_SH_INSTANCE as string,
      ...(sh.KAITEN_SH_FORBIDDEN_TOKEN ? { forbiddenToken: sh.KAITEN_SH_FORBIDDEN_TOKEN } : {}),
    }
  }
  if (ru === 'absent') {
    skipped.push({ api: 'kaiten-ru', reason: `${required['kaiten-ru'].join(', ')} not set` })
  } else {
    selection.kaitenRu = {
      api: 'kaiten-ru',
      baseUrl: baseUrl('KAITEN_RU_BASE_URL', ru.KAITEN_RU_BASE_URL as string),
      validToken: ru.KAITEN_RU_TOKEN as string,
      invalidToken: INVALID_TOKENS['kaiten-ru'],
      ...(ru.KAITEN_RU_FORBIDDEN_TOKEN ? { forbiddenToken: ru.KAITEN_RU_FORBIDDEN_TOKEN } : {}),
    }
  }
  return selection
}

/** Every secret the environment holds, so a usage error can never echo one. */
export function secretsIn(env: Environment): string[] {
  return [
    'KAITEN_SH_TOKEN',
    'KAITEN_SH_FORBIDDEN_TOKEN',
    'KAITEN_RU_TOKEN',
    'KAITEN_RU_FORBIDDEN_TOKEN',
  ].flatMap((name) => (value(env, name) ? [value(env, name) as string] : []))
}
