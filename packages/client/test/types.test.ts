import type { AuditLogEvent, AuditTrailEntry } from '@kaiten-audit/types'
import { describe, expectTypeOf, it } from 'vitest'
import type { AuditPages, IteratedPage, KaitenRuClient, KaitenShClient } from '../src/index.js'

// Type-level checks: these lines are compiled by `tsc` (typecheck) and never send anything.
describe('types', () => {
  it('types list results and iteration items from the spec', () => {
    expectTypeOf<ReturnType<KaitenShClient['listAuditTrails']>>().toEqualTypeOf<Promise<AuditTrailEntry[]>>()
    expectTypeOf<ReturnType<KaitenRuClient['listAuditLogs']>>().toEqualTypeOf<Promise<AuditLogEvent[]>>()
    expectTypeOf<ReturnType<KaitenRuClient['iterateAuditLogs']>>().toEqualTypeOf<AuditPages<AuditLogEvent>>()
    expectTypeOf<AuditPages<AuditLogEvent>>().toExtend<AsyncIterable<AuditLogEvent>>()
    expectTypeOf<ReturnType<AuditPages<AuditTrailEntry>['pages']>>().toExtend<
      AsyncIterable<IteratedPage<AuditTrailEntry>>
    >()
  })

  it('refuses unknown enum values and iteration offsets at compile time', () => {
    const compileOnly = (ru: KaitenRuClient, sh: KaitenShClient) => {
      // @ts-expect-error 'payroll' is not a kaiten.ru category
      void ru.listAuditLogs({ categories: ['payroll'] })
      // @ts-expect-error iteration manages offsets
      void ru.iterateAuditLogs({ offset: 10 })
      // @ts-expect-error the instance slug is required
      void sh.listAuditTrails()
      void ru.listAuditLogs({
        categories: ['auth'],
        actions: ['sign_in_fail'],
        from: new Date(),
        limit: 1000,
      })
    }
    expectTypeOf(compileOnly).toBeFunction()
  })
})
