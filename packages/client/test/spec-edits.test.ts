// The spec drives the client: an in-memory copy of each spec is edited, the model is built with the generator's
// builder, and the same model is handed to the mocks (`startMockServers({ models })`) and to the client (`model`).
// With no change to src/, the client accepts, sends, maps and checks what the edit says.
import type { Responder } from '@kaiten-audit/mocks'
import { type MockServers, startMockServers } from '@kaiten-audit/mocks/server'
import type { ApiModel } from '@kaiten-audit/types'
import {
  addEnumValue,
  addParameter,
  addResponse,
  editedSpec,
  patchParameterSchema,
  type SpecEdit,
} from '@kaiten-audit/types/testing'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ApiError,
  createKaitenRuClient,
  createKaitenShClient,
  InvalidParameterError,
  NotFoundError,
  ResponseShapeError,
} from '../src/index.js'

const SH = 'getAuditTrails'
const RU = 'retrieveAuditLogEvents'
/** Real sockets to local servers: generous, since a loaded machine is slow, not wrong. */
const TIMEOUT_MS = 30_000

let running: MockServers | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

interface Started {
  servers: MockServers
  /** Every URL the client sent. */
  sent: string[]
}

async function mocks(
  models: { kaitenSh?: ApiModel; kaitenRu?: ApiModel },
  wrap?: { kaitenSh?: () => Responder; kaitenRu?: () => Responder },
): Promise<Started> {
  running = await startMockServers({
    models,
    rateLimit: false,
    sizes: { kaitenShEntries: 40, kaitenRuEvents: 40 },
    ...(wrap ? { wrap } : {}),
  })
  return { servers: running, sent: [] }
}

function shClientFor(started: Started, model: ApiModel | undefined) {
  return createKaitenShClient<{ status?: string; board_id?: number }>({
    baseUrl: started.servers.kaitenSh.baseUrl,
    token: started.servers.kaitenSh.token,
    maxRetries: 0,
    fetch: (request) => {
      started.sent.push(request.url)
      return fetch(request)
    },
    ...(model ? { model } : {}),
  })
}

function ruClientFor(started: Started, model: ApiModel | undefined) {
  return createKaitenRuClient<{ board_id?: number }>({
    baseUrl: started.servers.kaitenRu.baseUrl,
    token: started.servers.kaitenRu.token,
    maxRetries: 0,
    rateLimit: false,
    fetch: (request) => {
      started.sent.push(request.url)
      return fetch(request)
    },
    ...(model ? { model } : {}),
  })
}

/** The issues of the `InvalidParameterError` `call` throws, before any request. */
async function issuesOf(call: () => Promise<unknown>): Promise<unknown> {
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InvalidParameterError)
  return (error as InvalidParameterError).issues
}

/** Adds a required field to the item schema named `schema`. */
function requiredItemField(schema: string, name: string, fieldSchema: object): SpecEdit {
  return (document) => {
    const components = (document as { components: { schemas: Record<string, Record<string, unknown>> } })
      .components
    const item = components.schemas[schema] as { required: string[]; properties: Record<string, object> }
    item.properties[name] = fieldSchema
    item.required.push(name)
  }
}

/** The query parameter `name` of a sent URL. */
const sentParameter = (url: string | undefined, name: string) =>
  new URL(url ?? 'http://x').searchParams.get(name)

