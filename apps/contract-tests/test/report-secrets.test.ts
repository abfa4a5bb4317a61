// A server that echoes the token it was sent, ~120 characters into every answer: no piece of a token may reach the
// terminal, JUnit or Markdown report, or the recorded exchanges, in any spelling.

import { LEAK_PIECE, leakedPieces } from '@kaiten-audit/types/testing'
import { describe, expect, it } from 'vitest'
import { INVALID_TOKENS } from '../src/checks/targets.js'
import { RequestBudget } from '../src/http/budget.js'
import { Recorder } from '../src/http/recorder.js'
import { renderJUnit } from '../src/report/junit.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { renderTerminal } from '../src/report/terminal.js'
import { runContract } from '../src/runner.js'

/** Long, and shaped like base64 credentials: `/`, `+` and `=` change under every encoding. */
const TOKENS = {
  shValid: 'ksh_Q7v/Zr2+Lp9w/Xt4+Mn8/Hc1=Vb6+Kd3/Ey7+Gs2/Aw',
  shForbidden: 'ksh_Fm9/Kx2+Gv8s/Lq3+Nw7/Rb4=Tc5+Jh1/Uo6+Pi8/Ze',
  ruValid: 'Bq4/Wn7+Tz3k/Jr6+Ye2/Pd5=Xa8+Cf1/Mg4+Lk9/Sv3+Rd',
  ruForbidden: 'Dj5/Ua8+Ce6h/Vt2+Io9/Sg3=Hy7+Nb2/Qw5+Ep1/Zx4+Kc',
} as const
const SECRETS = Object.values(TOKENS)

const hex = (char: string) => (char.codePointAt(0) ?? 0).toString(16).padStart(2, '0')
const FORMS: Readonly<Record<string, (token: string) => string>> = {
  raw: (token) => token,
  'JSON-escaped': (token) => token.replace(/[/+=]/g, (char) => (char === '/' ? '\\/' : `\\u00${hex(char)}`)),
  'percent-encoded, lower case': (token) => token.replace(/[/+=]/g, (char) => `%${hex(char)}`),
}

/** ~120 characters of explanation, then the token: a 160-character excerpt of the body cuts the token in two. */
const PADDING =
  'The bearer credential presented with this request could not be verified by the audit service. '
    .repeat(2)
    .slice(0, 120)

/** Answers every request with a 401 that quotes the token it was sent, with the token in a header as well. */
function echoingServer(form: (token: string) => string): typeof fetch {
  return async (_input, init) => {
    const authorization = new Headers(init?.headers).get('authorization') ?? ''
    const echoed = form(authorization.replace(/^Bearer /, ''))
    return new Response(`${PADDING} Bearer ${echoed} (expired)`, {
      status: 401,
      headers: {
        'content-type': 'text/plain',
        'www-authenticate': `Bearer error="invalid_token", error_description="${echoed}"`,
      },
    })
  }
}

function leaksIn(outputs: Record<string, string>): string[] {
  return Object.entries(outputs).flatMap(([name, text]) =>
    leakedPieces(text, SECRETS).map((piece) => `${name}: ${piece}`),
  )
}

describe.each(Object.entries(FORMS))('a token echoed %s into a 401 body', (_formName, form) => {
  it(`reaches no report, not even ${LEAK_PIECE} characters of it`, async () => {
    const report = await runContract({
      target: 'live',
      kaitenSh: {
        api: 'kaiten-sh',
        baseUrl: 'https://demo.kaiten.sh',
        instanceSlug: 'acme-production',
        validToken: TOKENS.shValid,
        forbiddenToken: TOKENS.shForbidden,
        invalidToken: INVALID_TOKENS['kaiten-sh'],
      },
      kaitenRu: {
        api: 'kaiten-ru',
        baseUrl: 'https://acme.kaiten.ru/api/latest',
        validToken: TOKENS.ruValid,
        forbiddenToken: TOKENS.ruForbidden,
        invalidToken: INVALID_TOKENS['kaiten-ru'],
      },
      pacing: false,
      rateLimitChecks: false,
      fetch: echoingServer(form),
    })
    const outputs = {
      terminal: renderTerminal(report, { colour: false }),
      junit: renderJUnit(report),
      markdown: renderMarkdown(report),
      'report object': JSON.stringify(report),
    }
    expect(leaksIn(outputs)).toEqual([])
    // The echo reached the findings, so the test proves something.
    expect(outputs.terminal).toContain('Bearer [redacted] (expired)')
  }, 60_000)

  it('is not in what the run records: body, headers and spec violations', async () => {
    const recorder = new Recorder({ budget: new RequestBudget(5), fetch: echoingServer(form) })
    // The 401 answer to the configured token makes the recorder stop the API; the exchange is recorded first.
    const sent = recorder.send(
      {
        api: 'kaiten-ru',
        baseUrl: 'https://acme.kaiten.ru/api/latest',
        validToken: TOKENS.ruValid,
        invalidToken: INVALID_TOKENS['kaiten-ru'],
      },
      'kaiten-ru.list.basic',
      { path: '/audit-logs', specPath: '/audit-logs' },
    )
    await expect(sent).rejects.toThrow(/rejected the configured token/)
    const [exchange] = recorder.exchanges
    if (exchange === undefined) throw new Error('the 401 exchange was not recorded')
    expect(leaksIn({ exchange: JSON.stringify(exchange) })).toEqual([])
    expect(exchange.body).toContain('Bearer [redacted] (expired)')
    expect(exchange.headers['www-authenticate']).toContain('[redacted]')
  })
})
