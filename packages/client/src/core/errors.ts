import { formatIssue, type ParameterIssue } from '@kaiten-audit/query'
import type { ProblemErrorDetail } from '@kaiten-audit/types'
import { type Redact, redactedExcerpt } from './redact.js'
import { redactDeep, redactOwnFields } from './redact-deep.js'
import { requestIdOf } from './response-headers.js'

/** Which request an error is about. The URL never carries credentials (see `safeUrl`). */
export interface RequestDescription {
  method: string
  url: string
}

interface KaitenErrorInit {
  request?: RequestDescription | undefined
  status?: number | undefined
  requestId?: string | undefined
  cause?: unknown
}

/**
 * The base of every error this package throws. Carries the request's method and URL, the HTTP status and the
 * request id when there was a response, and never the credential: every error is redacted (see `redactError`)
 * before it leaves the package, and `toJSON` lists exactly what is safe to log.
 */
export class KaitenError extends Error {
  override readonly name: string = 'KaitenError'
  readonly method: string | undefined
  readonly url: string | undefined
  readonly status: number | undefined
  readonly requestId: string | undefined

  constructor(message: string, init: KaitenErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    this.method = init.request?.method
    this.url = init.request?.url
    this.status = init.status
    this.requestId = init.requestId
  }

  /** What is safe to log: name, message, method, URL without credentials, status and request id; never the token. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      url: this.url,
      status: this.status,
      requestId: this.requestId,
    }
  }
}

/** A parameter the API would reject, found before any request was sent. */
export class InvalidParameterError extends KaitenError {
  override readonly name: string = 'InvalidParameterError'
  readonly issues: readonly ParameterIssue[]

  constructor(issues: readonly ParameterIssue[], request?: RequestDescription) {
    super(`Invalid parameters, no request sent: ${issues.map(formatIssue).join('; ')}`, { request })
    this.issues = issues
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues }
  }
}

/** The fields of an RFC 9457 problem body, as kaiten.sh sends them (`application/problem+json`). */
export interface ProblemFields {
  type: string | undefined
  title: string | undefined
  detail: string | undefined
  instance: string | undefined
  errors: ProblemErrorDetail[]
}

interface ApiErrorInit {
  request: RequestDescription
  status: number
  statusText: string
  headers: Headers
  /** The body text as received; empty when there was none. */
  bodyText: string
  /** Removes the tokens; applied before anything is parsed or cut short. */
  redact: Redact
  /** Whether the operation's model documents the status; undefined when no operation was known. */
  documented?: boolean | undefined
}

/** The server answered with a status that is not a success. One factory, `ApiError.from`, picks the subclass. */
export class ApiError extends KaitenError {
  override readonly name: string = 'ApiError'
  declare readonly status: number
  readonly headers: Headers
  /** Parsed JSON when the body was JSON, the text otherwise, `undefined` when the response had no body. */
  readonly body: unknown
  /** Set when the body was a problem details object (kaiten.sh). */
  readonly problem: ProblemFields | undefined
  /**
   * Whether the spec documents this status for the operation (false: the server answered outside its contract, a
   * sign of drift worth reporting); undefined when the error was not made for a known operation.
   */
  readonly documented: boolean | undefined

  /** Use `ApiError.from`; the constructor is public for subclasses only. */
  constructor(
    message: string,
    init: Omit<ApiErrorInit, 'redact'> & { body: unknown; problem: ProblemFields | undefined },
  ) {
    super(message, { request: init.request, status: init.status, requestId: requestIdOf(init.headers) })
    this.headers = init.headers
    this.body = init.body
    this.problem = init.problem
    this.documented = init.documented
  }

  get title(): string | undefined {
    return this.problem?.title
  }
  get detail(): string | undefined {
    return this.problem?.detail
  }
  get type(): string | undefined {
    return this.problem?.type
  }
  get instance(): string | undefined {
    return this.problem?.instance
  }
  get errors(): ProblemErrorDetail[] {
    return this.problem?.errors ?? []
  }

  /**
   * Maps any non-success response to its error class. A server may echo the token anywhere (body, headers, status
   * text), so everything is redacted before it is parsed, quoted or cut short.
   */
  static from(init: ApiErrorInit): ApiError {
    const { redact } = init
    const headers = redactDeep(init.headers, redact)
    const bodyText = redact(init.bodyText)
    // Parsed before redaction, so a token spelled with JSON escapes is decoded first and then found in the strings.
    const body = redactDeep(parseBody(init.bodyText, headers), redact)
    const problem = problemFields(body, headers)
    const reason = problem
      ? [problem.title, problem.detail].filter(Boolean).join(': ')
      : redactedExcerpt(bodyText.trim(), 200, redact) || init.statusText
    const errorsText = problem?.errors.length
      ? ` (${problem.errors.map((e) => [e.location, e.message].filter(Boolean).join(' ')).join('; ')})`
      : ''
    const message = `${init.request.method} ${init.request.url} failed with ${init.status}${reason ? ` ${reason}` : ''}${errorsText}`
    const Class = errorClassFor(init.status)
    return redactError(new Class(message, { ...init, headers, bodyText, body, problem }), redact)
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), documented: this.documented, body: this.body }
  }
}

