import { propertySeed } from '@kaiten-audit/types/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkInstanceSlug,
  formatIssue,
  isWellFormedText,
  toKaitenRuSearchParams,
  toKaitenShSearchParams,
} from '../src/index.js'

const seed = propertySeed('well-formed')

/** Text mixing any code points with surrogate halves, which may or may not end up paired. */
const anyUtf16 = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  ),
  maxLength: 12,
})

describe('well-formed text', () => {
  it('agrees with String.prototype.isWellFormed', () => {
    const native = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    fc.assert(
      fc.property(anyUtf16, (text) => {
        expect(isWellFormedText(text)).toBe(native(text))
      }),
      { seed },
    )
  })

  it('every string parameter with an unpaired surrogate is refused, never rendered as U+FFFD', () => {
    fc.assert(
      fc.property(anyUtf16, (text) => {
        const rendered = [
          toKaitenShSearchParams({ event_name: text }),
          toKaitenShSearchParams({ after: text }),
          toKaitenRuSearchParams({ author_uid: text }),
          toKaitenRuSearchParams({ id: text }),
          toKaitenRuSearchParams({ categories: ['auth', text] as never }),
        ]
        for (const result of rendered) {
          if (result.ok) expect(result.value.toString()).not.toContain('%EF%BF%BD')
          else if (!isWellFormedText(text))
            expect(formatIssue(result.issues[0]!)).toContain('well-formed Unicode')
        }
        if (!isWellFormedText(text)) expect(checkInstanceSlug(text)?.allowed).toMatch(/well-formed Unicode/)
      }),
      { seed },
    )
  })

  it('shows the value escaped, so the message stays printable', () => {
    const result = toKaitenShSearchParams({ event_name: 'a\uD800' })
    expect(result.ok ? '' : formatIssue(result.issues[0]!)).toBe(
      'event_name: "a\\ud800" is not allowed; allowed: well-formed Unicode text (an unpaired surrogate such as \\uD800 cannot be sent: a URL would carry U+FFFD instead)',
    )
  })
})
