// Checks a response against the bundled spec and hands back its body text for further assertions.

import { type ApiName, type Violation, validateResponse } from '@kaiten-audit/types/validation'

const PATHS: Readonly<Record<ApiName, string>> = {
  'kaiten-sh': '/instances/{instanceSlug}/audit-trails',
  'kaiten-ru': '/audit-logs',
}

export async function violationsOf(
  api: ApiName,
  response: Response,
): Promise<{ violations: Violation[]; body: string }> {
  const body = await response.text()
  const violations = validateResponse(api, {
    method: 'get',
    path: PATHS[api],
    status: response.status,
    headers: response.headers,
    body,
  })
  return { violations, body }
}
