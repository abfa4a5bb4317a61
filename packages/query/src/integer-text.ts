// Integer query values are judged by their decimal digits, never through Number(): past 2^53 a double no longer holds
// every integer (9007199254740993 reads as 9007199254740992), and a long enough text reads as Infinity. Both APIs give
// such values a meaning (kaiten.ru applies 500 to any larger limit; kaiten.sh names the value it refuses).

const DECIMAL_INTEGER = /^(-?)0*(\d+)$/

/** A decimal integer as its sign and its digits without leading zeros; zero is never negative. */
interface DecimalInteger {
  negative: boolean
  digits: string
}

function decimalOf(text: string): DecimalInteger | null {
  const match = DECIMAL_INTEGER.exec(text)
  if (!match) return null
  const digits = match[2] as string
  return { negative: match[1] === '-' && digits !== '0', digits }
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
function compareDecimal(a: DecimalInteger, b: DecimalInteger): number {
  if (a.negative !== b.negative) return a.negative ? -1 : 1
  // Without leading zeros, the longer digit string is the larger magnitude; equal lengths compare as text.
  const magnitude =
    a.digits.length - b.digits.length || (a.digits < b.digits ? -1 : a.digits > b.digits ? 1 : 0)
  return a.negative ? -magnitude : magnitude
}

/** The text of an integer written in decimal digits, without leading zeros or `-0`; null for any other text. */
export function canonicalIntegerText(text: string): string | null {
  const decimal = decimalOf(text)
  if (decimal === null) return null
  return decimal.negative ? `-${decimal.digits}` : decimal.digits
}

export type IntegerJudgement =
  | { kind: 'not-an-integer' }
  | { kind: 'below' }
  | { kind: 'above' }
  | { kind: 'within'; value: number }

/**
 * Where integer query text falls against inclusive bounds, which must be safe integers. A missing bound is
 * ±(2^53 − 1), so a `within` value is always exact and the caller decides what `below` and `above` mean.
 */
export function judgeIntegerText(
  text: string,
  bounds: { min?: number; max?: number } = {},
): IntegerJudgement {
  const decimal = decimalOf(text)
  if (decimal === null) return { kind: 'not-an-integer' }
  const min = bounds.min ?? -Number.MAX_SAFE_INTEGER
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER
  if (compareDecimal(decimal, decimalOf(String(min)) as DecimalInteger) < 0) return { kind: 'below' }
  if (compareDecimal(decimal, decimalOf(String(max)) as DecimalInteger) > 0) return { kind: 'above' }
  return { kind: 'within', value: Number(decimal.negative ? `-${decimal.digits}` : decimal.digits) }
}

/** One integer query value as a number; null when it is not an integer a double holds exactly. */
export function parseIntegerText(text: string): number | null {
  const judged = judgeIntegerText(text)
  return judged.kind === 'within' ? judged.value : null
}
