// Every check, per API, in the order a run executes them. Schema and drift come last: they read every response.
import type { CheckDefinition } from './context.js'
import { driftCheck } from './drift/drift-check.js'
import { detectKaitenRuDrift } from './drift/kaiten-ru.js'
import { detectKaitenShDrift } from './drift/kaiten-sh.js'
import * as ruAccess from './kaiten-ru/access.js'
import * as ruErrors from './kaiten-ru/errors.js'
import * as ruFilters from './kaiten-ru/filters.js'
import * as ruLimits from './kaiten-ru/limits.js'
import { kaitenRuList } from './kaiten-ru/list.js'
import { rateLimitCheck } from './kaiten-ru/rate-limit.js'
import * as shAccess from './kaiten-sh/access.js'
import * as shErrors from './kaiten-sh/errors.js'
import * as shEventName from './kaiten-sh/event-name.js'
import * as shLimits from './kaiten-sh/limits.js'
import { kaitenShList } from './kaiten-sh/list.js'
import * as shRecorded from './kaiten-sh/recorded-entries.js'
import { schemaCheck } from './schema.js'
import {
  noGapsNoOverlapsCheck,
  offsetPastEndCheck,
  orderCheck,
  timeWindowCheck,
} from './shared/pagination.js'
import type { KaitenRuTarget, KaitenShTarget } from './targets.js'

export const kaitenShChecks: readonly CheckDefinition<KaitenShTarget>[] = [
  noGapsNoOverlapsCheck(kaitenShList),
  orderCheck(kaitenShList),
  shLimits.limitAndDefaultCheck,
  shLimits.limitBoundsCheck,
  shLimits.offsetBoundsCheck,
  offsetPastEndCheck(kaitenShList),
  shEventName.eventNameCheck,
  shEventName.openEventNamesCheck,
  timeWindowCheck(kaitenShList, { from: 'after', to: 'before' }),
  shErrors.malformedTimestampCheck,
  shErrors.missingTokenCheck,
  shErrors.invalidTokenCheck,
  shErrors.forbiddenTokenCheck,
  shErrors.unknownInstanceCheck,
  shErrors.constraintViolationCheck,
  shAccess.bearerSchemeCaseCheck,
  // Judged over every page the checks above recorded.
  shRecorded.instanceOfEveryEntryCheck,
  shRecorded.statusFollowsGuideCheck,
  schemaCheck<KaitenShTarget>('kaiten-sh'),
  driftCheck<KaitenShTarget>('kaiten-sh', detectKaitenShDrift),
]

export const kaitenRuChecks: readonly CheckDefinition<KaitenRuTarget>[] = [
  noGapsNoOverlapsCheck(kaitenRuList),
  orderCheck(kaitenRuList),
  ruLimits.limitAndDefaultCheck,
  ruLimits.limitClampCheck,
  ruLimits.limitOffsetBoundsCheck,
  offsetPastEndCheck(kaitenRuList),
  timeWindowCheck(kaitenRuList, { from: 'from', to: 'to' }),
  ruFilters.categoriesCheck,
  ruFilters.actionsCheck,
  ruFilters.everyDocumentedValueCheck,
  ruFilters.authorCheck,
  ruFilters.idCheck,
  ruFilters.combinedFiltersCheck,
  ruErrors.unknownCategoryCheck,
  ruErrors.unknownActionCheck,
  ruErrors.invalidValuesCheck,
  ruErrors.missingTokenCheck,
  ruErrors.invalidTokenCheck,
  ruErrors.forbiddenTokenCheck,
  ruAccess.bearerSchemeCaseCheck,
  ruAccess.apiV1AliasCheck,
  // Last of the requests: the burst must not leave later checks facing a spent window.
  rateLimitCheck,
  schemaCheck<KaitenRuTarget>('kaiten-ru'),
  driftCheck<KaitenRuTarget>('kaiten-ru', detectKaitenRuDrift),
]

export const allCheckIds: readonly string[] = [...kaitenShChecks, ...kaitenRuChecks].map((check) => check.id)
