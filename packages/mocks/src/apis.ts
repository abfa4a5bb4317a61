// The two APIs this package fakes, by the names every other part of the package uses for them.

/** Which of the two APIs a responder, route or scenario belongs to. */
export type MockApi = 'kaiten-sh' | 'kaiten-ru'

/** How people write the API's name: `kaiten.sh`, `kaiten.ru`. */
export function apiLabel(api: MockApi): string {
  return api === 'kaiten-sh' ? 'kaiten.sh' : 'kaiten.ru'
}
