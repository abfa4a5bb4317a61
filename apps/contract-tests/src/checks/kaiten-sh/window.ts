// kaiten.sh's reference window: the sample's closed stretch every filter probe is compared with.
import type { AuditTrailEntry } from '@kaiten-audit/types'
import type { CheckContext } from '../context.js'
import { type ProbedWindow, probedWindow } from '../shared/reference-window.js'
import type { KaitenShTarget } from '../targets.js'
import { kaitenShList, listEntries } from './list.js'

export type KaitenShWindow = ProbedWindow<AuditTrailEntry, { after: string; before: string }>

export function kaitenShWindow(context: CheckContext<KaitenShTarget>): Promise<KaitenShWindow> {
  return probedWindow(
    context,
    kaitenShList,
    (window) => ({ after: window.from, before: window.to }),
    listEntries,
  )
}

export function describeEntry(entry: AuditTrailEntry): string {
  return `${entry.eventName}, ${entry.timestamp}`
}
