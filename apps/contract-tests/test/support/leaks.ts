// Finds a secret in text however it was spelled. Written independently of the redactor (plain regex decoding,
// applied until nothing changes), so a test does not check the redactor against itself. The client's tests hold the
// same check; a test package cannot import another's test files.

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
