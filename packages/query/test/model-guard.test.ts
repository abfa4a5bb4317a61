// Guards against spec facts restated in src/: the package's behaviour and exported values must equal what the
// generated models document, for every query parameter.
import { describe, expect, it } from 'vitest'
import {
  INT32_MAX,
  KAITEN_RU_LIMIT,
  KAITEN_RU_RATE_LIMIT,
  KAITEN_SH_LIMIT,
  KAITEN_SH_OFFSET,
  kaitenRuParameterKinds,
  kaitenShParameterKinds,
} from '../src/index.js'
import {
  documentedRange,
  expectQueryFollowsModel,
  queryApis,
  queryParametersIn,
} from './support/follows-model.js'

describe.each(['kaiten-sh', 'kaiten-ru'] as const)('%s query follows its generated model', (api) => {
  const model = queryApis[api].model

  it('over every parameter: bounds, enums, defaults, list styles and date-times', () => {
    expectQueryFollowsModel(api, model)
  })

  it('names exactly the model query parameters', () => {
    const kinds = api === 'kaiten-sh' ? kaitenShParameterKinds : kaitenRuParameterKinds
    expect(Object.keys(kinds)).toEqual(queryParametersIn(api, model).map((parameter) => parameter.name))
  })
})

describe('exported values equal the model', () => {
  const parameter = (api: 'kaiten-sh' | 'kaiten-ru', name: string) => {
    const found = queryParametersIn(api, queryApis[api].model).find((p) => p.name === name)
    if (!found) throw new Error(`${api} has no ${name}`)
    return found
  }

  it('kaiten.sh limit and offset', () => {
    const limit = parameter('kaiten-sh', 'limit')
    const offset = parameter('kaiten-sh', 'offset')
    expect(KAITEN_SH_LIMIT).toEqual({ default: limit.schema.default, ...documentedRange(limit) })
    expect(KAITEN_SH_OFFSET).toEqual({ default: offset.schema.default, ...documentedRange(offset) })
    expect(INT32_MAX).toBe(documentedRange(offset).max)
  })

  it('kaiten.ru limit clamp and rate limit', () => {
    const limit = parameter('kaiten-ru', 'limit')
    expect(KAITEN_RU_LIMIT).toEqual({ default: limit.schema.default, max: limit.limitClamp?.applies })
    const rateLimit = queryApis['kaiten-ru'].model.operations.retrieveAuditLogEvents?.rateLimit
    expect(KAITEN_RU_RATE_LIMIT).toEqual({
      requests: rateLimit?.requests,
      windowMs: (rateLimit?.windowSeconds ?? Number.NaN) * 1000,
    })
  })
})
