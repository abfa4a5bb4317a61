// kaiten.ru's reference window: the sample's closed stretch every filter probe is compared with.
import type { AuditLogEvent } from '@kaiten-audit/types'
import type { CheckContext } from '../context.js'
import { type ProbedWindow, probedWindow } from '../shared/reference-window.js'
import type { KaitenRuTarget } from '../targets.js'
import { kaitenRuList, listEvents } from './list.js'

export type KaitenRuWindow = ProbedWindow<AuditLogEvent, { from: string; to: string }>

export function kaitenRuWindow(context: CheckContext<KaitenRuTarget>): Promise<KaitenRuWindow> {
  return probedWindow(context, kaitenRuList, (window) => ({ from: window.from, to: window.to }), listEvents)
}

export function describeEvent(event: AuditLogEvent): string {
  return `${event.category}/${event.action}, author_id ${event.author_id ?? 'null'}, created ${event.created}`
}
