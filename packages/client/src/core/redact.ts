// Secrets (the tokens) must not reach any error, log or report. This is the one redactor of the project: the clients
// use it for their errors and the contract run for its reports.
import { beginsEscape, SpellingReader } from './spellings.js'

/** The URL as it may appear in an error or log: user info (`user:pass@`) and fragment removed. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    parsed.hash = ''
    return parsed.href
  } catch {
    return '(invalid URL)'
  }
}

/** What a redacted secret is replaced with in messages, headers and bodies of errors. */
export const REDACTED = '[redacted]'

/** Returns `text` with every secret it holds, in any spelling, replaced by `[redacted]`. */
export type Redact = (text: string) => string

/** Shorter values would redact ordinary words; real tokens are far longer. */
const MIN_SECRET_LENGTH = 4

/**
 * A token function may return a new token on every call; memory stays bounded by forgetting the oldest beyond this
 * many distinct tokens (an hourly rotation takes six weeks to get there).
 */
const MAX_SECRETS = 1000

/**
 * Remembers secrets and redacts them. A server may echo the credential it rejected, raw or encoded (`%2F` or `%2f`,
 * `\/`, `\u002f`, `&#x2F;`, nested), into a body, a header or a status text; every spelling is replaced whole.
 */
export class Redactor {
  /** In the order they were last added, so the oldest is forgotten first. */
  readonly #secrets = new Set<string>()
  /** Rebuilt after a change. */
  #index: SecretIndex | undefined

  constructor(secrets: Iterable<unknown> = []) {
    for (const secret of secrets) this.add(secret)
  }

  /** Remembers `secret`; anything but a string of at least four characters is ignored. */
  add(secret: unknown): void {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return
    if (this.#secrets.delete(secret)) {
      this.#secrets.add(secret)
      return
    }
    this.#secrets.add(secret)
    for (const oldest of this.#secrets) {
      if (this.#secrets.size <= MAX_SECRETS) break
      this.#secrets.delete(oldest)
    }
    this.#index = undefined
  }

  readonly redact: Redact = (text) => {
    if (this.#secrets.size === 0 || text.length < MIN_SECRET_LENGTH) return text
    this.#index ??= indexSecrets(this.#secrets)
    return redactText(text, this.#index)
  }
}

/** A redactor for a fixed set of secrets (`undefined` and short values are ignored). */
export function createRedactor(secrets: Iterable<string | undefined>): Redact {
  return new Redactor(secrets).redact
}

/**
 * At most `max` characters of `text`, redacted first: a token cut in half by the excerpt would otherwise no longer
 * match, and its first half would be printed.
 */
export function redactedExcerpt(text: string, max: number, redact: Redact): string {
  const clean = redact(text)
  if (clean.length <= max) return clean
  // Never end on the first half of a surrogate pair.
  const code = clean.charCodeAt(max - 1)
  const cut = code >= 0xd800 && code <= 0xdbff ? max - 1 : max
  return `${clean.slice(0, cut)}…`
}

interface SecretIndex {
  /** Secrets by their first character. */
  byFirstCharacter: Map<number, string[]>
}

function indexSecrets(secrets: Iterable<string>): SecretIndex {
  const byFirstCharacter = new Map<number, string[]>()
  for (const secret of secrets) {
    const first = secret.charCodeAt(0)
    const list = byFirstCharacter.get(first)
    if (list) list.push(secret)
    else byFirstCharacter.set(first, [secret])
  }
  return { byFirstCharacter }
}

const NONE: readonly string[] = []

function redactText(text: string, { byFirstCharacter }: SecretIndex): string {
  const reader = new SpellingReader(text)
  const failures = new Failures()
  let result = ''
  let copied = 0
  let at = 0
  while (at < text.length) {
    const code = text.charCodeAt(at)
    let end = -1
    if (!beginsEscape(code)) {
      // Most characters can only be themselves.
      for (const secret of byFirstCharacter.get(code) ?? NONE) {
        end = Math.max(end, matchFrom(reader, text, at + 1, secret, 1, failures))
      }
    } else {
      // An escape character may begin a spelling of any character.
      for (const reading of reader.readingsAt(at)) {
        for (const secret of byFirstCharacter.get(reading.code) ?? NONE) {
          end = Math.max(end, matchFrom(reader, text, reading.end, secret, 1, failures))
        }
      }
    }
    // The longest match wins, so a secret that contains another is replaced whole.
    if (end === -1) {
      at++
      continue
    }
    result += text.slice(copied, at) + REDACTED
    copied = end
    at = end
  }
  return copied === 0 ? text : result + text.slice(copied)
}

/**
 * (secret, position, index) triples already known not to continue a match, so that text which can be read several
 * ways (`%25` is `%` or the start of `%25`) cannot make matching exponential. Dropped when large; it only saves work.
 */
class Failures {
  #known = new Map<string, Set<number>>()
  #size = 0

  has(secret: string, key: number): boolean {
    return this.#known.get(secret)?.has(key) ?? false
  }

  add(secret: string, key: number): void {
    if (this.#size >= 65_536) {
      this.#known = new Map()
      this.#size = 0
    }
    let keys = this.#known.get(secret)
    if (!keys) {
      keys = new Set()
      this.#known.set(secret, keys)
    }
    keys.add(key)
    this.#size++
  }
}

/** Where a spelling of `secret` from its `index`-th character on, starting at `at`, ends; -1 when there is none. */
function matchFrom(
  reader: SpellingReader,
  text: string,
  at: number,
  secret: string,
  index: number,
  failures: Failures,
): number {
  let position = at
  let next = index
  // Characters that cannot begin an escape can only be themselves: step over them without branching.
  while (next < secret.length && position < text.length) {
    const code = text.charCodeAt(position)
    if (beginsEscape(code)) break
    if (code !== secret.charCodeAt(next)) return -1
    position++
    next++
  }
  if (next === secret.length) return position
  if (position >= text.length) return -1
  const key = position * (secret.length + 1) + next
  if (failures.has(secret, key)) return -1
  const wanted = secret.charCodeAt(next)
  for (const reading of reader.readingsAt(position)) {
    if (reading.code !== wanted) continue
    const found = matchFrom(reader, text, reading.end, secret, next + 1, failures)
    if (found !== -1) return found
  }
  failures.add(secret, key)
  return -1
}