describe('kaiten.sh follows an edited spec', () => {
  const statusFilter = {
    name: 'status',
    in: 'query',
    schema: { $ref: '#/components/schemas/AuditTrailStatus' },
  }

  it(
    'a new enum value: accepted as input, and items carrying it pass the item check',
    async () => {
      const { model } = editedSpec(
        'kaiten-sh',
        addParameter(SH, statusFilter),
        addEnumValue(SH, 'status', 'PENDING'),
      )
      const started = await mocks({ kaitenSh: model })
      const slug = started.servers.kaitenSh.instanceSlug
      started.servers.stores.kaitenSh.append(slug, { status: 'PENDING' as never })
      const client = shClientFor(started, model)
      const pending = await client.listAuditTrails(slug, { status: 'PENDING' })
      expect(pending.map((entry) => entry.status)).toEqual(['PENDING'])
      expect(sentParameter(started.sent[0], 'status')).toBe('PENDING')
      // The generated model knows neither the parameter nor the value: the edit, not the code, decided.
      const generated = shClientFor(started, undefined)
      expect(await issuesOf(() => generated.listAuditTrails(slug, { status: 'PENDING' }))).toMatchObject([
        { parameter: 'status', value: 'PENDING' },
      ])
      await expect(generated.listAuditTrails(slug, { limit: 200 })).rejects.toThrow(
        /at \$\[0\]\.status expected one of: ACCEPTED, REJECTED, got string "PENDING"/,
      )
    },
    TIMEOUT_MS,
  )

  it(
    'a changed maximum: the new bound is accepted and the default page size, one above is refused',
    async () => {
      const { model } = editedSpec('kaiten-sh', patchParameterSchema(SH, 'limit', { maximum: 300 }))
      const started = await mocks({ kaitenSh: model })
      const slug = started.servers.kaitenSh.instanceSlug
      const client = shClientFor(started, model)
      await client.listAuditTrails(slug, { limit: 300 })
      expect(sentParameter(started.sent[0], 'limit')).toBe('300')
      await client.iterateAuditTrails(slug).pages().next()
      expect(sentParameter(started.sent[1], 'limit')).toBe('300')
      expect(await issuesOf(() => client.listAuditTrails(slug, { limit: 301 }))).toEqual([
        { parameter: 'limit', value: 301, allowed: 'an integer from 1 to 300', kind: 'constraint' },
      ])
      expect(started.sent).toHaveLength(2)
    },
    TIMEOUT_MS,
  )

  it(
    'a new optional query parameter: accepted, checked and sent',
    async () => {
      const board = {
        name: 'board_id',
        in: 'query',
        schema: { type: 'integer', format: 'int32', minimum: 1 },
      }
      const { model } = editedSpec('kaiten-sh', addParameter(SH, board))
      const started = await mocks({ kaitenSh: model })
      const slug = started.servers.kaitenSh.instanceSlug
      const client = shClientFor(started, model)
      await client.listAuditTrails(slug, { board_id: 7, limit: 5 })
      expect(sentParameter(started.sent[0], 'board_id')).toBe('7')
      expect(await issuesOf(() => client.listAuditTrails(slug, { board_id: 0 }))).toMatchObject([
        { parameter: 'board_id', value: 0, allowed: 'an integer from 1 to 2147483647' },
      ])
    },
    TIMEOUT_MS,
  )

  it(
    'a new documented error status: the typed error says the spec documents it',
    async () => {
      const conflict: () => Responder = () => async () =>
        new Response(JSON.stringify({ title: 'Conflict', status: 409 }), {
          status: 409,
          headers: { 'content-type': 'application/problem+json' },
        })
      const { model } = editedSpec(
        'kaiten-sh',
        addResponse(SH, '409', { description: 'Conflicting filters.' }),
      )
      const started = await mocks({ kaitenSh: model }, { kaitenSh: conflict })
      const slug = started.servers.kaitenSh.instanceSlug
      const edited = await shClientFor(started, model)
        .listAuditTrails(slug)
        .catch((error: unknown) => error)
      expect(edited).toBeInstanceOf(ApiError)
      expect(edited).toMatchObject({ status: 409, documented: true, title: 'Conflict' })
      const generated = await shClientFor(started, undefined)
        .listAuditTrails(slug)
        .catch((error: unknown) => error)
      expect(generated).toMatchObject({ status: 409, documented: false })
    },
    TIMEOUT_MS,
  )

  it(
    'a new required item field: items without it are a shape error',
    async () => {
      const { model } = editedSpec(
        'kaiten-sh',
        requiredItemField('AuditTrailEntry', 'tenant', { type: 'string' }),
      )
      const started = await mocks({ kaitenSh: model })
      const slug = started.servers.kaitenSh.instanceSlug
      const error = await shClientFor(started, model)
        .listAuditTrails(slug)
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ResponseShapeError)
      expect(error).toMatchObject({ path: '$[0].tenant', expected: 'a string' })
      await expect(shClientFor(started, undefined).listAuditTrails(slug)).resolves.not.toHaveLength(0)
    },
    TIMEOUT_MS,
  )
})

