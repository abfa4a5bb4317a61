// Schema drift: the shape newer kaiten.sh versions moved to (cursor pagination, an envelope, UUID ids).

import { operationFor } from '../operations.js'
import { problemResponse } from '../responders/problem.js'
import { defineScenario } from './scenario.js'

interface CursorState {
  offset: number
}

function encodeCursor(state: CursorState): string {
  return btoa(JSON.stringify(state)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

function decodeCursor(cursor: string): CursorState | null {
  try {
    const state = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/'))) as unknown
    const offset = (state as { offset?: unknown } | null)?.offset
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? { offset } : null
  } catch {
    return null
  }
}

/** A stable UUID for an integer id, so the same entry keeps the same new-style id across pages. */
export function uuidForId(id: number): string {
  return `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`
}

/**
 * kaiten.sh answers `200 {items, hasMore, nextCursor}` with UUID ids instead of a bare array, and pages with an
 * opaque `cursor` parameter (`offset` is still honoured when no cursor is sent). Errors keep their old shape.
 */
export const cursorEnvelope = defineScenario<Record<never, number>>({
  name: 'cursor-envelope',
  summary:
    'kaiten.sh only: the later {items, hasMore, nextCursor} envelope with UUID ids and a cursor parameter',
  apis: ['kaiten-sh'],
  options: {},
  wrap:
    (responder, _options, { take }) =>
    async (request) => {
      if (!take()) return responder(request)
      const target = new URL(request.url)
      const cursor = target.searchParams.get('cursor')
      target.searchParams.delete('cursor')
      if (cursor !== null) {
        const state = decodeCursor(cursor)
        if (!state) {
          // A bad cursor is an invalid parameter like any other, answered with the model's status for one (every
          // responder this package makes has checked that its model documents one).
          const { invalidParameterStatus } = operationFor('kaiten-sh', responder.model)
          const status = (invalidParameterStatus as { default: number }).default
          return problemResponse(status, 'validation failed', [
            { location: 'query.cursor', message: 'expected a cursor from nextCursor', value: cursor },
          ])
        }
        target.searchParams.set('offset', String(state.offset))
      }
      const response = await responder(new Request(target, { headers: request.headers }))
      if (!response.ok) return response
      const page = (await response.json()) as { id: number }[]
      const offset = Number(target.searchParams.get('offset') ?? 0)
      // One more entry after this page means there is another page.
      const probe = new URL(target)
      probe.searchParams.set('offset', String(offset + page.length))
      probe.searchParams.set('limit', '1')
      const next = (await (
        await responder(new Request(probe, { headers: request.headers }))
      ).json()) as unknown[]
      const hasMore = page.length > 0 && next.length > 0
      return Response.json({
        items: page.map((entry) => ({ ...entry, id: uuidForId(entry.id) })),
        hasMore,
        nextCursor: hasMore ? encodeCursor({ offset: offset + page.length }) : null,
      })
    },
})
