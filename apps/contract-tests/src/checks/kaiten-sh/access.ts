// kaiten.sh reads the auth scheme case-insensitively, and only the bearer scheme carries a token.
import type { AuditTrailEntry } from '@kaiten-audit/types'
import { describeExchange, jsonBody } from '../../http/exchange.js'
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import { expectNewestOfSample, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenShTarget } from '../targets.js'
import { kaitenShList, sendTrails } from './list.js'
import { expectProblem } from './problem.js'

const PAGE = 3

export const bearerSchemeCaseCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.access.bearer-case-insensitive',
  api: 'kaiten-sh',
  group: 'access',
  title:
    '`Authorization: bearer ksh_…` (the scheme in lower case) is served like `Bearer`; the token under another scheme is 401',
  rules: ['SH-06'],
  async run(context) {
    const sample = await samplePage(context, kaitenShList)
    requireItems(context, sample.items, 1, 'entries', 'to compare a page')
    const query = rawQuery({ before: (sample.items[0] as AuditTrailEntry).timestamp, limit: String(PAGE) })
    const lower = await sendTrails(context, query, { authScheme: 'bearer' })
    if (lower.status !== 200) {
      context.fail(
        `a valid token sent as \`bearer\` (lower case) was refused with ${lower.status}: the auth scheme is case-insensitive (RFC 9110 §11.1)`,
        { request: describeExchange(lower), expected: '200', actual: String(lower.status) },
      )
    } else {
      const items = jsonBody(lower)
      expectNewestOfSample(
        context,
        kaitenShList,
        { exchange: lower, items: Array.isArray(items) ? items : [] },
        sample.items,
        { applied: PAGE, label: 'the same request with `bearer` in lower case', shownIds: PAGE },
      )
    }
    // The same valid token, but not as a bearer token: the service must not take any word for "Bearer".
    expectProblem(context, await sendTrails(context, query, { authScheme: 'Basic' }), 401)
  },
}
