// Every error class, through every way an error leaves a program, with a token echoed in every spelling a server (or
// a caller) may use and in every place an error carries text: no piece of any token the client has used may show.
import { Console } from 'node:console'
import { Writable } from 'node:stream'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import * as clientModule from '../src/index.js'
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createKaitenRuClient,
  createKaitenShClient,
  InternalServerError,
  InvalidParameterError,
  InvalidTokenError,
  KaitenError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  ResponseShapeError,
  TimeoutError,
  type TokenSource,
  TooManyTiesError,
  UnprocessableEntityError,
} from '../src/index.js'
import { FAST_RETRIES } from './support/clients.js'
import { LEAK_PIECE, leakedPieces, reachableStrings } from './support/leaks.js'

const RU_BASE = 'https://example.kaiten.ru/api/latest'
const SH_BASE = 'https://demo.kaiten.sh'
const SLUG = 'acme-production'

/** Shaped like base64 credentials: `/`, `+` and `=` change under every encoding a server may apply. */
const TOKENS = [
  'ksh_Q7v/Zr2+Lp9w/Xt4+Mn8/Hc1=',
  'ksh_Bq4/Wn7+Tz3k/Jr6+Ye2/Pd5=',
  'ksh_Fm9/Kx2+Gv8s/Lq3+Nw7/Rb4=',
  'ksh_Dj5/Ua8+Ce6h/Vt2+Io9/Sg3=',
] as const

const hex = (char: string) => (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')

/** How a server (or a formatter in between) may spell a token it echoes. */
const FORMS: Readonly<Record<string, (token: string) => string>> = {
  raw: (token) => token,
  'percent-encoded, upper case': encodeURIComponent,
  'percent-encoded, lower case': (token) =>
    encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase()),
  'every character percent-encoded': (token) => [...token].map((char) => `%${hex(char)}`).join(''),
  'percent-encoded twice': (token) => encodeURIComponent(encodeURIComponent(token)),
  'JSON-escaped solidus': (token) => token.replaceAll('/', '\\/'),
  'JSON \\u escapes': (token) =>
    [...token].map((char) => `\\u${hex(char).padStart(4, '0').toLowerCase()}`).join(''),
  'JSON-escaped twice': (token) => JSON.stringify(token.replaceAll('/', '\\/')).slice(1, -1),
  'percent-encoded JSON escapes': (token) => encodeURIComponent(token.replaceAll('/', '\\/')),
  'HTML character references': (token) => token.replace(/[/+=]/g, (char) => `&#x${hex(char)};`),
  'decimal character references': (token) =>
    token.replace(/[/+=]/g, (char) => `&#${char.codePointAt(0) ?? 0};`),
}

type SourceKind = 'a string' | 'a function' | 'a rotating function'
const SOURCES: readonly SourceKind[] = ['a string', 'a function', 'a rotating function']

/** Any of the package's error classes, whatever its constructor takes. */
type ErrorClass = abstract new (...args: never[]) => KaitenError

/** One scenario: what the server (or the caller) does with the tokens, and the error class it must produce. */
interface Scenario {
  name: string
  expected: ErrorClass
  api: 'kaiten.ru' | 'kaiten.sh'
  /** Client options besides the base URL, token and fetch. */
  options?: Partial<clientModule.ClientOptions>
  /** Token sources this scenario applies to; all by default. */
  sources?: readonly SourceKind[]
  /** The server's answer; `echo` is every token it has received, spelled in the form under test. */
  respond?: (echo: string, request: Request) => Response | Promise<Response>
  /** Makes the token function throw after the first call; `echo` is every token it has returned. */
  tokenFailure?: (echo: string) => never
  /** The failing call; `echo` is every token the client has used, in the form under test. */
  fail: (client: Clients, echo: string) => Promise<unknown>
}

interface Clients {
  ru: clientModule.KaitenRuClient
  sh: clientModule.KaitenShClient
}

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } })
const json = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } })

/** Long enough that a 200-character excerpt of the body ends inside the token. */
const PADDING_190 = `Invalid token. ${'The credential could not be verified. '.repeat(5).slice(0, 175)}`

