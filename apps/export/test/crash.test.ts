// SIGKILL at moments chosen by the bytes written, resumed each time, with events arriving all along: the output ends
// with every event exactly once and no partial line. No verdict depends on timing: wherever a kill lands, the
// outcome must be the same.
import { describe, expect, it } from 'vitest'
import { crashRun } from '../bench/crash-harness.mjs'

const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31)
console.log(`crash test: seed ${seed} (replay with CRASH_SEED=${seed})`)

describe('an export killed with SIGKILL and resumed', () => {
  it('ends with every event exactly once and no partial line', async () => {
    const outcome = await crashRun({
      events: 3000,
      kills: 5,
      seed,
      pageSize: 100,
      log: (line) => console.log(line),
    })
    expect(outcome.kills).toBe(5)
    expect(outcome).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0, partialLines: 0 })
    expect(outcome.written).toBe(outcome.events)
    expect(outcome.inserted).toBeGreaterThan(0)
  }, 300_000)
})
