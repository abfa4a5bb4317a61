// The compiled item check, generated as code and as its fallback loop, judges every field of both models alike.
import { type ApiItemField, kaitenRuModel, kaitenShModel } from '@kaiten-audit/types'
import { describe, expect, it } from 'vitest'
import { compileItemCheck } from '../src/core/item-check.js'

const items = {
  'kaiten-sh': kaitenShModel.operations.getAuditTrails.item,
  'kaiten-ru': kaitenRuModel.operations.retrieveAuditLogEvents.item,
}

function validValue(field: ApiItemField): unknown {
  if (field.enum !== undefined) return field.enum[0]
  const type = field.types.find((candidate) => candidate !== 'null')
  if (type === undefined) return null
  if (type === 'string') return field.format === 'date-time' ? '2026-04-02T09:30:00Z' : 'text'
  return { integer: 7, number: 1.5, boolean: true, object: {}, array: [] }[type]
}

describe.each(Object.entries(items))('%s item check', (_api, item) => {
  const fields = item.fields as readonly ApiItemField[]
  const valid = () => Object.fromEntries(fields.map((field) => [field.name, validValue(field)]))
  const checks = { generated: compileItemCheck(item), looped: compileItemCheck(item, { generate: false }) }

  it.each(Object.entries(checks))('%s: accepts an item as the model describes it', (_kind, check) => {
    expect(check(valid())).toBeUndefined()
  })

  it.each(fields.map((field) => [field.name] as const))(
    'both name the missing or mistyped field %s',
    (name) => {
      const { [name]: _left, ...without } = valid()
      const field = fields.find((candidate) => candidate.name === name) as ApiItemField
      for (const check of Object.values(checks)) {
        expect(check(without)?.field).toBe(field.required ? name : undefined)
        if (field.types.length > 0) expect(check({ ...valid(), [name]: [['wrong']] })?.field).toBe(name)
      }
      expect(checks.generated({ ...valid(), [name]: [['wrong']] })).toEqual(
        checks.looped({ ...valid(), [name]: [['wrong']] }),
      )
    },
  )
})
