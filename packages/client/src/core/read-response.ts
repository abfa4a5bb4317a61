import type { RequestDescription } from './errors.js'
import type { Redact } from './redact.js'
import { safeUrl } from './redact.js'

/** What a request is named by in errors: its method and URL. A platform `Request` or a {@link RequestLine}. */
export interface RequestHead {
  readonly method: string
  readonly url: string
}

/**
 * A response whose body the transport read within the attempt's timeout, as text. It is what openapi-fetch
 * receives from the transport, for the helpers and `raw` alike: `text()` and `json()` hand out what was read, so a
 * body crosses the network once and is decoded once; the other body methods serve a copy made from the text.
 */
export class ReadResponse extends Response {
  /** The body as received; empty when there was none. */
  readonly bodyText: string
  /** Removes the client's tokens from anything taken from this response into an error. */
  readonly redact: Redact
  readonly #head: RequestHead
  readonly #received: Response
  #description: RequestDescription | undefined

  constructor(bodyText: string, received: Response, head: RequestHead, redact: Redact) {
    // Neither the body nor the headers are handed to the platform: copying the text into a stream costs more than
    // the rest of the call, and copying the headers sorts them. Both are served from what was received.
    super(null, { status: received.status, statusText: received.statusText })
    this.bodyText = bodyText
    this.redact = redact
    this.#head = head
    this.#received = received
  }

  /** The request this answers, as errors name it: method and URL without credentials. Built when first asked for. */
  get request(): RequestDescription {
    this.#description ??= { method: this.#head.method, url: safeUrl(this.#head.url) }
    return this.#description
  }

  override get url(): string {
    return this.#received.url
  }

  override get headers(): Headers {
    return this.#received.headers
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#copy().body
  }

  override text(): Promise<string> {
    return Promise.resolve(this.bodyText)
  }

  override json(): Promise<unknown> {
    return new Promise((resolve) => resolve(JSON.parse(this.bodyText)))
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#copy().arrayBuffer()
  }

  override blob(): Promise<Blob> {
    return this.#copy().blob()
  }

  override formData(): Promise<FormData> {
    return this.#copy().formData()
  }

  override clone(): ReadResponse {
    return new ReadResponse(this.bodyText, this, this.#head, this.redact)
  }

  /** A platform response holding the text, for the body methods that need one. */
  #copy(): Response {
    return new Response(NULL_BODY_STATUSES.has(this.status) ? null : this.bodyText, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    })
  }
}

/** Statuses whose responses cannot have a body (Fetch standard, "null body status"). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304])
