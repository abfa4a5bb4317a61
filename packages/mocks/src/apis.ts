// The two APIs this package fakes, by the names every other part of the package uses for them.

import type { ApiName } from '@kaiten-audit/types'

/** Which of the two APIs a responder, route or scenario belongs to: the types package's `ApiName`. */
export type MockApi = ApiName

/** How people write the API's name: `kaiten.sh`, `kaiten.ru`. */
export function apiLabel(api: MockApi): string {
  return api === 'kaiten-sh' ? 'kaiten.sh' : 'kaiten.ru'
}
