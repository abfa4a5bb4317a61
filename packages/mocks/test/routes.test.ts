import { describe, expect, it } from 'vitest'
import { matchRoute, matchTemplate, mswPatterns, ROUTES, routeOf, routePath } from '../src/routes.js'

describe('routes', () => {
  it('match any spec path template, decoding each parameter, so a generated table can replace this one', () => {
    expect(matchTemplate('/teams/{team}/boards/{board}', '/teams/a%20b/boards/7')).toEqual({
      team: 'a b',
      board: '7',
    })
    expect(matchTemplate('/teams/{team}/boards/{board}', '/teams//boards/7')).toBeNull()
    expect(matchTemplate('/teams/{team}', '/teams/%zz')).toBeNull()
    expect(matchTemplate('/a.b', '/aXb')).toBeNull()
  })

  it('find the API of a URL under a base path, kaiten.ru under both of its version names', () => {
    const at = (url: string, basePath: string) => routeOf(new URL(url), basePath)
    expect(at('http://x/api/instances/acme/audit-trails', '/api')).toEqual({
      api: 'kaiten-sh',
      parameters: { instanceSlug: 'acme' },
    })
    expect(at('http://x/api/v1/audit-logs', '/api/latest')).toEqual({ api: 'kaiten-ru', parameters: {} })
    expect(at('http://x/instances/acme/audit-trails', '/api')).toBeNull()
    expect(at('http://x/api/instances/acme/audit-trails/more', '/api')).toBeNull()
    expect(matchRoute('kaiten-sh', new URL('http://x/api/v1/audit-logs'), '/api/latest')).toBeNull()
  })

  it('give MSW patterns and concrete paths from the same templates', () => {
    expect(mswPatterns('kaiten-sh', 'https://demo.kaiten.sh', '')).toEqual([
      'https://demo.kaiten.sh/instances/:instanceSlug/audit-trails',
    ])
    expect(mswPatterns('kaiten-ru', 'https://e.kaiten.ru', '/api/latest')).toEqual([
      'https://e.kaiten.ru/api/latest/audit-logs',
      'https://e.kaiten.ru/api/v1/audit-logs',
    ])
    expect(routePath('kaiten-sh', { instanceSlug: 'a/b' })).toBe('/instances/a%2Fb/audit-trails')
    expect(Object.values(ROUTES).map((route) => route.method)).toEqual(['GET', 'GET'])
  })
})
