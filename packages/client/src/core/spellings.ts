// How a character may be spelled in text that a server, a proxy or a formatter produced: as itself, percent-encoded
// (either case, and nested: `%2F`, `%2f`, `%252F`), backslash-escaped (`\/`, `\\\/`, `\u002f`, `\x2f`, with the
// backslash itself encoded: `%5C%2F`), as an HTML/XML character reference (`&#x2F;`, `&#47;`, `&sol;`, also
// encoded: `&amp;#x2F;`, `%26%23x2F%3B`), or `+` for a space (form encoding). A server that echoes a rejected token
// may use any of these. The hex and decimal digits of an escape are read as they are.

/** Layers of escaping looked through: a JSON string inside JSON inside a percent-encoded query is three. */
export const MAX_ESCAPE_LAYERS = 3

const BACKSLASH = 0x5c
const PERCENT = 0x25
const AMPERSAND = 0x26
const PLUS = 0x2b
const SPACE = 0x20
const SEMICOLON = 0x3b
const HASH = 0x23

/** Names of the character references for the punctuation tokens are made of. */
const NAMED_REFERENCES: Readonly<Record<string, number>> = {
  amp: 0x26,
  lt: 0x3c,
  gt: 0x3e,
  quot: 0x22,
  apos: 0x27,
  sol: 0x2f,
  bsol: 0x5c,
  plus: 0x2b,
  equals: 0x3d,
  percnt: 0x25,
  num: 0x23,
  lowbar: 0x5f,
  period: 0x2e,
  hyphen: 0x2d,
  colon: 0x3a,
  semi: 0x3b,
  tilde: 0x7e,
}

/** True for the characters an escaped spelling can begin with; every other character can only be itself. */
export function beginsEscape(code: number): boolean {
  return code === BACKSLASH || code === PERCENT || code === AMPERSAND || code === PLUS
}

/** One way to read the text at a position: the UTF-16 code unit it spells, and where that spelling ends. */
export interface Reading {
  readonly code: number
  readonly end: number
}

/**
 * Readings are remembered in a fixed table indexed by position and layer count: a reading needs only the few
 * positions after it, so a small table catches the repeats; a clash just costs a recomputation.
 */
const MAX_REMEMBERED_SLOTS = 1 << 14

const NOTHING: readonly Reading[] = []

/**
 * Reads one text. Each position is read once per layer count: a run of escape characters (hostile input) costs
 * linear time rather than a recursion per secret and per candidate.
 */
export class SpellingReader {
  readonly #text: string
  /** Made when first needed: most texts have no escape worth remembering, and most are short. */
  #slots: { keys: Float64Array; readings: (readonly Reading[] | undefined)[]; mask: number } | undefined

  constructor(text: string) {
    this.#text = text
  }

  #table() {
    if (!this.#slots) {
      let size = 16
      while (size < MAX_REMEMBERED_SLOTS && size < this.#text.length * (MAX_ESCAPE_LAYERS + 1)) size *= 2
      this.#slots = { keys: new Float64Array(size).fill(-1), readings: new Array(size), mask: size - 1 }
    }
    return this.#slots
  }

  /** Every character the text at `at` spells through at most `layers` layers of escaping, with where it ends. */
  readingsAt(at: number, layers: number = MAX_ESCAPE_LAYERS): readonly Reading[] {
    const text = this.#text
    if (at >= text.length) return NOTHING
    const first = text.charCodeAt(at)
    if (layers === 0 || !beginsEscape(first) || !mayBeEscaped(text, at, first))
      return [{ code: first, end: at + 1 }]
    // A plus sign can spell a space, and nothing that begins another escape.
    if (first === PLUS)
      return [
        { code: first, end: at + 1 },
        { code: SPACE, end: at + 1 },
      ]
    const table = this.#table()
    const key = at * (MAX_ESCAPE_LAYERS + 1) + layers
    const slot = key & table.mask
    if (table.keys[slot] === key) return table.readings[slot] as readonly Reading[]
    // One more layer reads everything one layer fewer reads, and escapes whose parts are read with one layer fewer.
    const inner = layers - 1
    const lower = this.readingsAt(at, inner)
    const readings = lower.slice()
    for (const start of lower) {
      if (start.code === PERCENT) this.#afterPercent(start.end, inner, readings)
      else if (start.code === BACKSLASH) this.#afterBackslash(start.end, inner, readings)
      else if (start.code === AMPERSAND) this.#afterAmpersand(start.end, inner, readings)
    }
    table.keys[slot] = key
    table.readings[slot] = readings
    return readings
  }

