// Events that arrive while a client pages: the trap offset pagination falls into (a page boundary shifts, so the
// next page repeats items unless the client de-duplicates).

import { matchRoute, routeFor } from '../routes.js'
import type { KaitenRuStore } from '../store/kaiten-ru.js'
import type { KaitenShStore } from '../store/kaiten-sh.js'
import { defineScenario } from './scenario.js'

/**
 * Before every request except the first, appends `count` new items to the wrapped responder's store (newest first,
 * so they land on page one and push every later item one page further). `times` bounds how many requests insert.
 */
export const insertDuringPaging = defineScenario<{ count: number }>({
  name: 'insert-during-paging',
  summary: 'before every request after the first, appends count newest items, so offset pages shift',
  apis: ['kaiten-sh', 'kaiten-ru'],
  options: { count: { min: 1, max: 10_000, default: 1 } },
  wrap: (responder, { count }, { take }) => {
    let seen = 0
    return async (request) => {
      seen++
      if (seen > 1 && take()) {
        if (responder.api === 'kaiten-ru') {
          for (let i = 0; i < count; i++) (responder.store as KaitenRuStore).append()
        } else {
          const store = responder.store as KaitenShStore
          const slug = matchRoute(
            routeFor('kaiten-sh', responder.model),
            new URL(request.url),
            responder.basePath,
          )?.instanceSlug
          // An unknown instance has nothing to insert into; the responder answers 404 for it.
          if (slug !== undefined && store.instances().some((instance) => instance.slug === slug))
            for (let i = 0; i < count; i++) store.append(slug)
        }
      }
      return responder(request)
    }
  },
})
