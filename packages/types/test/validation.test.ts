import { describe, expect, it } from 'vitest'
import { addResponse, editedSpec } from '../src/testing.js'
import { validateResponse } from '../src/validation.js'

const trailsPath = '/instances/{instanceSlug}/audit-trails'
const entry = {
  id: 1,
  instanceId: 'i-1',
  instanceSlug: 'acme',
  eventName: 'kaiten.v1.feature_flag.evaluate',
  payload: null,
  status: 'ACCEPTED',
  timestamp: '2026-04-02T09:30:00Z',
}
const problemJson = { 'content-type': 'application/problem+json' }

describe('validateResponse', () => {
  it('accepts a conforming kaiten.sh page', () => {
    const body = JSON.stringify([entry])
    const result = validateResponse('kaiten-sh', {
      method: 'get',
      path: trailsPath,
      status: 200,
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(result).toEqual([])
  })

  it('reports the drifted cursor envelope with the path, expectation and actual value', () => {
    const body = JSON.stringify({ items: [entry], hasMore: false, nextCursor: null })
    const [first] = validateResponse('kaiten-sh', {
      method: 'get',
      path: trailsPath,
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    })
    expect(first).toMatchObject({ path: '$.body', expected: 'type array' })
    expect(first?.actual).toContain('"items"')
  })

  it('names the field inside an item', () => {
    const body = JSON.stringify([entry, { ...entry, status: 'MAYBE' }])
    const result = validateResponse('kaiten-sh', {
      method: 'get',
      path: trailsPath,
      status: 200,
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(result).toEqual([expect.objectContaining({ path: '$.body[1].status', actual: '"MAYBE"' })])
  })

  it('reports an undocumented status', () => {
    const result = validateResponse('kaiten-sh', {
      method: 'get',
      path: trailsPath,
      status: 418,
      headers: {},
      body: '',
    })
    expect(result).toEqual([expect.objectContaining({ path: '$.status', actual: '418' })])
  })

  it('reports a wrong content type and a problem body missing status', () => {
    const wrongType = validateResponse('kaiten-sh', {
      method: 'get',
      path: trailsPath,
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Not Found', status: 404 }),
    })
    expect(wrongType).toEqual([
      expect.objectContaining({ path: '$.headers["content-type"]', actual: 'application/json' }),
    ])
    const noStatus = validateResponse('kaiten-sh', {
      method: 'get',
      path: trailsPath,
      status: 404,
      headers: problemJson,
      body: JSON.stringify({ title: 'Not Found' }),
    })
    expect(noStatus).toEqual([
      expect.objectContaining({ path: '$.body.status', expected: 'property status present' }),
    ])
  })

  it('reports invalid JSON', () => {
    const result = validateResponse('kaiten-sh', {
      method: 'get',
      path: trailsPath,
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '[{"id": 1',
    })
    expect(result).toEqual([
      expect.objectContaining({ path: '$.body', expected: 'valid JSON (application/json)' }),
    ])
  })

  it('kaiten.ru: requires rate-limit headers on 200 and checks their type', () => {
    const missing = validateResponse('kaiten-ru', {
      method: 'get',
      path: '/audit-logs',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '[]',
    })
    expect(missing.map((v) => v.path)).toEqual([
      '$.headers["x-ratelimit-remaining"]',
      '$.headers["x-ratelimit-reset"]',
    ])
    const wrongType = validateResponse('kaiten-ru', {
      method: 'get',
      path: '/audit-logs',
      status: 200,
      headers: {
        'content-type': 'application/json',
        'x-ratelimit-remaining': 'many',
        'x-ratelimit-reset': '1775122201',
      },
      body: '[]',
    })
    expect(wrongType).toEqual([
      expect.objectContaining({ path: '$.headers["x-ratelimit-remaining"]', actual: '"many"' }),
    ])
  })

  it('kaiten.ru: a body on a bodyless 400 is reported', () => {
    const clean = validateResponse('kaiten-ru', {
      method: 'get',
      path: '/audit-logs',
      status: 400,
      headers: {},
      body: '',
    })
    expect(clean).toEqual([])
    const withBody = validateResponse('kaiten-ru', {
      method: 'get',
      path: '/audit-logs',
      status: 400,
      headers: { 'content-type': 'text/html' },
      body: '<html>Bad gateway</html>',
    })
    expect(withBody).toEqual([
      expect.objectContaining({ path: '$.body', expected: 'no body (none documented)' }),
    ])
  })

  it('kaiten.ru: accepts unknown categories in responses but not malformed events', () => {
    const event = {
      id: '8f977f36-0f13-4b5f-91ab-0df9d15c7ed8',
      app_name: null,
      company_uid: null,
      author_id: null,
      author_uid: null,
      author_username: null,
      author_remote_address: null,
      author: null,
      category: 'brand_new_category',
      action: 'brand_new_action',
      message: 'm',
      details: null,
      created: '2026-04-02T09:30:00.000Z',
    }
    const headers = {
      'content-type': 'application/json',
      'x-ratelimit-remaining': '4',
      'x-ratelimit-reset': '1775122201',
    }
    const base = { method: 'get', path: '/audit-logs', status: 200, headers } as const
    expect(validateResponse('kaiten-ru', { ...base, body: JSON.stringify([event]) })).toEqual([])
    const broken = validateResponse('kaiten-ru', {
      ...base,
      body: JSON.stringify([{ ...event, created: 'yesterday' }]),
    })
    expect(broken).toEqual([
      expect.objectContaining({ path: '$.body[0].created', expected: 'format date-time' }),
    ])
  })

  it('judges by an edited spec when given one, and by the bundled one otherwise', () => {
    const { document } = editedSpec(
      'kaiten-sh',
      (spec) => {
        const schemas = (spec as { components: { schemas: Record<string, { enum: string[] }> } }).components
          .schemas
        schemas.AuditTrailStatus?.enum.push('PENDING')
      },
      addResponse('getAuditTrails', '409', { description: 'Conflicting filters.' }),
    )
    const page = {
      method: 'get',
      path: trailsPath,
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ ...entry, status: 'PENDING' }]),
    }
    expect(validateResponse('kaiten-sh', page, document)).toEqual([])
    expect(validateResponse('kaiten-sh', page)).toMatchObject([{ path: '$.body[0].status' }])
    const conflict = { method: 'get', path: trailsPath, status: 409, headers: {}, body: '' }
    expect(validateResponse('kaiten-sh', conflict, document)).toEqual([])
    expect(validateResponse('kaiten-sh', conflict)).toMatchObject([{ path: '$.status' }])
  })
})