const scenarios: Scenario[] = [
  {
    name: 'a 401 whose text body echoes the token 190 characters in',
    expected: AuthenticationError,
    api: 'kaiten.ru',
    respond: (echo) => text(`${PADDING_190}${echo}`, 401),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'a 401 whose WWW-Authenticate header echoes the token',
    expected: AuthenticationError,
    api: 'kaiten.ru',
    respond: (echo) =>
      new Response(null, {
        status: 401,
        headers: {
          'www-authenticate': `Bearer realm="kaiten", error="invalid_token", error_description="${echo}"`,
        },
      }),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'a 400 whose JSON body echoes the token',
    expected: BadRequestError,
    api: 'kaiten.ru',
    respond: (echo) => json(`{"error":"bad request","token":"${echo}"}`, 400),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'a 403 problem whose title, detail and errors echo the token',
    expected: PermissionDeniedError,
    api: 'kaiten.sh',
    respond: (echo) =>
      json(
        `{"type":"about:blank","title":"Forbidden ${echo}","status":403,"detail":"${echo} lacks read:instances",` +
          `"errors":[{"location":"header.authorization","message":"${echo}","value":"${echo}"}]}`,
        403,
        { 'content-type': 'application/problem+json' },
      ),
    fail: ({ sh }) => sh.listAuditTrails(SLUG),
  },
  {
    name: 'a 404 whose X-Request-Id echoes the token',
    expected: NotFoundError,
    api: 'kaiten.sh',
    respond: (echo) => new Response(null, { status: 404, headers: { 'x-request-id': echo } }),
    fail: ({ sh }) => sh.listAuditTrails(SLUG),
  },
  {
    name: 'a 404 for a slug the caller filled with the token',
    expected: NotFoundError,
    api: 'kaiten.sh',
    respond: () => new Response(null, { status: 404 }),
    fail: ({ sh }, echo) => sh.listAuditTrails(echo),
  },
  {
    name: 'a 409 whose status text echoes the token',
    expected: ApiError,
    api: 'kaiten.ru',
    respond: (echo) => new Response(null, { status: 409, statusText: `Conflict ${echo}` }),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'a 422 problem whose errors[] echo the token',
    expected: UnprocessableEntityError,
    api: 'kaiten.sh',
    respond: (echo) =>
      json(
        `{"title":"Unprocessable Entity","status":422,"errors":[{"location":"${echo}","message":"${echo}"}]}`,
        422,
        { 'content-type': 'application/problem+json' },
      ),
    fail: ({ sh }) => sh.listAuditTrails(SLUG),
  },
  {
    name: 'a 429 whose body and headers echo the token',
    expected: RateLimitError,
    api: 'kaiten.ru',
    options: { maxRetries: 0 },
    respond: (echo) => text(`slow down, ${echo}`, 429, { 'x-echo': echo, 'x-correlation-id': echo }),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'retries exhausted on 503, each answer echoing every token so far',
    expected: InternalServerError,
    api: 'kaiten.ru',
    options: { maxRetries: 2 },
    respond: (echo) => text(`unavailable for ${echo}`, 503),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'an iteration whose second page is a 500 echoing the token',
    expected: InternalServerError,
    api: 'kaiten.ru',
    options: { maxRetries: 0 },
    respond: (echo, request) =>
      new URL(request.url).searchParams.get('offset') === '0'
        ? json(
            JSON.stringify([event(uuid(1), '2026-04-02T10:00:00Z'), event(uuid(2), '2026-04-02T09:00:00Z')]),
            200,
          )
        : text(`${PADDING_190}${echo}`, 500),
    fail: async ({ ru }) => {
      for await (const _ of ru.iterateAuditLogs({ limit: 2 })) {
        // Read until the failing page.
      }
    },
  },
  {
    name: 'a sync over more ties than a checkpoint may hold, from a server that echoes the token in every message',
    expected: TooManyTiesError,
    api: 'kaiten.ru',
    respond: (echo, request) => {
      // Six events at one instant, two per page: more than maxIdsAtInstant (2) can record.
      const offset = Number(new URL(request.url).searchParams.get('offset') ?? '0')
      const events = [0, 1, 2, 3, 4, 5].map((index) => ({
        ...event(uuid(index), '2026-04-02T10:00:00Z'),
        message: `signed in with ${echo}`,
      }))
      return json(JSON.stringify(events.slice(offset, offset + 2)), 200)
    },
    fail: async ({ ru }) => {
      for await (const _ of ru.syncAuditLogs({ limit: 2 }, { maxIdsAtInstant: 2 })) {
        // Read until the sync refuses the instant.
      }
    },
  },
  {
    name: 'a 200 whose body is the string "unauthorized: Bearer <token>"',
    expected: ResponseShapeError,
    api: 'kaiten.ru',
    respond: (echo) => json(JSON.stringify(`unauthorized: Bearer ${echo}`), 200),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'a 200 whose body is a string with the token where a 60-character excerpt cuts it',
    expected: ResponseShapeError,
    api: 'kaiten.ru',
    respond: (echo) => json(JSON.stringify(`unauthorized (request 7f3a9c): Bearer ${echo}`), 200),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'a 200 that is not JSON, whose content type echoes the token',
    expected: ResponseShapeError,
    api: 'kaiten.ru',
    respond: (echo) => text('<html>', 200, { 'content-type': `text/html; token=${echo}` }),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'a 200 whose item field holds the token',
    expected: ResponseShapeError,
    api: 'kaiten.ru',
    respond: (echo) => json(JSON.stringify([event(uuid(1), echo)]), 200),
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'a 200 object whose keys hold the token',
    expected: ResponseShapeError,
    api: 'kaiten.sh',
    respond: (echo) => json(`{"${echo}":1,"items":[]}`, 200),
    fail: ({ sh }) => sh.listAuditTrails(SLUG),
  },
  {
    name: 'a connection error whose cause chain echoes the token',
    expected: ConnectionError,
    api: 'kaiten.ru',
    options: { maxRetries: 0 },
    respond: (echo) => {
      const socket = Object.assign(new Error(`socket closed after sending Bearer ${echo}`), {
        code: 'ECONNRESET',
        sent: { authorization: `Bearer ${echo}` },
      })
      throw new TypeError('fetch failed', { cause: new AggregateError([socket], `connect failed ${echo}`) })
    },
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'a fetch that quotes the header it refused',
    expected: ConnectionError,
    api: 'kaiten.ru',
    options: { maxRetries: 0 },
    respond: (echo) => {
      throw new TypeError(`Headers.set: "Bearer ${echo}" is an invalid header value.`)
    },
    fail: ({ ru }) => ru.listAuditLogs(),
  },
  {
    name: 'the raw client, whose fetch fails holding the request',
    expected: ConnectionError,
    api: 'kaiten.ru',
    options: { maxRetries: 0 },
    respond: (echo, request) => {
      throw new TypeError(`fetch failed: ${echo}`, { cause: { request, headers: request.headers } })
    },
    fail: ({ ru }) => ru.raw.GET('/audit-logs'),
  },
  {
    name: 'a timeout on a request whose query holds the token',
    expected: TimeoutError,
    api: 'kaiten.ru',
    options: { maxRetries: 0, timeoutMs: 5 },
    respond: () => new Promise<Response>(() => {}),
    fail: ({ ru }, echo) => ru.listAuditLogs({ author_uid: echo }),
  },
  {
    name: 'an abort whose reason and query hold the token',
    expected: RequestAbortedError,
    api: 'kaiten.ru',
    respond: () => new Promise<Response>(() => {}),
    fail: ({ ru }, echo) =>
      ru.listAuditLogs({ author_uid: echo }, { signal: AbortSignal.abort(new Error(`stop ${echo}`)) }),
  },
  {
    name: 'a parameter the caller filled with the token',
    expected: InvalidParameterError,
    api: 'kaiten.ru',
    fail: ({ ru }, echo) => ru.listAuditLogs({ from: echo, to: `x${echo}` }),
  },
  {
    name: 'an iteration parameter the caller filled with the token',
    expected: InvalidParameterError,
    api: 'kaiten.sh',
    fail: async ({ sh }, echo) => sh.iterateAuditTrails(SLUG, { after: echo }),
  },
  {
    name: 'a token function that fails quoting the token it returned before',
    expected: KaitenError,
    api: 'kaiten.ru',
    sources: ['a function', 'a rotating function'],
    tokenFailure: (echo) => {
      throw new Error(`refresh failed for ${echo}`, { cause: new Error(`previous: ${echo}`) })
    },
    fail: ({ ru }) => ru.listAuditLogs(),
  },
]

