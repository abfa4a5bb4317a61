// Guards against a spec fact copied into the client: a spec with every fact the client reads moved (path, server,
// bounds, clamp, rate limit, item fields and their types, formats and enums) must move the client with it. Each
// expectation is computed from the model, never written down, so a constant that comes back fails here.
import type { ApiItemField, ApiModel, ApiOperation, JsonType } from '@kaiten-audit/types'
import {
  editedSpec,
  patchParameterSchema,
  type SpecEdit,
  setOperationExtension,
  setParameterExtension,
} from '@kaiten-audit/types/testing'
import { describe, expect, it } from 'vitest'
import { createKaitenRuClient, createKaitenShClient, ResponseShapeError } from '../src/index.js'

type Api = 'kaiten-sh' | 'kaiten-ru'
const OPERATION: Record<Api, string> = {
  'kaiten-sh': 'getAuditTrails',
  'kaiten-ru': 'retrieveAuditLogEvents',
}
const ITEM_SCHEMA: Record<Api, string> = { 'kaiten-sh': 'AuditTrailEntry', 'kaiten-ru': 'AuditLogEvent' }

type Node = Record<string, unknown>
const node = (value: unknown) => value as Node

/** Moves the path and the first server, and changes the item schema's fields, types and enums. */
function moveDocument(api: Api): SpecEdit {
  return (document) => {
    const paths = node(node(document).paths)
    const [path] = Object.keys(paths)
    const moved = `/moved${path}`
    paths[moved] = paths[path as string]
    delete paths[path as string]
    node(document).servers = [{ url: 'https://moved.example.test/v9' }]
    for (const item of Object.values(paths)) delete node(item).servers
    for (const operation of Object.values(node(paths[moved]))) delete node(operation).servers
    const schema = node(node(node(node(document).components).schemas)[ITEM_SCHEMA[api]])
    const properties = node(schema.properties)
    properties.added_flag = { type: 'boolean' }
    properties.added_kind = { type: 'string', enum: ['one', 'two'] }
    properties.added_count = { type: ['integer', 'null'], format: 'int32' }
    schema.required = [...(schema.required as string[]), 'added_flag', 'added_kind', 'added_count']
  }
}

function perturbAll(api: Api): SpecEdit[] {
  const id = OPERATION[api]
  const common = [
    moveDocument(api),
    setOperationExtension(id, 'x-rate-limit', { requests: 3, windowSeconds: 7 }),
  ]
  return api === 'kaiten-sh'
    ? [
        ...common,
        patchParameterSchema(id, 'limit', { maximum: 137, default: 11 }),
        patchParameterSchema(id, 'offset', { maximum: 4321 }),
      ]
    : [
        ...common,
        setParameterExtension(id, 'limit', 'x-kaiten-limit-clamp', {
          above: 321,
          applies: 321,
          zeroMeans: 'default',
        }),
        patchParameterSchema(id, 'offset', { maximum: 9876 }),
      ]
}

/** A value of `field` as the model describes it. */
function validValue(field: ApiItemField): unknown {
  if (field.enum !== undefined) return field.enum[field.enum.length - 1]
  const type = field.types.find((candidate) => candidate !== 'null')
  if (type === undefined) return field.types.includes('null') ? null : { any: 'value' }
  if (type === 'string') {
    if (field.format === 'date-time') return '2026-04-02T09:30:00Z'
    if (field.format === 'uuid') return '8f977f36-0f13-4b5f-91ab-0df9d15c7ed8'
    return 'text'
  }
  const values: Record<Exclude<JsonType, 'string' | 'null'>, unknown> = {
    integer: 7,
    number: 1.5,
    boolean: true,
    object: {},
    array: [],
  }
  return values[type]
}

/** A value none of the field's types allow, or undefined when it allows any value. */
function wrongValue(field: ApiItemField): unknown {
  if (field.types.length === 0) return undefined
  if (field.enum !== undefined) return 'not-in-the-enum'
  return field.types.includes('array') ? { not: 'an array' } : ['not', 'allowed']
}

