// @kaiten-audit/mocks/node: MSW in Node (vitest, jest) with both APIs' handlers.

import type { HttpHandler } from 'msw'
import { setupServer } from 'msw/node'
import { handlers } from './handlers/index.js'

export { setupServer }

/** `setupServer` with both APIs at their default base URLs, plus any extra handlers (checked first). */
export function createMockServer(...extra: HttpHandler[]): ReturnType<typeof setupServer> {
  return setupServer(...extra, ...handlers)
}
