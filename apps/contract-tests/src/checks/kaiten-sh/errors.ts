// kaiten.sh error responses: 400, 401, 403, 404 and 422, each a problem details document.
import type { CheckDefinition } from '../context.js'
import { rawQuery } from '../search-params.js'
import type { KaitenShTarget } from '../targets.js'
import { sendTrails } from './list.js'
import { expectProblem } from './problem.js'

const noQuery = () => new URLSearchParams({ limit: '1' })

export const missingTokenCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.errors.401-missing-token',
  api: 'kaiten-sh',
  group: 'errors',
  title: '401 problem details without a token',
  rules: ['SH-04', 'SH-20'],
  async run(context) {
    expectProblem(context, await sendTrails(context, noQuery(), { auth: 'none' }), 401)
  },
}

export const invalidTokenCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.errors.401-invalid-token',
  api: 'kaiten-sh',
  group: 'errors',
  title: '401 problem details with an invalid token',
  rules: ['SH-04', 'SH-20'],
  async run(context) {
    expectProblem(context, await sendTrails(context, noQuery(), { auth: 'invalid' }), 401)
  },
}

export const forbiddenTokenCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.errors.403-token-without-scope',
  api: 'kaiten-sh',
  group: 'errors',
  title: '403 problem details with a token without read:instances',
  rules: ['SH-05', 'SH-20'],
  async run(context) {
    if (context.target.forbiddenToken === undefined) {
      context.skip('no token without scope configured (KAITEN_SH_FORBIDDEN_TOKEN)')
    }
    expectProblem(context, await sendTrails(context, noQuery(), { auth: 'forbidden' }), 403)
  },
}

export const unknownInstanceCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.errors.404-unknown-instance',
  api: 'kaiten-sh',
  group: 'errors',
  title: '404 problem details for an unknown instance',
  rules: ['SH-02', 'SH-20'],
  async run(context) {
    // Random, so a real instance can never be hit by accident.
    const instanceSlug = `contract-test-no-such-instance-${crypto.randomUUID()}`
    expectProblem(context, await sendTrails(context, noQuery(), { instanceSlug }), 404)
  },
}

export const constraintViolationCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.errors.422-invalid-parameters',
  api: 'kaiten-sh',
  group: 'errors',
  title: '422 problem details naming the parameter for offset=-1 and limit=abc',
  rules: ['SH-14', 'SH-17', 'SH-19'],
  async run(context) {
    expectProblem(context, await sendTrails(context, rawQuery({ offset: '-1' })), 422, {
      location: 'query.offset',
    })
    expectProblem(context, await sendTrails(context, rawQuery({ limit: 'abc' })), 422, {
      location: 'query.limit',
    })
  },
}

export const malformedTimestampCheck: CheckDefinition<KaitenShTarget> = {
  id: 'kaiten-sh.errors.400-malformed-timestamp',
  api: 'kaiten-sh',
  group: 'errors',
  title: '400 problem details naming the parameter for after=yesterday',
  rules: ['SH-13'],
  async run(context) {
    expectProblem(context, await sendTrails(context, rawQuery({ after: 'yesterday' })), 400, {
      location: 'query.after',
    })
  },
}
