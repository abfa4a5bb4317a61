// Typed MSW handler factories for one-off overrides in a consumer's own tests: paths, path parameters, query
// parameters and response bodies are checked against the generated types, so a test cannot fake a response the
// API cannot send.

import type { KaitenRuPaths, KaitenShPaths } from '@kaiten-audit/types'
import { createOpenApiHttp, type OpenApiHttpHandlers } from 'openapi-msw'
import { DEFAULT_BASE_URLS, parseBaseUrl } from './base-url.js'

/**
 * MSW's `http`, typed by the kaiten.sh spec. Paths are relative to `baseUrl` (default
 * {@link DEFAULT_BASE_URLS}`.kaitenSh`), e.g. `/instances/{instanceSlug}/audit-trails`; `response(status)` only
 * accepts documented statuses and bodies. `untyped` is MSW's plain `http` for anything the spec does not describe.
 *
 * @example
 * ```ts
 * server.use(
 *   kaitenShHttp().get('/instances/{instanceSlug}/audit-trails', ({ params, response }) =>
 *     response(200).json([]), { once: true }),
 * )
 * ```
 */
export function kaitenShHttp(
  baseUrl: string = DEFAULT_BASE_URLS.kaitenSh,
): OpenApiHttpHandlers<KaitenShPaths> {
  return createOpenApiHttp<KaitenShPaths>({ baseUrl: parseBaseUrl(baseUrl).url })
}

/**
 * MSW's `http`, typed by the kaiten.ru spec. Paths are relative to `baseUrl` (default
 * {@link DEFAULT_BASE_URLS}`.kaitenRu`, which ends in `/api/latest`), i.e. `/audit-logs`; its documented 400, 401,
 * 403 and 429 have no body, so they are `response(status).empty()`.
 *
 * @example
 * ```ts
 * server.use(kaitenRuHttp('https://acme.kaiten.ru/api/latest').get('/audit-logs', ({ response }) => response(403).empty()))
 * ```
 */
export function kaitenRuHttp(
  baseUrl: string = DEFAULT_BASE_URLS.kaitenRu,
): OpenApiHttpHandlers<KaitenRuPaths> {
  return createOpenApiHttp<KaitenRuPaths>({ baseUrl: parseBaseUrl(baseUrl).url })
}
