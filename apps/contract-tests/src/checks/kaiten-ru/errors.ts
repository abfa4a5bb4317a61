// kaiten.ru error responses: 400 for unknown enum values and invalid values, 401, 403 — all without a body.
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import type { KaitenRuTarget } from '../targets.js'
import { expectBodylessError } from './bodyless.js'
import { sendAuditLogs } from './list.js'

const smallPage = () => rawQuery({ limit: '1' })

export const unknownCategoryCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.errors.400-unknown-category',
  api: 'kaiten-ru',
  group: 'errors',
  title: '400 without a body for an unknown category',
  rules: ['RU-14'],
  async run(context) {
    expectBodylessError(
      context,
      await sendAuditLogs(context, rawQuery({ categories: 'auth,not_a_category' })),
      400,
    )
  },
}

export const unknownActionCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.errors.400-unknown-action',
  api: 'kaiten-ru',
  group: 'errors',
  title: '400 without a body for an unknown action',
  rules: ['RU-16'],
  async run(context) {
    expectBodylessError(
      context,
      await sendAuditLogs(context, rawQuery({ actions: 'sign_in,not_an_action' })),
      400,
    )
  },
}

export const invalidValuesCheck: CheckDefinition<KaitenRuTarget> = {
  id: 'kaiten-ru.errors.400-invalid-values',
  api: 'kaiten-ru',
  group: 'errors',
  title: '400 without a body for invalid values (limit=abc, from=yesterday, author_id=abc)',
  rules: ['RU-09', 'RU-10', 'RU-26'],
  async run(context) {
    const invalid: Record<string, string>[] = [{ limit: 'abc' }, { from: 'yesterday' }, { author_id: 'abc' }]
    for (const query of invalid) {
      expectBodylessError(context, await sendAuditLogs(context, rawQuery(query)), 400)
    }
  },
}

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
