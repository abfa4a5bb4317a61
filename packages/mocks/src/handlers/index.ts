// Both APIs at their default base URLs, backed by the shared default stores.

import type { HttpHandler } from 'msw'
import { DEFAULT_BASE_URLS } from '../base-url.js'
import { defaultStores } from '../store/defaults.js'
import { kaitenRuHandlers } from './kaiten-ru.js'
import { kaitenShHandlers } from './kaiten-sh.js'

/** MSW handlers for both APIs at {@link DEFAULT_BASE_URLS}, serving {@link defaultStores}. */
export const handlers: HttpHandler[] = [
  ...kaitenShHandlers({ baseUrl: DEFAULT_BASE_URLS.kaitenSh, store: defaultStores.kaitenSh }),
  ...kaitenRuHandlers({ baseUrl: DEFAULT_BASE_URLS.kaitenRu, store: defaultStores.kaitenRu }),
]