  /** After a `%`: `XX` (a byte: ASCII, Latin-1, or the lead of a UTF-8 sequence of `%XX`), or `uXXXX`. */
  #afterPercent(at: number, layers: number, readings: Reading[]): void {
    const text = this.#text
    if (text[at] === 'u' || text[at] === 'U') addHex(readings, text, at + 1, 4)
    const lead = hexValue(text, at, 2)
    if (lead === -1) return
    addReading(readings, lead, at + 2)
    const continuations = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : 0
    let partial: Reading[] = [{ code: lead & (continuations === 1 ? 0x1f : 0x0f), end: at + 2 }]
    for (let step = 0; step < continuations; step++) {
      const next: Reading[] = []
      for (const { code, end } of partial) {
        for (const percent of this.readingsAt(end, layers)) {
          if (percent.code !== PERCENT) continue
          const byte = hexValue(text, percent.end, 2)
          if (byte >= 0x80 && byte <= 0xbf)
            next.push({ code: (code << 6) | (byte & 0x3f), end: percent.end + 2 })
        }
      }
      partial = next
    }
    if (continuations > 0) for (const { code, end } of partial) addReading(readings, code, end)
  }

  /** After a `\`: `uXXXX`, `xXX`, or any character (itself possibly escaped). */
  #afterBackslash(at: number, layers: number, readings: Reading[]): void {
    const text = this.#text
    const marker = text[at]
    if (marker === 'u' || marker === 'U') addHex(readings, text, at + 1, 4)
    if (marker === 'x' || marker === 'X') addHex(readings, text, at + 1, 2)
    for (const { code, end } of this.readingsAt(at, layers)) addReading(readings, code, end)
  }

  /** After an `&`: `#x2F;`, `#47;` or `sol;`, the `#` and `;` possibly escaped too. */
  #afterAmpersand(at: number, layers: number, readings: Reading[]): void {
    const text = this.#text
    for (const hash of this.readingsAt(at, layers)) {
      if (hash.code !== HASH) continue
      const isHex = text[hash.end] === 'x' || text[hash.end] === 'X'
      const digitsStart = hash.end + (isHex ? 1 : 0)
      let digitsEnd = digitsStart
      // Leading zeros are allowed; eight digits are plenty for any character.
      while (digitsEnd - digitsStart < 8 && isDigit(text.charCodeAt(digitsEnd), isHex)) digitsEnd++
      if (digitsEnd === digitsStart) continue
      const code = Number.parseInt(text.slice(digitsStart, digitsEnd), isHex ? 16 : 10)
      if (code <= 0xffff) this.#addBeforeSemicolon(digitsEnd, layers, code, readings)
    }
    let nameEnd = at
    while (nameEnd - at < 8 && isLetter(text.charCodeAt(nameEnd))) nameEnd++
    const code = NAMED_REFERENCES[text.slice(at, nameEnd).toLowerCase()]
    if (code !== undefined) this.#addBeforeSemicolon(nameEnd, layers, code, readings)
  }

  #addBeforeSemicolon(at: number, layers: number, code: number, readings: Reading[]): void {
    for (const semicolon of this.readingsAt(at, layers)) {
      if (semicolon.code === SEMICOLON) addReading(readings, code, semicolon.end)
    }
  }
}

/** A run of backslashes can be read many ways that end alike; each distinct reading is kept once. */
function addReading(readings: Reading[], code: number, end: number): void {
  for (const known of readings) if (known.code === code && known.end === end) return
  readings.push({ code, end })
}

/**
 * False when the escape character at `at` cannot begin an escape, judged by what follows it: a `%` needs hex digits
 * or `u`; an `&` needs `#` or a name, and a `;` (or the start of an escaped one) soon after. Ordinary text full of
 * `&` and `%` stays cheap.
 */
function mayBeEscaped(text: string, at: number, first: number): boolean {
  const next = text.charCodeAt(at + 1)
  if (first === PERCENT) return isDigit(next, true) || next === 0x75 || next === 0x55
  if (first !== AMPERSAND) return true
  if (next !== HASH && !isLetter(next) && next !== PERCENT && next !== BACKSLASH && next !== AMPERSAND)
    return false
  for (let index = at + 1; index < at + 14 && index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === SEMICOLON || code === PERCENT || code === BACKSLASH) return true
  }
  return false
}

function addHex(readings: Reading[], text: string, at: number, length: number): void {
  const code = hexValue(text, at, length)
  if (code !== -1) addReading(readings, code, at + length)
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

function isDigit(code: number, hex: boolean): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (hex && ((code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66)))
  )
}

/** The value of `length` hex digits at `at`, either case; -1 when they are not all hex digits. */
function hexValue(text: string, at: number, length: number): number {
  let value = 0
  for (let index = at; index < at + length; index++) {
    const code = text.charCodeAt(index)
    if (!isDigit(code, true)) return -1
    value = value * 16 + (code <= 0x39 ? code - 0x30 : (code | 0x20) - 0x57)
  }
  return value
}
