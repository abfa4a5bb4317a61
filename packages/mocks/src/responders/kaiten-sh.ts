// kaiten.sh's operation (by default `GET /instances/{instanceSlug}/audit-trails`), answered the way the service does,
// with the route, the parameter rules and the status of an invalid parameter read from the API model.

import {
  invalidParameterStatus,
  type ParameterIssue,
  parseIntegerText,
  parseKaitenShQuery,
} from '@kaiten-audit/query'
import type { ApiModel, ProblemErrorDetail } from '@kaiten-audit/types'
import { defaultBasePath, normaliseBasePath } from '../base-url.js'
import { DEFAULT_MODELS } from '../operations.js'
import { matchRoute, routeFor } from '../routes.js'
import type { KaitenShStore } from '../store/kaiten-sh.js'
import { bearerToken, MOCK_TOKENS } from '../tokens.js'
import { filterTimelineByAddedParameters } from './added-filters.js'
import { requireStore } from './describe-store.js'
import { requireInvalidParameterStatus, requireStatuses } from './documented.js'
import { problemResponse } from './problem.js'
import { apiResponder, itemsResponse, type KaitenShResponder } from './responder.js'
import { selectKaitenShPage } from './select.js'

/** Options of {@link createKaitenShResponder}. */
export interface KaitenShResponderOptions {
  store: KaitenShStore
  /** Path prefix of the API: `''` for https://demo.kaiten.sh, `/api` for a self-hosted install. Default: the model's first server's. */
  basePath?: string
  /** The API model to follow. Default: the one generated from `specs/kaiten-sh`; a test may pass one from an edited spec. */
  model?: ApiModel
}

/**
 * Huma reports integer parameters as numbers and everything else as the text received. An integer beyond 2^53 is
 * sent as its text: as a JSON number it would reach any JavaScript reader with other digits (or as null from
 * JSON.stringify once it overflows to Infinity), and the detail must name the value as sent.
 */
function errorDetail(issue: ParameterIssue): ProblemErrorDetail {
  const exact = typeof issue.value === 'string' ? parseIntegerText(issue.value) : null
  return {
    location: `query.${issue.parameter}`,
    message: `expected ${issue.allowed}`,
    value: exact ?? issue.value,
  }
}

/** The framework-free kaiten.sh fake: a `Request → Response` function over `store`, for any server or test double. */
export function createKaitenShResponder(options: KaitenShResponderOptions): KaitenShResponder {
  const { store } = options
  requireStore(store, 'kaiten-sh', 'createKaitenShStore')
  const model = options.model ?? DEFAULT_MODELS['kaiten-sh']
  const route = routeFor('kaiten-sh', model)
  const { operation } = route
  const basePath = normaliseBasePath(options.basePath ?? defaultBasePath(operation))
  requireStatuses(operation, {
    200: 'a page',
    401: 'a missing or invalid token',
    403: 'a token without scope',
    404: 'an unknown instance',
  })
  requireInvalidParameterStatus(operation)
  return apiResponder({ api: 'kaiten-sh', store, basePath, model }, async (request) => {
    const url = new URL(request.url)
    const slug = matchRoute(route, url, basePath)?.instanceSlug
    // Not the operation's route or method: the framework's own 404 and 405, which no spec documents.
    if (slug === undefined) return problemResponse(404, `no route for ${url.pathname}`)
    if (request.method !== route.method)
      return problemResponse(
        405,
        `method ${request.method} not allowed; allowed: ${route.method}`,
        undefined,
        {
          allow: route.method,
        },
      )

    const token = bearerToken(request)
    if (token === MOCK_TOKENS.kaitenSh.withoutScope)
      return problemResponse(403, 'token lacks scope read:instances')
    if (token !== MOCK_TOKENS.kaitenSh.valid) return problemResponse(401, 'missing or invalid bearer token')

    // Huma validates parameters before the operation runs, so a bad query wins over an unknown instance.
    const parsed = parseKaitenShQuery(url.searchParams, model)
    if (!parsed.ok) {
      const errors = parsed.issues.map(errorDetail)
      const status = invalidParameterStatus(operation, parsed.issues) as number
      // Huma's wording: a value its format cannot parse is named by the format; any other break fails validation.
      const malformed = parsed.issues.find((issue) => issue.kind === 'malformed')
      const schema = operation.parameters.find((parameter) => parameter.name === malformed?.parameter)?.schema
      const format = schema?.format ?? schema?.items?.format
      return problemResponse(
        status,
        malformed ? `invalid ${format ?? 'value'} in query parameter` : 'validation failed',
        errors,
      )
    }

    if (!store.instances().some((instance) => instance.slug === slug)) {
      return problemResponse(404, 'instance not found', [
        { location: 'path.instanceSlug', message: 'no instance has this slug', value: slug },
      ])
    }
    const timeline = filterTimelineByAddedParameters(store.timeline(slug), parsed.value.others, operation)
    return itemsResponse(selectKaitenShPage(timeline, parsed.value), 200)
  })
}
