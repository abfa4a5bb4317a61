import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Redactor, redactedExcerpt } from '../src/core/redact.js'
import { createRedactor, REDACTED, redactDeep } from '../src/index.js'
import { leakedPieces } from './support/leaks.js'

const TOKEN = 'ksh_Q7v/Zr2+Lp9w/Xt4+Mn8/Hc1='
const redact = createRedactor([TOKEN])

describe('one secret, every spelling', () => {
  const percent = (char: string) =>
    `%${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')}`
  it.each([
    ['raw', TOKEN],
    ['percent-encoded', encodeURIComponent(TOKEN)],
    ['percent-encoded, lower case', 'ksh_Q7v%2fZr2%2bLp9w%2fXt4%2bMn8%2fHc1%3d'],
    ['percent-encoded, mixed case and mixed with raw', 'ksh_Q7v%2fZr2+Lp9w%2FXt4%2BMn8/Hc1%3D'],
    ['every character percent-encoded', [...TOKEN].map(percent).join('')],
    ['percent-encoded twice', encodeURIComponent(encodeURIComponent(TOKEN))],
    ['percent-encoded three times', encodeURIComponent(encodeURIComponent(encodeURIComponent(TOKEN)))],
    ['JSON-escaped solidus', TOKEN.replaceAll('/', '\\/')],
    ['JSON-escaped twice', JSON.stringify(TOKEN.replaceAll('/', '\\/')).slice(1, -1)],
    ['\\u escapes, upper case', [...TOKEN].map((c) => `\\u${percent(c).slice(1).padStart(4, '0')}`).join('')],
    ['\\u escapes, lower case', 'ksh_Q7v\\u002fZr2\\u002bLp9w\\u002fXt4\\u002bMn8\\u002fHc1\\u003d'],
    ['\\u escapes escaped again', 'ksh_Q7v\\\\u002fZr2+Lp9w/Xt4+Mn8/Hc1='],
    ['\\x escapes', 'ksh_Q7v\\x2fZr2\\x2BLp9w/Xt4+Mn8/Hc1='],
    ['a percent-encoded backslash escape', encodeURIComponent(TOKEN.replaceAll('/', '\\/'))],
    ['hex character references', 'ksh_Q7v&#x2F;Zr2&#x2b;Lp9w&#X002F;Xt4+Mn8/Hc1&#x3D;'],
    ['decimal character references', 'ksh_Q7v&#47;Zr2&#43;Lp9w&#0047;Xt4+Mn8/Hc1&#61;'],
    ['named character references', 'ksh_Q7v&sol;Zr2&plus;Lp9w&sol;Xt4+Mn8/Hc1&equals;'],
    ['a character reference escaped for XML', 'ksh_Q7v&amp;#x2F;Zr2+Lp9w/Xt4+Mn8/Hc1='],
    ['a percent-encoded character reference', 'ksh_Q7v%26%23x2F%3BZr2+Lp9w/Xt4+Mn8/Hc1='],
  ])('%s', (_name, spelled) => {
    const text = `Invalid token "${spelled}" (expired)`
    expect(redact(text)).toBe(`Invalid token "${REDACTED}" (expired)`)
  })

  it('replaces every occurrence, whatever its spelling', () => {
    const text = `a ${TOKEN} b ${encodeURIComponent(TOKEN)} c ${TOKEN.replaceAll('/', '\\/')} d`
    expect(redact(text)).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED} d`)
  })

  it('reads a space spelled as form encoding does, for secrets that hold one', () => {
    expect(createRedactor(['open sesame'])('open+sesame open%20sesame open sesame')).toBe(
      `${REDACTED} ${REDACTED} ${REDACTED}`,
    )
  })

  it('leaves text without the secret alone, including parts of it and a changed case', () => {
    for (const text of [TOKEN.slice(0, -1), TOKEN.slice(1), TOKEN.toLowerCase(), TOKEN.replace('/', '%2X')]) {
      expect(redact(`x ${text} y`)).toBe(`x ${text} y`)
    }
  })

  it('does not cut a JSON document that held the secret in a string', () => {
    const body = JSON.stringify({ detail: `token ${TOKEN} rejected`, escaped: TOKEN.replaceAll('/', '\\/') })
    expect(JSON.parse(redact(body))).toEqual({ detail: `token ${REDACTED} rejected`, escaped: REDACTED })
  })
})

describe('the secrets', () => {
  it('replaces a secret that contains another one whole', () => {
    expect(createRedactor(['secret', 'secret-long'])('x secret-long y secret')).toBe(
      `x ${REDACTED} y ${REDACTED}`,
    )
  })

  it('ignores values too short to be tokens, and missing ones', () => {
    expect(createRedactor(['', 'abc', undefined])('abc cd')).toBe('abc cd')
    expect(createRedactor(['abcd'])('abcd cd')).toBe(`${REDACTED} cd`)
  })

  it('learns tokens as they come, so a rotated token stays redacted', () => {
    const redactor = new Redactor()
    expect(redactor.redact(`old ${TOKEN}`)).toBe(`old ${TOKEN}`)
    redactor.add(TOKEN)
    redactor.add('ksh_Bq4/Wn7+Tz3k/Jr6+Ye2/Pd5=')
    expect(redactor.redact(`old ${TOKEN} new ksh_Bq4%2FWn7%2BTz3k%2FJr6%2BYe2%2FPd5%3D`)).toBe(
      `old ${REDACTED} new ${REDACTED}`,
    )
  })

  it('keeps the last 1,000 distinct tokens', () => {
    const redactor = new Redactor()
    const tokens = Array.from({ length: 1001 }, (_, index) => `tok-${String(index).padStart(6, '0')}-rotated`)
    for (const token of tokens) redactor.add(token)
    redactor.add(tokens[1])
    expect(redactor.redact(tokens[0] as string)).toBe(tokens[0])
    expect(redactor.redact(`${tokens[1]} ${tokens[2]} ${tokens[1000]}`)).toBe(
      `${REDACTED} ${REDACTED} ${REDACTED}`,
    )
  })
})

describe('redactedExcerpt', () => {
  it('redacts before it cuts, so no prefix of a secret survives the cut', () => {
    const text = `${'x'.repeat(150)}Bearer ${TOKEN} and more text after it`
    const excerpt = redactedExcerpt(text, 160, redact)
    expect(excerpt).toBe(`${'x'.repeat(150)}Bearer [re…`)
    expect(leakedPieces(excerpt, [TOKEN])).toEqual([])
  })

  it('never ends on half a surrogate pair', () => {
    expect(redactedExcerpt('ab😀cd', 3, redact)).toBe('ab…')
  })
})

describe('redactDeep', () => {
  it('redacts strings at any depth and keeps other values', () => {
    const value = { a: [`x ${TOKEN}`, 1, null], b: { c: TOKEN }, d: true, e: new Map([['k', TOKEN]]) }
    expect(redactDeep(value, redact)).toEqual({
      a: [`x ${REDACTED}`, 1, null],
      b: { c: REDACTED },
      d: true,
      e: new Map([['k', REDACTED]]),
    })
  })

  it('returns the value itself when nothing in it is secret', () => {
    const reason = new DOMException('stopped', 'AbortError')
    const value = { reason, list: [1, 'two'] }
    expect(redactDeep(value, redact)).toBe(value)
    expect(redactDeep(reason, redact)).toBe(reason)
  })

  it('copies errors with their class, cause chain and fields, and cycles', () => {
    const inner = Object.assign(new Error(`socket ${TOKEN}`), { code: 'ECONNRESET' })
    const outer = new TypeError('fetch failed', { cause: new AggregateError([inner], 'connect failed') })
    ;(inner as Error & { outer?: unknown }).outer = outer
    const copy = redactDeep(outer, redact)
    expect(copy).not.toBe(outer)
    expect(copy).toBeInstanceOf(TypeError)
    const aggregate = copy.cause as AggregateError
    expect(aggregate).toBeInstanceOf(AggregateError)
    const innerCopy = aggregate.errors[0] as Error & { code: string; outer: unknown }
    expect(innerCopy.message).toBe(`socket ${REDACTED}`)
    expect(innerCopy.stack).not.toContain(TOKEN)
    expect(innerCopy.code).toBe('ECONNRESET')
    expect(innerCopy.outer).toBe(copy)
    expect(inner.message).toBe(`socket ${TOKEN}`)
  })

  it('turns a DOMException that holds a secret into an Error with its name', () => {
    const copy = redactDeep(new DOMException(`stop ${TOKEN}`, 'AbortError'), redact)
    expect(copy.name).toBe('AbortError')
    expect(copy.message).toBe(`stop ${REDACTED}`)
  })

  it('redacts Headers, and leaves out a header whose name holds the secret', () => {
    const secret = 'abcd1234secret'
    const headers = new Headers({ 'www-authenticate': `Bearer error_description="${secret}"`, 'x-ok': '1' })
    headers.set(`x-${secret}-echo`, 'fine')
    const copy = redactDeep(headers, createRedactor([secret]))
    expect([...copy]).toEqual([
      ['www-authenticate', `Bearer error_description="${REDACTED}"`],
      ['x-ok', '1'],
    ])
  })

  it('reduces a Request to its method, URL and headers', () => {
    const request = new Request(`https://example.kaiten.ru/x?t=${encodeURIComponent(TOKEN)}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    const copy = redactDeep({ request }, redact) as unknown as { request: { url: string; headers: Headers } }
    expect(copy.request.url).toBe(`https://example.kaiten.ru/x?t=${REDACTED}`)
    expect(copy.request.headers.get('authorization')).toBe(`Bearer ${REDACTED}`)
  })
})

