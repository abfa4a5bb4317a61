// Passive checks judge what the others recorded, so they run after every check that sends, wherever the catalogue
// declares them; `--only` selects among the checks that send.
import { describe, expect, it } from 'vitest'
import type { CheckDefinition } from '../src/checks/context.js'
import { runOrder } from '../src/runner.js'

const check = (id: string, passive = false): CheckDefinition => ({
  id,
  api: 'kaiten-ru',
  group: passive ? 'invariants' : 'pagination',
  title: id,
  rules: ['RU-31'],
  ...(passive ? { passive: true } : {}),
  run: async () => {},
})

describe('runOrder', () => {
  const declared = [check('a'), check('judge', true), check('b'), check('c')]

  it('runs the passive checks after every check that sends, keeping the declared order otherwise', () => {
    expect(runOrder(declared, undefined).map((item) => item.id)).toEqual(['a', 'b', 'c', 'judge'])
  })

  it('keeps the passive checks when --only selects others', () => {
    expect(runOrder(declared, (id) => id === 'b').map((item) => item.id)).toEqual(['b', 'judge'])
  })
})
