// Which API root and token an export talks to: the same variables as the contract run (.env.example).
import type { Api } from './encode.js'
import { UsageError } from './errors.js'

export interface Target {
  baseUrl: string
  token: string
  /** How the checkpoint names the target: the API root without credentials, or `mock`. */
  label: string
}

const VARIABLES: Record<Api, { baseUrl: string; token: string; example: string }> = {
  ru: {
    baseUrl: 'KAITEN_RU_BASE_URL',
    token: 'KAITEN_RU_TOKEN',
    example: 'https://acme.kaiten.ru/api/latest',
  },
  sh: { baseUrl: 'KAITEN_SH_BASE_URL', token: 'KAITEN_SH_TOKEN', example: 'https://demo.kaiten.sh' },
}

export function liveTarget(api: Api, env: Readonly<Record<string, string | undefined>>): Target {
  const names = VARIABLES[api]
  const baseUrl = env[names.baseUrl]?.trim()
  const token = env[names.token]?.trim()
  if (!baseUrl) {
    throw new UsageError(
      `${names.baseUrl}: not set; allowed: the API root, e.g. ${names.example} (or pass --mock to try the embedded mocks)`,
    )
  }
  if (!token)
    throw new UsageError(`${names.token}: not set; allowed: the API token (it never appears in any output)`)
  let parsed: URL
  try {
    parsed = new URL(baseUrl)
  } catch {
    throw new UsageError(
      `${names.baseUrl}: ${JSON.stringify(baseUrl)} is not allowed; allowed: an absolute http(s) URL, e.g. ${names.example}`,
    )
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password) {
    throw new UsageError(
      `${names.baseUrl}: ${parsed.protocol}//${parsed.host}${parsed.pathname} is not allowed; allowed: an http(s) URL without user:password@ (the credential goes in ${names.token})`,
    )
  }
  parsed.hash = ''
  parsed.search = ''
  return { baseUrl, token, label: parsed.href.replace(/\/+$/, '') }
}

export function secretsIn(env: Readonly<Record<string, string | undefined>>): string[] {
  return [env.KAITEN_RU_TOKEN, env.KAITEN_SH_TOKEN]
    .map((token) => token?.trim())
    .filter((token): token is string => Boolean(token))
}
