// @kaiten-audit/mocks/browser: MSW in the browser (needs `npx msw init <public dir>` for the service worker).

import type { HttpHandler } from 'msw'
import { type SetupWorker, setupWorker } from 'msw/browser'
import { handlers } from './handlers/index.js'

export { setupWorker }

/** `setupWorker` with both APIs at their default base URLs, plus any extra handlers (checked first). */
export function createMockWorker(...extra: HttpHandler[]): SetupWorker {
  return setupWorker(...extra, ...handlers)
}