describe('kaiten.ru follows an edited spec', () => {
  it(
    'a new enum value: accepted as input, and items carrying it pass the item check',
    async () => {
      const { model } = editedSpec('kaiten-ru', addEnumValue(RU, 'categories', 'billing'))
      const started = await mocks({ kaitenRu: model })
      started.servers.stores.kaitenRu.append({ category: 'billing' as never })
      const client = ruClientFor(started, model)
      const billing = await client.listAuditLogs({ categories: ['billing' as never] })
      expect(billing.map((event) => event.category)).toEqual(['billing'])
      expect(sentParameter(started.sent[0], 'categories')).toBe('billing')
      expect(
        await issuesOf(() =>
          ruClientFor(started, undefined).listAuditLogs({ categories: ['billing' as never] }),
        ),
      ).toMatchObject([
        { parameter: 'categories', value: 'billing', allowed: expect.stringContaining('company_profile') },
      ])
    },
    TIMEOUT_MS,
  )

  it(
    'a changed maximum: the new bound is accepted, one above is refused',
    async () => {
      const { model } = editedSpec('kaiten-ru', patchParameterSchema(RU, 'offset', { maximum: 1000 }))
      const started = await mocks({ kaitenRu: model })
      const client = ruClientFor(started, model)
      await expect(client.listAuditLogs({ offset: 1000 })).resolves.toEqual([])
      expect(sentParameter(started.sent[0], 'offset')).toBe('1000')
      expect(await issuesOf(() => client.listAuditLogs({ offset: 1001 }))).toEqual([
        { parameter: 'offset', value: 1001, allowed: 'an integer from 0 to 1000', kind: 'constraint' },
      ])
      expect(started.sent).toHaveLength(1)
    },
    TIMEOUT_MS,
  )

  it(
    'a new optional query parameter: accepted, checked and sent',
    async () => {
      const board = { name: 'board_id', in: 'query', schema: { type: 'integer', minimum: 1 } }
      const { model } = editedSpec('kaiten-ru', addParameter(RU, board))
      const started = await mocks({ kaitenRu: model })
      const client = ruClientFor(started, model)
      await client.listAuditLogs({ board_id: 7, limit: 5 })
      expect(sentParameter(started.sent[0], 'board_id')).toBe('7')
      expect(await issuesOf(() => client.listAuditLogs({ board_id: 0 }))).toMatchObject([
        { parameter: 'board_id', value: 0 },
      ])
    },
    TIMEOUT_MS,
  )

  it(
    'a new documented error status: mapped to its typed error, which says the spec documents it',
    async () => {
      const notFound: () => Responder = () => async () => new Response(null, { status: 404 })
      const { model } = editedSpec('kaiten-ru', addResponse(RU, '404', { description: 'No such company.' }))
      const started = await mocks({ kaitenRu: model }, { kaitenRu: notFound })
      const edited = await ruClientFor(started, model)
        .listAuditLogs()
        .catch((error: unknown) => error)
      expect(edited).toBeInstanceOf(NotFoundError)
      expect(edited).toMatchObject({ status: 404, documented: true })
      const generated = await ruClientFor(started, undefined)
        .listAuditLogs()
        .catch((error: unknown) => error)
      expect(generated).toMatchObject({ status: 404, documented: false })
    },
    TIMEOUT_MS,
  )

  it(
    'a new required item field: items without it are a shape error',
    async () => {
      const { model } = editedSpec(
        'kaiten-ru',
        requiredItemField('AuditLogEvent', 'space_id', { type: ['integer', 'null'] }),
      )
      const started = await mocks({ kaitenRu: model })
      const error = await ruClientFor(started, model)
        .listAuditLogs()
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ResponseShapeError)
      expect(error).toMatchObject({ path: '$[0].space_id', expected: 'an integer or null' })
      await expect(ruClientFor(started, undefined).listAuditLogs()).resolves.not.toHaveLength(0)
    },
    TIMEOUT_MS,
  )
})
