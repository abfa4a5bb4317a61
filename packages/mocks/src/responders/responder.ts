// The framework-free core: a fetch-style function from Request to Response. MSW handlers and the standalone
// server are thin adapters over it.

import type { ApiModel } from '@kaiten-audit/types'
import type { MockApi } from '../apis.js'
import type { KaitenRuStore } from '../store/kaiten-ru.js'
import type { KaitenShStore } from '../store/kaiten-sh.js'
import { stringifyItems } from './json-cache.js'

/** A fake API as a fetch-style function; MSW handlers and the standalone server are thin adapters over it. */
export type Responder = (request: Request) => Promise<Response>

/** The store of each API. */
export interface StoreOf {
  'kaiten-sh': KaitenShStore
  'kaiten-ru': KaitenRuStore
}

/**
 * A responder that says which API it answers for and which store it serves. The faithful responders are made this
 * way, and a scenario hands back the same: whatever wraps it knows the API from the responder, not from a URL.
 */
export type ApiResponder<A extends MockApi = MockApi> = Responder & {
  readonly api: A
  readonly store: StoreOf[A]
  /** The path prefix it serves, normalised (`''`, `/api`, `/api/latest`). */
  readonly basePath: string
  /** The API model it follows: routing, validation, statuses, headers and the rate limit come from it. */
  readonly model: ApiModel
}

export type KaitenShResponder = ApiResponder<'kaiten-sh'>
export type KaitenRuResponder = ApiResponder<'kaiten-ru'>

/** What an {@link ApiResponder} says about itself. */
export interface ApiBinding<A extends MockApi = MockApi> {
  api: A
  store: StoreOf[A]
  basePath: string
  model: ApiModel
}

/** `respond` labelled with the API, store and base path it answers for. */
export function apiResponder<A extends MockApi>(binding: ApiBinding<A>, respond: Responder): ApiResponder<A> {
  const labelled = (request: Request) => respond(request)
  return Object.defineProperties(labelled, {
    api: { value: binding.api, enumerable: true },
    store: { value: binding.store, enumerable: true },
    basePath: { value: binding.basePath, enumerable: true },
    model: { value: binding.model, enumerable: true },
  }) as ApiResponder<A>
}

/** True for a responder made by this package's responder factories or by a scenario wrapping one. */
export function isApiResponder(value: unknown): value is ApiResponder {
  const api = (value as { api?: unknown } | null | undefined)?.api
  return typeof value === 'function' && (api === 'kaiten-sh' || api === 'kaiten-ru')
}

/**
 * Body text of responses this package built, so the node:http adapter can write it without streaming it back out
 * of the Response (the stream round trip costs more than the whole lookup). Only used while the body is unread:
 * a wrapper that reads or replaces the body falls back to the generic path.
 */
const bodyTexts = new WeakMap<Response, string>()

export function textResponse(
  text: string,
  init: { status: number; headers: Record<string, string> },
): Response {
  const response = new Response(text, init)
  bodyTexts.set(response, text)
  return response
}

/** The text a response was built with, when this package built it and nobody has read the body yet. */
export function unreadBodyText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : bodyTexts.get(response)
}

/** A 200-style JSON response whose body is an array of stored items (serialised through the per-item cache). */
export function itemsResponse(
  items: readonly object[],
  status: number,
  headers: Record<string, string> = {},
): Response {
  return textResponse(stringifyItems(items), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}
