// kaiten.ru: the documented ways in are served: the auth scheme in any case, and every base path its servers give
// (`/api/v1` beside `/api/latest`).
import type { AuditLogEvent } from '@kaiten-audit/types'
import { describeExchange } from '../../http/exchange.js'
import { OperationSpec } from '../../spec/operation.js'
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

/** The base paths the servers give one API under one host (kaiten.ru: `/api/latest` and `/api/v1`), longest first. */
function serverNames(spec: OperationSpec): string[] {
  return [...new Set(spec.serverPaths().filter((path) => path !== ''))].sort((a, b) => b.length - a.length)
}

const GENERATED_NAMES = serverNames(OperationSpec.of('kaiten-ru'))

export const apiV1AliasCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.access.api-v1-alias',
  api: 'kaiten-ru',
  group: 'access',
  title: `${GENERATED_NAMES.slice(1)
    .map((name) => `\`${name}\``)
    .join(', ')} serves the same audit log as \`${GENERATED_NAMES[0]}\``,
  rules: ['RU-01'],
  async run(context) {
    const names = serverNames(context.spec)
    if (names.length < 2)
      return context.skip('the spec documents one base path; there is no other name to try')
    const base = context.target.baseUrl.replace(/\/+$/, '')
    const path = new URL(base).pathname
    const own = names.find((name) => path.endsWith(name))
    if (!own)
      return context.skip(
        `the base URL does not end in ${names.join(' or ')}, so its other names are unknown`,
      )
    const root = base.slice(0, base.length - own.length)
    for (const other of names.filter((name) => name !== own)) {
      await expectSamePage(
        context,
        { baseUrl: `${root}${other}` },
        {
          label: `the same request under ${other}`,
          refusal: (status) =>
            `${other} answered ${status}; the spec documents ${names.join(' and ')} as names of the same API`,
        },
      )
    }
  },
}
