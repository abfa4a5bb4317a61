// Type-level pins on the generated shapes that the client and mocks rely on.
import { describe, expectTypeOf, it } from 'vitest'
import type {
  AuditLogAction,
  AuditLogCategory,
  AuditLogEvent,
  AuditLogsQuery,
  AuditTrailEntry,
  AuditTrailsQuery,
  KaitenRuOperations,
  KaitenShOperations,
  ProblemDetails,
} from '../src/index.js'
import { auditLogCategoryValues } from '../src/index.js'

describe('kaiten.sh types', () => {
  it('query parameters', () => {
    expectTypeOf<AuditTrailsQuery>().toEqualTypeOf<{
      event_name?: string
      after?: string
      before?: string
      limit?: number
      offset?: number
    }>()
  })

  it('entries', () => {
    expectTypeOf<AuditTrailEntry['id']>().toEqualTypeOf<number>()
    expectTypeOf<AuditTrailEntry['status']>().toEqualTypeOf<'ACCEPTED' | 'REJECTED'>()
    expectTypeOf<AuditTrailEntry['payload']>().toEqualTypeOf<unknown>()
  })

  it('every error response is ProblemDetails as application/problem+json', () => {
    type Responses = KaitenShOperations['getAuditTrails']['responses']
    expectTypeOf<Responses[400]['content']['application/problem+json']>().toEqualTypeOf<ProblemDetails>()
    expectTypeOf<Responses[401]['content']['application/problem+json']>().toEqualTypeOf<ProblemDetails>()
    expectTypeOf<Responses[403]['content']['application/problem+json']>().toEqualTypeOf<ProblemDetails>()
    expectTypeOf<Responses[404]['content']['application/problem+json']>().toEqualTypeOf<ProblemDetails>()
    expectTypeOf<Responses[422]['content']['application/problem+json']>().toEqualTypeOf<ProblemDetails>()
    expectTypeOf<Responses[500]['content']['application/problem+json']>().toEqualTypeOf<ProblemDetails>()
    expectTypeOf<ProblemDetails['status']>().toEqualTypeOf<number>()
  })
})

describe('kaiten.ru types', () => {
  it('categories and actions are arrays of their enums', () => {
    expectTypeOf<AuditLogsQuery['categories']>().toEqualTypeOf<AuditLogCategory[] | undefined>()
    expectTypeOf<AuditLogsQuery['actions']>().toEqualTypeOf<AuditLogAction[] | undefined>()
    expectTypeOf<'auth'>().toExtend<AuditLogCategory>()
    expectTypeOf<'not_a_category'>().not.toExtend<AuditLogCategory>()
    expectTypeOf(auditLogCategoryValues).toEqualTypeOf<readonly AuditLogCategory[]>()
  })

  it('other query parameters', () => {
    expectTypeOf<AuditLogsQuery['from']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<AuditLogsQuery['author_id']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<AuditLogsQuery['limit']>().toEqualTypeOf<number | undefined>()
  })

  it('400, 401 and 403 have no content', () => {
    type Responses = KaitenRuOperations['retrieveAuditLogEvents']['responses']
    expectTypeOf<Required<Responses[400]>['content']>().toBeNever()
    expectTypeOf<Required<Responses[401]>['content']>().toBeNever()
    expectTypeOf<Required<Responses[403]>['content']>().toBeNever()
  })

  it('events: nullable author, open category and action', () => {
    expectTypeOf<AuditLogEvent['author']>().toExtend<object | null>()
    expectTypeOf<null>().toExtend<AuditLogEvent['author']>()
    expectTypeOf<'some_future_category'>().toExtend<AuditLogEvent['category']>()
    expectTypeOf<AuditLogEvent['details']>().toEqualTypeOf<{ [key: string]: unknown } | null>()
  })
})
