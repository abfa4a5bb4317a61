import { propertySeed } from '@kaiten-audit/types/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readRequestTarget } from '../src/request-target.js'

const ORIGIN = 'http://127.0.0.1:6000'

describe('readRequestTarget', () => {
  it.each([
    ['/api/instances/acme-production/audit-trails', '/api/instances/acme-production/audit-trails', ''],
    ['//evil.example/api/x?limit=1', '//evil.example/api/x', '?limit=1'],
    ["/a/b%2Fc?q=it's&x=?/", '/a/b%2Fc', '?q=it%27s&x=?/'],
    ['/?', '/', ''],
  ])('reads %s literally', (target, pathname, search) => {
    const reading = readRequestTarget(target, ORIGIN)
    expect(reading).toMatchObject({ ok: true })
    if (!reading.ok) return
    expect(reading.url.pathname).toBe(pathname)
    expect(reading.url.search).toBe(search)
    expect(reading.url.origin).toBe(ORIGIN)
  })

  it.each([
    ['/api\\instances', /"\\\\" at position 5 is not a URL character/],
    ['/api/x?limit=%zz', /"%" at position 14 is not a URL character or complete escape/],
    ['/api/x?limit=%', /"%" at position 14/],
    ['/a#b', /"#" at position 3/],
    ['/a/../b', /has a "\." or "\.\." segment/],
    ['/a/%2e%2E/b', /has a "\." or "\.\." segment/],
    ['/a/.', /has a "\." or "\.\." segment/],
    ['*', /absolute-form, authority-form and "\*" are not served/],
    ['http://x/a', /absolute-form/],
    ['', /absolute-form/],
  ])('refuses %s, saying why and what is allowed', (target, why) => {
    const reading = readRequestTarget(target, ORIGIN)
    expect(reading.ok).toBe(false)
    if (reading.ok) return
    expect(reading.reason).toMatch(why)
    expect(reading.reason).toMatch(
      /^request target ".*" is not allowed.*; allowed: origin-form: a path starting with "\/"/,
    )
  })

  it('quotes at most the start of a long target', () => {
    const reading = readRequestTarget(`/${'\\'.repeat(10_000)}`, ORIGIN)
    expect(reading.ok).toBe(false)
    if (!reading.ok) expect(reading.reason.length).toBeLessThan(500)
  })

  it('never throws, and whatever it accepts keeps the path exactly as sent', { timeout: 30_000 }, () => {
    const piece = fc.constantFrom(
      '/',
      '//',
      '.',
      '..',
      '%2e',
      '%',
      '%2F',
      '?',
      '\\',
      'a',
      '#',
      '@',
      ':',
      'é',
      '\u{1F600}',
    )
    const target = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 40 }),
      fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')),
    )
    fc.assert(
      fc.property(target, (text) => {
        const reading = readRequestTarget(text, ORIGIN)
        if (!reading.ok) return
        const queryAt = text.indexOf('?')
        expect(reading.url.pathname).toBe(queryAt < 0 ? text : text.slice(0, queryAt))
        expect(reading.url.origin).toBe(ORIGIN)
      }),
      { seed: propertySeed('readRequestTarget'), numRuns: 500 },
    )
  })
})
