// RFC 3339 date-times as the checks read and write them. Deliberately not the query package's parser, which the mocks
// filter with: the date and clock go through Date.parse, the fraction is read separately, and a field that rolled
// over (February 30, hour 24) is caught by writing the instant back. A test compares both readings on generated texts.

const SHAPE = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|([+-])(\d{2}):(\d{2}))$/

/** Epoch microseconds of an RFC 3339 date-time (fraction truncated to microseconds), or null when it is not one. */
export function readEpochMicros(text: string): number | null {
  const match = SHAPE.exec(text)
  if (!match) return null
  const [, date = '', clock = '', fraction = '', , sign, zoneHours = '0', zoneMinutes = '0'] = match
  if (Number(zoneHours) > 23 || Number(zoneMinutes) > 59) return null
  const offsetMinutes =
    sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes))
  // Read as UTC, then moved by the offset: Date.parse alone would accept hour 24 and roll it into the next day.
  const wallClockMs = Date.parse(`${date}T${clock}Z`)
  if (Number.isNaN(wallClockMs)) return null
  const wallClock = new Date(wallClockMs).toISOString()
  if (!wallClock.startsWith(`${date}T${clock}`) && !isExpandedYearOf(wallClock, date, clock)) return null
  const micros = Number(fraction.slice(0, 6).padEnd(6, '0'))
  return (wallClockMs - offsetMinutes * 60_000) * 1000 + micros
}

/** toISOString writes years before 0 and after 9999 with six digits and a sign; RFC 3339 years have four. */
function isExpandedYearOf(iso: string, date: string, clock: string): boolean {
  return iso.startsWith('+') && iso.slice(3).startsWith(`${date}T${clock}`)
}

export interface DateTimeForm {
  /** The zone offset to write the instant in, in minutes east of UTC; 0 writes `Z`. */
  offsetMinutes?: number
  /** 0 (no fraction), 3 (milliseconds) or 6 (microseconds). Default 3. */
  fractionDigits?: 0 | 3 | 6
}

/** Writes `micros` (epoch microseconds) as RFC 3339 text; refuses a form that would change the instant. */
export function dateTimeText(
  micros: number,
  { offsetMinutes = 0, fractionDigits = 3 }: DateTimeForm = {},
): string {
  const unit = 10 ** (6 - fractionDigits)
  if (micros % unit !== 0) {
    const what = unit === 1000 ? 'microseconds' : 'a fraction of a second'
    throw new Error(`the instant has ${what}, which ${fractionDigits} fraction digits cannot write`)
  }
  const ms = Math.floor(micros / 1000)
  const wallClock = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19)
  const fraction = String(micros % 1_000_000)
    .padStart(6, '0')
    .slice(0, fractionDigits)
  const zone =
    offsetMinutes === 0
      ? 'Z'
      : `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`
  return `${wallClock}${fractionDigits > 0 ? `.${fraction}` : ''}${zone}`
}