/** A UUID per number, as the spec's `format: uuid` asks of an event id. */
function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
}

function event(id: string, created: string) {
  return {
    id,
    app_name: null,
    company_uid: null,
    author_id: null,
    author_uid: null,
    author_username: null,
    author_remote_address: null,
    author: null,
    category: 'auth',
    action: 'sign_in',
    message: 'signed in',
    details: null,
    created,
  }
}

/** What `console.error(error)` prints. */
function consoleErrorOutput(error: unknown): string {
  let printed = ''
  const sink = new Writable({
    write(chunk, _encoding, done) {
      printed += String(chunk)
      done()
    },
  })
  new Console({ stdout: sink, stderr: sink, colorMode: false }).error(error)
  return printed
}

/** Every way an error leaves a program, and every string reachable from it. */
function outputs(error: unknown): [where: string, text: string][] {
  const asError = error as Error
  return [
    ['message', String(asError.message)],
    ['String()', String(error)],
    ['stack', String(asError.stack)],
    ['JSON.stringify', String(JSON.stringify(error))],
    ['util.inspect', inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })],
    ['console.error', consoleErrorOutput(error)],
    ...reachableStrings(error).map((found): [string, string] => ['a reachable property', found]),
  ]
}

/** Runs one scenario with one form and one token source; returns the error and every token the client used. */
async function produce(
  scenario: Scenario,
  form: (token: string) => string,
  source: SourceKind,
): Promise<{ error: unknown; used: string[] }> {
  const used: string[] = []
  const spell = () => used.map(form).join(' ')
  let warmingUp = true
  const next = (): string => {
    const token = source === 'a rotating function' ? TOKENS[used.length % TOKENS.length] : TOKENS[0]
    if (!used.includes(token as string)) used.push(token as string)
    return token as string
  }
  const token: TokenSource =
    source === 'a string'
      ? next()
      : () => (warmingUp || !scenario.tokenFailure ? next() : scenario.tokenFailure(spell()))
  const received = new Set<string>()
  const fetch = async (request: Request): Promise<Response> => {
    received.add((request.headers.get('authorization') ?? '').replace(/^Bearer /, ''))
    if (warmingUp || !scenario.respond) return json('[]', 200)
    return scenario.respond([...received].map(form).join(' '), request)
  }
  const common = { token, fetch, retryDelay: FAST_RETRIES, ...scenario.options }
  const clients: Clients = {
    ru: createKaitenRuClient({ baseUrl: RU_BASE, rateLimit: false, ...common }),
    sh: createKaitenShClient({ baseUrl: SH_BASE, ...common }),
  }
  // A call that succeeds first, so a rotating source has used one token before the failing call uses the next.
  await (scenario.api === 'kaiten.ru' ? clients.ru.listAuditLogs() : clients.sh.listAuditTrails(SLUG))
  warmingUp = false
  const error = await scenario.fail(clients, spell()).then(
    (result) => (result as { error?: unknown } | undefined)?.error ?? new Error('expected the call to fail'),
    (reason: unknown) => reason,
  )
  return { error, used }
}

