// Finds a secret in text however it was spelled. Written independently of the client's redactor (plain regex
// decoding, applied until nothing changes), so a test does not check the redactor against itself; it lives here, in
// the package every other one depends on, so the client, the contract run and the export share one detector.

/** The shortest piece of a token that counts as a leak: a prefix or suffix cut off by a truncation counts too. */
export const LEAK_PIECE = 8

const PERCENT = /%([0-9a-f]{2})/gi
const BACKSLASH = /\\(?:u([0-9a-f]{4})|x([0-9a-f]{2})|([\s\S]))/gi
const REFERENCE = /&#x([0-9a-f]+);|&#(\d+);|&(amp|lt|gt|quot|apos|sol|plus|equals|bsol|percnt);/gi
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  plus: '+',
  equals: '=',
  bsol: '\\',
  percnt: '%',
}

function decodeOnce(text: string): string {
  return text
    .replace(PERCENT, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(BACKSLASH, (_, u?: string, x?: string, char?: string) =>
      u !== undefined || x !== undefined
        ? String.fromCharCode(Number.parseInt(u ?? x ?? '', 16))
        : (char ?? ''),
    )
    .replace(REFERENCE, (_, hex?: string, decimal?: string, name?: string) =>
      hex !== undefined
        ? String.fromCodePoint(Number.parseInt(hex, 16))
        : decimal !== undefined
          ? String.fromCodePoint(Number.parseInt(decimal, 10))
          : (NAMED[(name ?? '').toLowerCase()] ?? ''),
    )
}

/** The text, then the text decoded once, twice, … until decoding changes nothing. */
function views(text: string): string[] {
  const all = [text]
  let current = text
  for (let round = 0; round < 8; round++) {
    const next = decodeOnce(current)
    if (next === current) break
    all.push(next)
    current = next
  }
  return all
}

/** Every piece of `LEAK_PIECE` characters of any secret that `text` holds, in any spelling. */
export function leakedPieces(text: string, secrets: readonly string[]): string[] {
  const decoded = views(text)
  const found = new Set<string>()
  for (const secret of secrets) {
    for (let start = 0; start + LEAK_PIECE <= secret.length; start++) {
      const piece = secret.slice(start, start + LEAK_PIECE)
      if (decoded.some((view) => view.includes(piece))) found.add(piece)
    }
  }
  return [...found]
}

/** Every string reachable from `value`: own properties (hidden ones too), Headers, Maps, Sets and arrays. */
export function reachableStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value]
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value))
    return []
  seen.add(value)
  const strings: string[] = []
  if (value instanceof Headers) {
    for (const [name, headerValue] of value) strings.push(name, headerValue)
  }
  if (value instanceof Map || value instanceof Set) {
    for (const entry of value) strings.push(...reachableStrings(entry, seen))
  }
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string') strings.push(key)
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    if (descriptor && 'value' in descriptor) strings.push(...reachableStrings(descriptor.value, seen))
  }
  return strings
}