export class BadRequestError extends ApiError {
  override readonly name: string = 'BadRequestError'
}
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError'
}
export class PermissionDeniedError extends ApiError {
  override readonly name: string = 'PermissionDeniedError'
}
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError'
}
export class UnprocessableEntityError extends ApiError {
  override readonly name: string = 'UnprocessableEntityError'
}
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError'
}
export class InternalServerError extends ApiError {
  override readonly name: string = 'InternalServerError'
}

function errorClassFor(status: number): typeof ApiError {
  switch (status) {
    case 400:
      return BadRequestError
    case 401:
      return AuthenticationError
    case 403:
      return PermissionDeniedError
    case 404:
      return NotFoundError
    case 422:
      return UnprocessableEntityError
    case 429:
      return RateLimitError
    default:
      return status >= 500 ? InternalServerError : ApiError
  }
}

function parseBody(text: string, headers: Headers): unknown {
  if (text === '') return undefined
  const contentType = headers.get('content-type') ?? ''
  // kaiten.ru documents errors without a body and elsewhere sends plain text; only trust JSON that parses.
  if (/json/i.test(contentType) || /^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      return text
    }
  }
  return text
}

function problemFields(body: unknown, headers: Headers): ProblemFields | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const record = body as Record<string, unknown>
  const isProblemType = /application\/problem\+json/i.test(headers.get('content-type') ?? '')
  if (!isProblemType && typeof record.title !== 'string') return undefined
  const text = (key: string): string | undefined =>
    typeof record[key] === 'string' ? (record[key] as string) : undefined
  const errors = Array.isArray(record.errors)
    ? record.errors.filter(
        (item): item is ProblemErrorDetail =>
          typeof item === 'object' && item !== null && !Array.isArray(item),
      )
    : []
  return {
    type: text('type'),
    title: text('title'),
    detail: text('detail'),
    instance: text('instance'),
    errors,
  }
}

/** The connection failed: DNS, refused, reset, or the body could not be read. */
export class ConnectionError extends KaitenError {
  override readonly name: string = 'ConnectionError'
}

/** No complete response within the timeout. */
export class TimeoutError extends ConnectionError {
  override readonly name: string = 'TimeoutError'
  readonly timeoutMs: number

  constructor(timeoutMs: number, request?: RequestDescription) {
    super(`${request ? `${request.method} ${request.url} ` : ''}timed out after ${timeoutMs} ms`, { request })
    this.timeoutMs = timeoutMs
  }
}

/** The caller's `AbortSignal` aborted the request, a wait, or an iteration. */
export class RequestAbortedError extends KaitenError {
  override readonly name: string = 'RequestAbortedError'

  /** The error for an aborted `signal`, with the signal's reason as `cause`. */
  static fromSignal(signal: AbortSignal | undefined, request?: RequestDescription): RequestAbortedError {
    const where = request ? `${request.method} ${request.url} ` : ''
    return new RequestAbortedError(`${where}aborted`, { request, cause: signal?.reason })
  }
}

/**
 * The token cannot be sent as a bearer credential (`Authorization: Bearer …`): not a string, empty, or holding a
 * character no bearer token has (a line break, a control character, whitespace, anything outside visible ASCII).
 * Found before any request is sent, and never retried. The message describes the token without quoting it.
 */
export class InvalidTokenError extends KaitenError {
  override readonly name: string = 'InvalidTokenError'
  /** Index of the first character that cannot be sent, when a character is the problem. */
  readonly index: number | undefined

  constructor(message: string, index?: number) {
    super(message)
    this.index = index
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), index: this.index }
  }
}

/** A success response whose body does not match the spec (e.g. an object envelope where an array is documented). */
export class ResponseShapeError extends KaitenError {
  override readonly name: string = 'ResponseShapeError'
  /** Where in the body the mismatch is, e.g. `$[3].id` or `$`. */
  readonly path: string
  readonly expected: string
  readonly actual: string

  constructor(
    mismatch: { path: string; expected: string; actual: string },
    init: { request: RequestDescription; status: number; requestId: string | undefined },
  ) {
    super(
      `${init.request.method} ${init.request.url} returned ${init.status} with a body that does not match the spec: ` +
        `at ${mismatch.path} expected ${mismatch.expected}, got ${mismatch.actual}`,
      init,
    )
    this.path = mismatch.path
    this.expected = mismatch.expected
    this.actual = mismatch.actual
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), path: this.path, expected: this.expected, actual: this.actual }
  }
}

/**
 * `error` with every secret removed from its message, stack, fields and cause chain. An error of this package is
 * redacted in place (it keeps its class and fields); anything else is replaced by a redacted copy.
 */
export function redactError<T>(error: T, redact: Redact): T {
  if (error instanceof KaitenError) return redactOwnFields(error, redact)
  return redactDeep(error, redact)
}
