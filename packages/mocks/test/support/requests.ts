import { MOCK_TOKENS } from '../../src/tokens.js'

export const SH_ORIGIN = 'https://demo.kaiten.sh'
export const RU_BASE = 'https://example.kaiten.ru/api/latest'

export function shRequest(
  slug: string,
  query = '',
  token: string | null = MOCK_TOKENS.kaitenSh.valid,
): Request {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` }
  return new Request(`${SH_ORIGIN}/instances/${encodeURIComponent(slug)}/audit-trails${query}`, { headers })
}

export function ruRequest(query = '', token: string | null = MOCK_TOKENS.kaitenRu.valid): Request {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` }
  return new Request(`${RU_BASE}/audit-logs${query}`, { headers })
}
