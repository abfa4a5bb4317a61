// kaiten.ru error responses to credentials, as a table of cases: 401 and 403, without a body. Invalid parameters
// (400) are generated from the spec: see ../negative/.
import type { AuthMode } from '../../http/exchange.js'
import type { RuleId } from '../../rules/index.js'
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import type { KaitenRuTarget } from '../targets.js'
import { expectBodylessError } from './bodyless.js'
import { sendAuditLogs } from './list.js'

interface CredentialCase {
  name: string
  title: string
  auth: AuthMode
  status: number
  rules: readonly RuleId[]
}

const cases: readonly CredentialCase[] = [
  {
    name: '401-missing-token',
    title: '401 without a body when no token is sent',
    auth: 'none',
    status: 401,
    rules: ['RU-02'],
  },
  {
    name: '401-invalid-token',
    title: '401 without a body for an invalid token',
    auth: 'invalid',
    status: 401,
    rules: ['RU-02'],
  },
  {
    name: '403-without-access',
    title: '403 without a body for a user without "Audit log" access',
    auth: 'forbidden',
    status: 403,
    rules: ['RU-03'],
  },
]

export const credentialChecks: readonly CheckDefinition<KaitenRuTarget>[] = cases.map((item) => ({
  id: `kaiten-ru.errors.${item.name}`,
  api: 'kaiten-ru',
  group: 'errors',
  title: item.title,
  rules: item.rules,
  async run(context) {
    if (item.auth === 'forbidden' && context.target.forbiddenToken === undefined) {
      context.skip('no token without access configured (KAITEN_RU_FORBIDDEN_TOKEN)')
    }
    const exchange = await sendAuditLogs(context, rawQuery({ limit: '1' }), { auth: item.auth })
    expectBodylessError(context, exchange, item.status)
  },
}))
