// The catalogue: every check, per API, in the order a run executes them. Passive checks come last: they judge every
// response the others recorded.
import { documentedProblemDetail } from '../spec/beyond-model.js'
import type { CheckDefinition } from './context.js'
import { driftCheck } from './drift/drift-check.js'
import { detectKaitenRuDrift } from './drift/kaiten-ru.js'
import { detectKaitenShDrift } from './drift/kaiten-sh.js'
import { sameIdSameItemCheck } from './invariants/ids.js'
import { newestFirstCheck } from './invariants/order.js'
import * as ruAccess from './kaiten-ru/access.js'
import { companyAndAuthorCheck } from './kaiten-ru/company-and-author.js'
import * as ruErrors from './kaiten-ru/errors.js'
import * as ruFilters from './kaiten-ru/filters.js'
import * as ruLimits from './kaiten-ru/limits.js'
import { kaitenRuList, sendAuditLogs } from './kaiten-ru/list.js'
import { rateLimitHeadersCheck } from './kaiten-ru/rate-limit-headers.js'
import { rateLimitWindowCheck } from './kaiten-ru/rate-limit-window.js'
import * as shAccess from './kaiten-sh/access.js'
import * as shErrors from './kaiten-sh/errors.js'
import * as shEventName from './kaiten-sh/event-name.js'
import * as shLimits from './kaiten-sh/limits.js'
import { kaitenShList, sendTrails } from './kaiten-sh/list.js'
import * as shRecorded from './kaiten-sh/recorded-entries.js'
import { invalidParametersCheck } from './negative/invalid-parameters.js'
import { schemaCheck } from './schema.js'
import { dateTimeFormsCheck } from './shared/date-time-forms.js'
import { depthsCheck } from './shared/depths.js'
import { noGapsNoOverlapsCheck, offsetPastEndCheck, orderCheck } from './shared/pagination.js'
import { tiesCheck } from './shared/ties.js'
import { timeWindowCheck } from './shared/time-window.js'
import type { KaitenRuTarget, KaitenShTarget } from './targets.js'

export const kaitenShChecks: readonly CheckDefinition<KaitenShTarget>[] = [
  noGapsNoOverlapsCheck(kaitenShList, ['SH-33', 'SH-18']),
  orderCheck(kaitenShList, ['SH-31']),
  shLimits.limitAndDefaultCheck,
  shLimits.limitBoundsCheck,
  offsetPastEndCheck(kaitenShList, ['SH-34', 'SH-17']),
  tiesCheck(kaitenShList, ['SH-31', 'SH-33']),
  depthsCheck(kaitenShList, ['SH-33', 'SH-34', 'SH-35']),
  shEventName.eventNameCheck,
  shEventName.openEventNamesCheck,
  timeWindowCheck(kaitenShList, { from: 'after', to: 'before' }, ['SH-09', 'SH-10', 'SH-12']),
  dateTimeFormsCheck(kaitenShList, { from: 'after', to: 'before' }, ['SH-11']),
  ...shErrors.errorChecks,
  invalidParametersCheck<KaitenShTarget>(
    'kaiten-sh',
    (context, query) => sendTrails(context, query),
    ['SH-13', 'SH-14', 'SH-17', 'SH-19', 'SH-20', 'SH-21'],
    {
      // Every constraint violation is worded alike (Huma): the detail of the documented example of its status.
      problemDetail: (spec, status) =>
        status === spec.invalidParameterStatus('minimum')
          ? documentedProblemDetail('kaiten-sh', status)
          : undefined,
    },
  ),
  shAccess.bearerSchemeCaseCheck,
  newestFirstCheck<KaitenShTarget>(
    'kaiten-sh',
    { timeField: 'timestamp', noun: 'entries', tieBreakField: 'id' },
    ['SH-30', 'SH-32'],
  ),
  sameIdSameItemCheck<KaitenShTarget>('kaiten-sh', { singular: 'entry', plural: 'entries' }, [
    'SH-25',
    'SH-29',
  ]),
  shRecorded.instanceOfEveryEntryCheck,
  shRecorded.statusFollowsGuideCheck,
  schemaCheck<KaitenShTarget>('kaiten-sh', ['SH-22', 'SH-23', 'SH-24', 'SH-26', 'SH-28']),
  driftCheck<KaitenShTarget>('kaiten-sh', detectKaitenShDrift, ['SH-22', 'SH-36']),
]

export const kaitenRuChecks: readonly CheckDefinition<KaitenRuTarget>[] = [
  noGapsNoOverlapsCheck(kaitenRuList, ['RU-31', 'RU-27']),
  orderCheck(kaitenRuList, ['RU-34']),
  ruLimits.limitAndDefaultCheck,
  ruLimits.limitClampCheck,
  offsetPastEndCheck(kaitenRuList, ['RU-32', 'RU-30']),
  tiesCheck(kaitenRuList, ['RU-34', 'RU-31']),
  depthsCheck(kaitenRuList, ['RU-31', 'RU-32', 'RU-20']),
  timeWindowCheck(kaitenRuList, { from: 'from', to: 'to' }, ['RU-05', 'RU-06', 'RU-08']),
  dateTimeFormsCheck(kaitenRuList, { from: 'from', to: 'to' }, ['RU-07']),
  ruFilters.categoriesCheck,
  ruFilters.actionsCheck,
  ruFilters.everyDocumentedValueCheck,
  ruFilters.authorCheck,
  ruFilters.idCheck,
  ruFilters.combinedFiltersCheck,
  invalidParametersCheck<KaitenRuTarget>('kaiten-ru', (context, query) => sendAuditLogs(context, query), [
    'RU-09',
    'RU-10',
    'RU-14',
    'RU-16',
    'RU-17',
    'RU-19',
    'RU-25',
    'RU-26',
    'RU-28',
    'RU-29',
  ]),
  ...ruErrors.credentialChecks,
  ruAccess.bearerSchemeCaseCheck,
  ruAccess.apiV1AliasCheck,
  // Last of the requests: the burst must not leave later checks facing a spent window.
  rateLimitWindowCheck,
  rateLimitHeadersCheck,
  newestFirstCheck<KaitenRuTarget>('kaiten-ru', { timeField: 'created', noun: 'events' }, ['RU-33']),
  sameIdSameItemCheck<KaitenRuTarget>(
    'kaiten-ru',
    // `author` is the user's current data, which may change between two reads of one event.
    { singular: 'event', plural: 'events', mayChange: ['author'] },
    ['RU-37'],
  ),
  companyAndAuthorCheck,
  schemaCheck<KaitenRuTarget>('kaiten-ru', ['RU-35', 'RU-36', 'RU-41', 'RU-42', 'RU-45', 'RU-48']),
  driftCheck<KaitenRuTarget>('kaiten-ru', detectKaitenRuDrift, ['RU-04', 'RU-40', 'RU-42']),
]

/** Every check of both APIs, kaiten.sh first: the order of `--list` and of the README's check table. */
export const allChecks: readonly CheckDefinition[] = [
  ...kaitenShChecks,
  ...kaitenRuChecks,
] as CheckDefinition[]

export const allCheckIds: readonly string[] = allChecks.map((check) => check.id)
