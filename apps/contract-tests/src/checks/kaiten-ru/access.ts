// kaiten.ru: the documented ways in are served: the auth scheme in any case, and `/api/v1` beside `/api/latest`.
import type { AuditLogEvent } from '@kaiten-audit/types'
import { describeExchange } from '../../http/exchange.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import { arrayItems, expectNewestOfSample, requireItems, samplePage } from '../shared/list-api.js'
import type { KaitenRuTarget } from '../targets.js'
import { kaitenRuList, type SendOptions, sendAuditLogs } from './list.js'

const PAGE = 3

/**
 * Sends a small page pinned at the newest sampled event the way `options` say, and expects the same events a
 * normal request gives.
 */
async function expectSamePage(
  context: CheckContext<KaitenRuTarget>,
  options: SendOptions,
  { label, refusal }: { label: string; refusal: (status: number) => string },
): Promise<void> {
  const sample = await samplePage(context, kaitenRuList)
  requireItems(context, sample.items, 1, 'events', 'to compare a page')
  const newest = sample.items[0] as AuditLogEvent
  const exchange = await sendAuditLogs(
    context,
    rawQuery({ to: newest.created, limit: String(PAGE) }),
    options,
  )
  if (exchange.status !== 200) {
    context.fail(refusal(exchange.status), {
      request: describeExchange(exchange),
      expected: '200',
      actual: String(exchange.status),
    })
    return
  }
  const page = { exchange, items: arrayItems(context, exchange, 'events') as AuditLogEvent[] }
  expectNewestOfSample(context, kaitenRuList, page, sample.items, { applied: PAGE, label, shownIds: PAGE })
}

export const bearerSchemeCaseCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.access.bearer-case-insensitive',
  api: 'kaiten-ru',
  group: 'access',
  title: '`Authorization: bearer <token>` (the scheme in lower case) is served like `Bearer`',
  rules: ['RU-02'],
  async run(context) {
    await expectSamePage(
      context,
      { authScheme: 'bearer' },
      {
        label: 'the same request with `bearer` in lower case',
        refusal: (status) =>
          `a valid token sent as \`bearer\` (lower case) was refused with ${status}: the auth scheme is case-insensitive (RFC 9110 §11.1)`,
      },
    )
  },
}

const VERSIONED_BASE = /\/api\/(latest|v1)\/*$/

export const apiV1AliasCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.access.api-v1-alias',
  api: 'kaiten-ru',
  group: 'access',
  title: '`/api/v1` serves the same audit log as `/api/latest`',
  rules: ['RU-01'],
  async run(context) {
    const base = context.target.baseUrl
    const version = VERSIONED_BASE.exec(new URL(base).pathname)
    if (!version)
      return context.skip(`the base URL does not end in /api/latest or /api/v1, so its other name is unknown`)
    const other = version[1] === 'latest' ? 'v1' : 'latest'
    const otherBase = base.replace(/\/api\/(latest|v1)\/*$/, `/api/${other}`)
    await expectSamePage(
      context,
      { baseUrl: otherBase },
      {
        label: `the same request under /api/${other}`,
        refusal: (status) =>
          `/api/${other} answered ${status}; the API root page documents /api/latest and /api/v1 as names of the same API`,
      },
    )
  },
}
