// kaiten.sh error responses to credentials and paths, as a table of cases: 401, 403 and 404, each a problem details
// document. Invalid parameters (400, 422) are generated from the spec: see ../negative/.
import type { AuthMode } from '../../http/exchange.js'
import type { RuleId } from '../../rules/index.js'
import type { CheckContext, CheckDefinition } from '../context.js'
import type { KaitenShTarget } from '../targets.js'
import { sendTrails } from './list.js'
import { expectProblem } from './problem.js'

interface ErrorCase {
  name: string
  title: string
  auth: AuthMode
  status: number
  rules: readonly RuleId[]
  /** The instance slugs to ask for; the configured one when absent. */
  slugs?: (context: CheckContext<KaitenShTarget>) => string[]
}

const cases: readonly ErrorCase[] = [
  {
    name: '401-missing-token',
    title: '401 problem details without a token',
    auth: 'none',
    status: 401,
    rules: ['SH-04', 'SH-20'],
  },
  {
    name: '401-invalid-token',
    title: '401 problem details with an invalid token',
    auth: 'invalid',
    status: 401,
    rules: ['SH-04', 'SH-20'],
  },
  {
    name: '403-token-without-scope',
    title: '403 problem details with a token without read:instances',
    auth: 'forbidden',
    status: 403,
    rules: ['SH-05', 'SH-20'],
  },
  {
    name: '404-unknown-instance',
    title: '404 problem details for an unknown instance, also for a strict prefix of the configured slug',
    auth: 'valid',
    status: 404,
    rules: ['SH-02', 'SH-20'],
    slugs(context) {
      // Random, so a real instance can never be hit by accident; and a slug is a name, not a pattern: one letter
      // short must not find the configured instance.
      const prefix = context.target.instanceSlug.slice(0, -1)
      if (prefix === '') context.note('the configured slug has one character; no strict prefix was sent')
      return [`contract-test-no-such-instance-${crypto.randomUUID()}`, ...(prefix === '' ? [] : [prefix])]
    },
  },
]

export const errorChecks: readonly CheckDefinition<KaitenShTarget>[] = cases.map((item) => ({
  id: `kaiten-sh.errors.${item.name}`,
  api: 'kaiten-sh',
  group: 'errors',
  title: item.title,
  rules: item.rules,
  async run(context) {
    if (item.auth === 'forbidden' && context.target.forbiddenToken === undefined) {
      context.skip('no token without scope configured (KAITEN_SH_FORBIDDEN_TOKEN)')
    }
    for (const instanceSlug of item.slugs?.(context) ?? [context.target.instanceSlug]) {
      const exchange = await sendTrails(context, new URLSearchParams({ limit: '1' }), {
        auth: item.auth,
        instanceSlug,
      })
      expectProblem(context, exchange, item.status)
    }
  },
}))
