// kaiten.sh `GET /instances/{instanceSlug}/audit-trails`, answered the way the service does.

import { type ParameterIssue, parseIntegerText, parseKaitenShQuery } from '@kaiten-audit/query'
import type { ProblemErrorDetail } from '@kaiten-audit/types'
import type { KaitenShStore } from '../store/kaiten-sh.js'
import { bearerToken, MOCK_TOKENS } from '../tokens.js'
import { requireStore } from './describe-store.js'
import { problemResponse } from './problem.js'
import { itemsResponse, normaliseBasePath, pathBelow, type Responder } from './responder.js'
import { selectKaitenShPage } from './select.js'

/** Options of {@link createKaitenShResponder}. */
export interface KaitenShResponderOptions {
  store: KaitenShStore
  /** Path prefix of the API: `''` for https://demo.kaiten.sh, `/api` for a self-hosted install. Default `''`. */
  basePath?: string
}

const AUDIT_TRAILS = /^\/instances\/([^/]+)\/audit-trails$/

/** `{instanceSlug}` of an audit-trails path below the base path, or null for any other path. */
function matchAuditTrailsPath(url: URL, basePath: string): string | null {
  const below = pathBelow(url, basePath)
  const match = below === null ? null : AUDIT_TRAILS.exec(below)
  if (!match) return null
  try {
    return decodeURIComponent(match[1] as string)
  } catch {
    return null
  }
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
export function createKaitenShResponder(options: KaitenShResponderOptions): Responder {
  const { store } = options
  requireStore(store, 'kaiten-sh', 'createKaitenShStore')
  const basePath = normaliseBasePath(options.basePath ?? '')
  return async (request) => {
    const url = new URL(request.url)
    const slug = matchAuditTrailsPath(url, basePath)
    if (slug === null) return problemResponse(404, `no route for ${url.pathname}`)
    if (request.method !== 'GET')
      return problemResponse(405, `method ${request.method} not allowed; allowed: GET`, undefined, {
        allow: 'GET',
      })

    const token = bearerToken(request)
    if (token === MOCK_TOKENS.kaitenSh.withoutScope)
      return problemResponse(403, 'token lacks scope read:instances')
    if (token !== MOCK_TOKENS.kaitenSh.valid) return problemResponse(401, 'missing or invalid bearer token')

    // Huma validates parameters before the operation runs, so a bad query wins over an unknown instance.
    const parsed = parseKaitenShQuery(url.searchParams)
    if (!parsed.ok) {
      const errors = parsed.issues.map(errorDetail)
      // An unparseable timestamp is a 400; values that parse but break a declared constraint are Huma's 422.
      return parsed.issues.some((issue) => issue.kind === 'malformed')
        ? problemResponse(400, 'invalid date-time in query parameter', errors)
        : problemResponse(422, 'validation failed', errors)
    }

    if (!store.instances().some((instance) => instance.slug === slug)) {
      return problemResponse(404, 'instance not found', [
        { location: 'path.instanceSlug', message: 'no instance has this slug', value: slug },
      ])
    }
    return itemsResponse(selectKaitenShPage(store.timeline(slug), parsed.value), 200)
  }
}
