import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createKaitenRuStore } from '../../src/store/kaiten-ru.js'
import { createKaitenShStore } from '../../src/store/kaiten-sh.js'

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16)

// Users' tests depend on the seeded data. Generation uses only integer and multiplication arithmetic, so these digests
// are the same on every machine; a change here changes what every consumer's tests see, and must be deliberate.
describe('seeded data fingerprint', () => {
  it('is stable for the default kaiten.sh store', () => {
    const store = createKaitenShStore()
    expect(digest(store.instances().map((instance) => store.entries(instance.slug)))).toMatchInlineSnapshot(
      `"a9f54ed5562881eb"`,
    )
  })

  it('is stable for the default kaiten.ru store', () => {
    expect(digest(createKaitenRuStore().events())).toMatchInlineSnapshot(`"856eefc973dabc2c"`)
  })
})

describe('stored items', () => {
  it('are frozen all the way down', () => {
    const entry = createKaitenShStore()
      .entries('acme-production')
      .find((candidate) => candidate.payload !== null)!
    expect(Object.isFrozen(entry.payload)).toBe(true)
    const event = createKaitenRuStore()
      .events()
      .find((candidate) => candidate.author !== null)!
    expect(Object.isFrozen(event.author)).toBe(true)
  })
})
