// Checks are declared once: each names the rules it closes, and every rule of both APIs has a check, every check a
// broken variant of the mocks that it catches.
import { describe, expect, it } from 'vitest'
import { allChecks } from '../src/checks/index.js'
import { allRules } from '../src/rules/index.js'
import { variants } from './support/variants.js'

/**
 * Probeable rules that no check closes yet. The list may only shrink: a rule that gains a check must leave it, and a
 * rule may not silently lose its check.
 */
const AWAITING_A_CHECK: string[] = []

describe('the check catalogue', () => {
  it('declares each check once, with an id made of its API, its group and a name', () => {
    const ids = allChecks.map((check) => check.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const check of allChecks) {
      const [api, group] = check.id.split('.')
      expect({ id: check.id, api, group }).toEqual({ id: check.id, api: check.api, group: check.group })
    }
  })

  it('names, for each check, at least one known rule of its own API', () => {
    const rules = new Map(allRules.map((rule) => [rule.id, rule]))
    for (const check of allChecks) {
      expect(check.rules.length, check.id).toBeGreaterThan(0)
      for (const id of check.rules) {
        expect(rules.get(id)?.api, `${check.id} names ${id}`).toBe(check.api)
      }
    }
  })

  it('closes every probeable rule with a check, except those listed as awaiting one', () => {
    const closed = new Set(allChecks.flatMap((check) => check.rules))
    const open = allRules
      .filter((rule) => rule.notProbeable === undefined && !closed.has(rule.id))
      .map((rule) => rule.id)
    expect(open).toEqual(AWAITING_A_CHECK)
  })

  it('gives every rule a unique id and its API a prefix (SH- for kaiten.sh, RU- for kaiten.ru)', () => {
    const ids = allRules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of allRules) expect(rule.id.slice(0, 3)).toBe(rule.api === 'kaiten-sh' ? 'SH-' : 'RU-')
  })

  it('has a broken variant of the mocks for every check, and every variant aims at a known check', () => {
    const ids = new Set(allChecks.map((check) => check.id))
    for (const variant of variants) expect(ids, variant.name).toContain(variant.caughtBy)
    const caught = new Set(variants.map((variant) => variant.caughtBy))
    expect(allChecks.map((check) => check.id).filter((id) => !caught.has(id))).toEqual([])
  })
})
