// A project outside the kaiten-audit workspace, using the packages as any team would: installed from a registry
// with npm, compiled with strict tsc, run with node.

import { checkLiveServers } from './live.js'
import { checkTypedOverrides } from './overrides.js'

const ok = (what: string) => process.stdout.write(`  ok ${what}\n`)

if (process.env.KAITEN_SH_BASE_URL) await checkLiveServers(ok)
await checkTypedOverrides(ok)