describe('any token, spelled any way, inside any text', () => {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31)
  const encoders: Readonly<Record<string, (text: string) => string>> = {
    percent: encodeURIComponent,
    'percent, lower case': (text) =>
      encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
    'JSON string': (text) => JSON.stringify(text).slice(1, -1),
    'JSON solidus': (text) => text.replaceAll('/', '\\/'),
    // Encoders escape punctuation, not letters and digits: the hex digits of an escape are read as they are.
    '\\u': (text) =>
      text.replace(/[^a-z0-9]/gi, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`),
    'character references': (text) =>
      text.replace(/[^a-z0-9]/gi, (c) => `&#x${(c.codePointAt(0) ?? 0).toString(16)};`),
  }

  it(`leaves no piece of ${8} characters (seed ${seed}; FC_SEED replays it)`, () => {
    const visibleAscii = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code))
    fc.assert(
      fc.property(
        fc.array(visibleAscii, { minLength: 8, maxLength: 60 }).map((chars) => chars.join('')),
        fc.array(fc.constantFrom(...Object.keys(encoders)), { maxLength: 3 }),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (token, layers, before, after) => {
          const spelled = layers.reduce((text, layer) => encoders[layer]?.(text) ?? text, token)
          const redacted = createRedactor([token])(`${before}${spelled}${after}`)
          // Pieces that were in the surrounding text to begin with are not leaks.
          const innocent = new Set(leakedPieces(`${before}\u0000${after}`, [token]))
          return leakedPieces(redacted, [token]).every((piece) => innocent.has(piece))
        },
      ),
      { seed, numRuns: 300 },
    )
  }, 60_000)
})
