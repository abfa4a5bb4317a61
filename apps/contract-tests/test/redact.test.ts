import * as client from '@kaiten-audit/client'
import { describe, expect, it } from 'vitest'
import { createRedactor, REDACTED, redactDeep } from '../src/redact.js'

describe('createRedactor', () => {
  it("is the client's: the contract run and the client hide the same spellings", () => {
    expect(createRedactor).toBe(client.createRedactor)
    expect(redactDeep).toBe(client.redactDeep)
  })

  it('replaces a token echoed JSON-escaped or percent-encoded in lower case', () => {
    const redact = createRedactor(['ksh_abc/def+1=x'])
    expect(
      redact('{"detail":"ksh_abc\\/def+1=x"} ksh_abc%2fdef%2b1%3dx ksh_abc\\u002fdef\\u002b1\\u003dx'),
    ).toBe(`{"detail":"${REDACTED}"} ${REDACTED} ${REDACTED}`)
  })

  it('replaces every occurrence of every secret, also URL-encoded', () => {
    const redact = createRedactor(['ksh_abc/def+1', 'token-two', undefined])
    expect(redact('a ksh_abc/def+1 b token-two c ksh_abc%2Fdef%2B1')).toBe(
      `a ${REDACTED} b ${REDACTED} c ${REDACTED}`,
    )
  })

  it('replaces a token that contains another one whole', () => {
    const redact = createRedactor(['secret', 'secret-long'])
    expect(redact('x secret-long y')).toBe(`x ${REDACTED} y`)
  })

  it('ignores values too short to be tokens', () => {
    expect(createRedactor(['', 'ab'])('ab cd')).toBe('ab cd')
  })
})

describe('redactDeep', () => {
  it('redacts strings at any depth and keeps other values', () => {
    const redact = createRedactor(['s3cr3t-token'])
    expect(redactDeep({ a: ['x s3cr3t-token', 1, null], b: { c: 's3cr3t-token' }, d: true }, redact)).toEqual(
      {
        a: [`x ${REDACTED}`, 1, null],
        b: { c: REDACTED },
        d: true,
      },
    )
  })
})
