// MSW adapter for the kaiten.sh responder.

import type { ApiModel } from '@kaiten-audit/types'
import { type HttpHandler, http } from 'msw'
import { parseBaseUrl } from '../base-url.js'
import { createKaitenShResponder } from '../responders/kaiten-sh.js'
import { mswPatterns, routeFor } from '../routes.js'
import { createKaitenShStore, type KaitenShStore } from '../store/kaiten-sh.js'

/** Options of {@link kaitenShHandlers}. */
export interface KaitenShHandlersOptions {
  /** E.g. `https://demo.kaiten.sh` or `http://localhost:8080/api`. */
  baseUrl: string
  /** Default: a new store with the default seed and size. */
  store?: KaitenShStore
  /** The API model to follow (routes, validation, statuses). Default: the generated kaiten.sh model. */
  model?: ApiModel
}

/** MSW handlers for kaiten.sh at `baseUrl`, answering as the API does (filters, problem details with the model's invalid-parameter statuses, 401/403/404). */
export function kaitenShHandlers(options: KaitenShHandlersOptions): HttpHandler[] {
  const { origin, basePath } = parseBaseUrl(options.baseUrl)
  const respond = createKaitenShResponder({
    store: options.store ?? createKaitenShStore(),
    basePath,
    ...(options.model ? { model: options.model } : {}),
  })
  return mswPatterns(routeFor('kaiten-sh', respond.model), origin, basePath).map((pattern) =>
    http.all(pattern, ({ request }) => respond(request)),
  )
}
