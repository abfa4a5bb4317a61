import { kaitenRuModel, kaitenShModel } from '@kaiten-audit/types'
import { describe, expect, it } from 'vitest'
import { matchRoute, matchTemplate, mswPatterns, routeFor, routeOf, routePath } from '../src/routes.js'

const sh = routeFor('kaiten-sh')
const ru = routeFor('kaiten-ru')

describe('routes', () => {
  it('match any spec path template, decoding each parameter', () => {
    expect(matchTemplate('/teams/{team}/boards/{board}', '/teams/a%20b/boards/7')).toEqual({
      team: 'a b',
      board: '7',
    })
    expect(matchTemplate('/teams/{team}/boards/{board}', '/teams//boards/7')).toBeNull()
    expect(matchTemplate('/teams/{team}', '/teams/%zz')).toBeNull()
    expect(matchTemplate('/a.b', '/aXb')).toBeNull()
  })

  it('are the models’ operations: method and path template', () => {
    const shOperation = kaitenShModel.operations.getAuditTrails
    const ruOperation = kaitenRuModel.operations.retrieveAuditLogEvents
    expect(sh).toMatchObject({ method: shOperation.method.toUpperCase(), path: shOperation.path })
    expect(ru).toMatchObject({ method: ruOperation.method.toUpperCase(), path: ruOperation.path })
    expect(routeFor('kaiten-sh', kaitenShModel)).toBe(sh)
  })

  it('find the API of a URL under a base path, kaiten.ru under both of its version names', () => {
    const at = (url: string, basePath: string) => {
      const found = routeOf([sh, ru], new URL(url), basePath)
      return found && { api: found.route.api, parameters: found.parameters }
    }
    expect(at('http://x/api/instances/acme/audit-trails', '/api')).toEqual({
      api: 'kaiten-sh',
      parameters: { instanceSlug: 'acme' },
    })
    expect(at('http://x/api/v1/audit-logs', '/api/latest')).toEqual({ api: 'kaiten-ru', parameters: {} })
    expect(at('http://x/proxy/api/latest/audit-logs', '/proxy/api/v1')).toEqual({
      api: 'kaiten-ru',
      parameters: {},
    })
    expect(at('http://x/instances/acme/audit-trails', '/api')).toBeNull()
    expect(at('http://x/api/instances/acme/audit-trails/more', '/api')).toBeNull()
    expect(matchRoute(sh, new URL('http://x/api/v1/audit-logs'), '/api/latest')).toBeNull()
  })

  it('give MSW patterns and concrete paths from the same templates', () => {
    expect(mswPatterns(sh, 'https://demo.kaiten.sh', '')).toEqual([
      'https://demo.kaiten.sh/instances/:instanceSlug/audit-trails',
    ])
    expect(mswPatterns(ru, 'https://e.kaiten.ru', '/api/latest')).toEqual([
      'https://e.kaiten.ru/api/latest/audit-logs',
      'https://e.kaiten.ru/api/v1/audit-logs',
    ])
    expect(routePath(sh, { instanceSlug: 'a/b' })).toBe('/instances/a%2Fb/audit-trails')
  })
})
