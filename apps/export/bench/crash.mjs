// Crash benchmark: an export of 100,000 events with events arriving all along, killed with SIGKILL at 20 moments
// chosen by the bytes written, resumed each time. Prints how many events the output holds, lost and duplicated.
// Flags: --events N --kills N --seed N --page-size N
import { parseArgs } from 'node:util'
import { crashRun } from './crash-harness.mjs'

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    'page-size': { type: 'string', default: '500' },
  },
})
const seed = Number(values.seed)
console.log(
  `crash bench: ${values.events} events, ${values.kills} kills, seed ${seed} (replay with --seed ${seed})`,
)
const started = Date.now()
const outcome = await crashRun({
  events: Number(values.events),
  kills: Number(values.kills),
  seed,
  pageSize: Number(values['page-size']),
  timeoutMs: 600_000,
  log: (line) => console.log(`  ${line}`),
})
console.log(
  `events in the store ${outcome.events} (${outcome.inserted} inserted during the runs) · kills ${outcome.kills} · ` +
    `lines written ${outcome.written} · lost ${outcome.lost} · duplicated ${outcome.duplicated} · ` +
    `unexpected ${outcome.unexpected} · partial lines ${outcome.partialLines} · ${((Date.now() - started) / 1000).toFixed(0)} s`,
)
process.exitCode = outcome.lost === 0 && outcome.duplicated === 0 && outcome.partialLines === 0 ? 0 : 1
