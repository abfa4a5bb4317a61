// kaiten.ru error responses to credentials: 401 and 403, without a body. Invalid parameters (400) are generated
// from the spec: see ../negative/.
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import type { KaitenRuTarget } from '../targets.js'
import { expectBodylessError } from './bodyless.js'
import { sendAuditLogs } from './list.js'

const smallPage = () => rawQuery({ limit: '1' })

export const missingTokenCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.errors.401-missing-token',
  api: 'kaiten-ru',
  group: 'errors',
  title: '401 without a body when no token is sent',
  rules: ['RU-02'],
  async run(context) {
    expectBodylessError(context, await sendAuditLogs(context, smallPage(), { auth: 'none' }), 401)
  },
}

export const invalidTokenCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.errors.401-invalid-token',
  api: 'kaiten-ru',
  group: 'errors',
  title: '401 without a body for an invalid token',
  rules: ['RU-02'],
  async run(context) {
    expectBodylessError(context, await sendAuditLogs(context, smallPage(), { auth: 'invalid' }), 401)
  },
}

export const forbiddenTokenCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.errors.403-without-access',
  api: 'kaiten-ru',
  group: 'errors',
  title: '403 without a body for a user without "Audit log" access',
  rules: ['RU-03'],
  async run(context) {
    if (context.target.forbiddenToken === undefined) {
      context.skip('no token without access configured (KAITEN_RU_FORBIDDEN_TOKEN)')
    }
    expectBodylessError(context, await sendAuditLogs(context, smallPage(), { auth: 'forbidden' }), 403)
  },
}