function operationOf(model: ApiModel, api: Api): ApiOperation {
  return model.operations[OPERATION[api]] as ApiOperation
}

/** A client of `api` on `model`, answering every request from memory with `body`, and the requests it sent. */
function clientOn(api: Api, model: ApiModel, body: () => unknown) {
  const sent: Request[] = []
  const fetch = async (request: Request) => {
    sent.push(request)
    return Response.json(body())
  }
  const options = { token: 'follows-model-token', model, fetch, maxRetries: 0 }
  const list =
    api === 'kaiten-sh'
      ? (() => {
          const client = createKaitenShClient(options)
          return {
            pacer: client.pacer,
            list: (params?: object) => client.listAuditTrails('acme', params),
            firstPage: () => client.iterateAuditTrails('acme').pages().next(),
          }
        })()
      : (() => {
          const client = createKaitenRuClient(options)
          return {
            pacer: client.pacer,
            list: (params?: object) => client.listAuditLogs(params),
            firstPage: () => client.iterateAuditLogs().pages().next(),
          }
        })()
  return { ...list, sent }
}

describe.each(['kaiten-sh', 'kaiten-ru'] as const)(
  '%s: the client follows a spec with every fact moved',
  (api) => {
    const { model } = editedSpec(api, ...perturbAll(api))
    const operation = operationOf(model, api)
    const fields = operation.item?.fields ?? []
    const validItem = () => Object.fromEntries(fields.map((field) => [field.name, validValue(field)]))

    it('sends to the model’s server and path, with its method, and paces at its x-rate-limit', async () => {
      const client = clientOn(api, model, () => [validItem()])
      await client.list()
      const [request] = client.sent
      const server = operation.servers[0]?.url ?? ''
      const path = operation.path.replace('{instanceSlug}', 'acme')
      expect(request?.method).toBe(operation.method.toUpperCase())
      expect(new URL(request?.url ?? '').pathname).toBe(new URL(server + path).pathname)
      expect(new URL(request?.url ?? '').origin).toBe(new URL(server).origin)
      expect(client.pacer).toMatchObject({
        requests: operation.rateLimit?.requests,
        windowMs: (operation.rateLimit?.windowSeconds ?? 0) * 1000,
      })
    })

    it('takes the model’s bounds: the largest page size by default, the largest offset and no more', async () => {
      const client = clientOn(api, model, () => [])
      await client.firstPage()
      const limit = operation.parameters.find((parameter) => parameter.name === 'limit')
      const offset = operation.parameters.find((parameter) => parameter.name === 'offset')
      const largestPage = limit?.limitClamp?.applies ?? limit?.schema.maximum
      expect(new URL(client.sent[0]?.url ?? '').searchParams.get('limit')).toBe(String(largestPage))
      const maxOffset = offset?.schema.maximum as number
      await expect(client.list({ offset: maxOffset })).resolves.toEqual([])
      await expect(client.list({ offset: maxOffset + 1 })).rejects.toMatchObject({
        issues: [{ parameter: 'offset', value: maxOffset + 1 }],
      })
    })

    it('passes an item with every field as the model describes it', async () => {
      const client = clientOn(api, model, () => [validItem()])
      await expect(client.list()).resolves.toEqual([validItem()])
    })

    it.each(fields.filter((field) => field.required).map((field) => [field.name, field] as const))(
      'refuses an item without the required field %s, or with a value its schema does not allow',
      async (name, field) => {
        const { [name]: _left, ...without } = validItem()
        const missing = await clientOn(api, model, () => [without])
          .list()
          .catch((error: unknown) => error)
        expect(missing).toBeInstanceOf(ResponseShapeError)
        expect(missing).toMatchObject({ path: `$[0].${name}` })
        const wrong = wrongValue(field)
        if (wrong === undefined) return
        const mistyped = await clientOn(api, model, () => [{ ...validItem(), [name]: wrong }])
          .list()
          .catch((error: unknown) => error)
        expect(mistyped).toBeInstanceOf(ResponseShapeError)
        expect(mistyped).toMatchObject({ path: `$[0].${name}` })
      },
    )
  },
)