describe('no piece of a token leaves the client through an error', () => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
    '%s',
    async (_name, scenario) => {
      const problems: string[] = []
      for (const [formName, form] of Object.entries(FORMS)) {
        for (const source of scenario.sources ?? SOURCES) {
          const { error, used } = await produce(scenario, form, source)
          const where = `${formName}, token as ${source}`
          if (!(error instanceof scenario.expected) || (error as Error).name !== scenario.expected.name) {
            problems.push(`${where}: expected ${scenario.expected.name}, got ${inspect(error)}`)
            continue
          }
          for (const [output, printed] of outputs(error)) {
            const pieces = leakedPieces(printed, used)
            if (pieces.length > 0)
              problems.push(
                `${where}, ${output}: ${pieces.join(' ')} in ${JSON.stringify(printed.slice(0, 300))}`,
              )
          }
        }
      }
      expect(problems.slice(0, 20), `${problems.length} leaks`).toEqual([])
    },
    60_000,
  )

  it('covers every error class the package exports', () => {
    const exported = (Object.values(clientModule) as unknown[]).filter(
      (value): value is ErrorClass & { name: string } =>
        typeof value === 'function' && (value === KaitenError || value.prototype instanceof KaitenError),
    )
    const covered = new Set<unknown>([...scenarios.map((scenario) => scenario.expected), InvalidTokenError])
    expect(exported.filter((Class) => !covered.has(Class)).map((Class) => Class.name)).toEqual([])
  })

  it(`counts a leak of ${LEAK_PIECE} characters, wherever in the token they come from`, () => {
    const token = TOKENS[0]
    expect(leakedPieces(`cut at 160: …${token.slice(0, LEAK_PIECE)}`, [token])).toEqual([
      token.slice(0, LEAK_PIECE),
    ])
    expect(leakedPieces(`…${FORMS['percent-encoded, lower case']?.(token)}`, [token]).length).toBeGreaterThan(
      0,
    )
    expect(leakedPieces(JSON.stringify(token.replaceAll('/', '\\/')), [token]).length).toBeGreaterThan(0)
    expect(leakedPieces(`[redacted] ${token.slice(0, LEAK_PIECE - 1)}`, [token])).toEqual([])
  })
})

describe('a token that cannot be a header value', () => {
  it('never reaches an error: the refusal describes it without quoting it', async () => {
    const bad = `${TOKENS[1]}\n`
    const failures: (() => unknown)[] = [
      () => createKaitenRuClient({ baseUrl: RU_BASE, token: bad }),
      () => createKaitenShClient({ baseUrl: SH_BASE, token: () => bad }).listAuditTrails(SLUG),
    ]
    for (const fail of failures) {
      const error = await Promise.resolve()
        .then(fail)
        .then(
          () => undefined,
          (reason: unknown) => reason,
        )
      expect(error).toBeInstanceOf(InvalidTokenError)
      for (const [output, printed] of outputs(error)) expect(leakedPieces(printed, [bad]), output).toEqual([])
    }
  })
})
