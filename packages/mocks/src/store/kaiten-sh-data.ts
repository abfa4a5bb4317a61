// What a generated kaiten.sh audit trail contains: the documented event names with their statuses and payloads.

import type { AuditTrailStatus, KnownEventName } from '@kaiten-audit/types'
import type { Random } from '../random.js'

/** docs.kaiten.sh/docs/guides/audit-trail: each tracked event and the status it is recorded with. */
export const STATUS_BY_EVENT_NAME: Readonly<Record<KnownEventName, AuditTrailStatus>> = {
  'kaiten.v1.entitlement.value.get': 'ACCEPTED',
  'kaiten.v1.entitlement.usage.report.accepted': 'ACCEPTED',
  'kaiten.v1.entitlement.usage.report.rejected': 'REJECTED',
  'kaiten.v1.feature_flag.evaluate': 'ACCEPTED',
}

/** How often each event shows up: reads and flag evaluations dominate, rejections are rare. */
export const EVENT_NAME_WEIGHTS: readonly (readonly [KnownEventName, number])[] = [
  ['kaiten.v1.entitlement.value.get', 40],
  ['kaiten.v1.feature_flag.evaluate', 35],
  ['kaiten.v1.entitlement.usage.report.accepted', 20],
  ['kaiten.v1.entitlement.usage.report.rejected', 5],
]

export const INSTANCE_SLUGS = [
  'acme-production',
  'acme-staging',
  'globex-production',
  'initech-eu',
  'umbrella-sandbox',
  'hooli-production',
] as const

const ENTITLEMENTS = ['seats', 'projects', 'api_calls', 'storage_gb', 'sso'] as const
const FLAGS = ['new-dashboard', 'bulk-export', 'ai-summaries', 'dark-mode', 'audit-retention-365'] as const

/** A payload shaped like the guide's examples for each event; flag evaluations sometimes carry none. */
export function payloadFor(eventName: string, random: Random): unknown {
  const entitlement = random.pick(ENTITLEMENTS)
  switch (eventName) {
    case 'kaiten.v1.entitlement.value.get':
      return { entitlement, value: entitlement === 'sso' ? random.chance(0.5) : random.int(1, 500) }
    case 'kaiten.v1.entitlement.usage.report.accepted': {
      const limit = random.int(10, 500)
      return { entitlement, usage: random.int(0, limit), limit }
    }
    case 'kaiten.v1.entitlement.usage.report.rejected': {
      const limit = random.int(10, 500)
      return { entitlement, requested: limit + random.int(1, 50), limit }
    }
    case 'kaiten.v1.feature_flag.evaluate':
      if (random.chance(0.1)) return null
      return { flag: random.pick(FLAGS), value: random.chance(0.7), userId: `user-${random.int(1, 250)}` }
    default:
      return null
  }
}
