// kaiten.sh error responses to credentials and paths: 401, 403 and 404, each a problem details document. Invalid
// parameters (400, 422) are generated from the spec: see ../negative/.
import type { CheckDefinition } from '../context.js'
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
  title: '404 problem details for an unknown instance, also for a strict prefix of the configured slug',
  rules: ['SH-02', 'SH-20'],
  async run(context) {
    // Random, so a real instance can never be hit by accident.
    const instanceSlug = `contract-test-no-such-instance-${crypto.randomUUID()}`
    expectProblem(context, await sendTrails(context, noQuery(), { instanceSlug }), 404)

    // A slug is a name, not a pattern: one letter short must not find the configured instance.
    const prefix = context.target.instanceSlug.slice(0, -1)
    if (prefix === '') return context.note('the configured slug has one character; no strict prefix was sent')
    expectProblem(context, await sendTrails(context, noQuery(), { instanceSlug: prefix }), 404)
  },
}
