import { describe, expect, it } from 'vitest'
import { kaitenRuModel, kaitenShModel } from '../src/index.js'
import { ApiModelError, buildApiModel } from '../src/model-builder.js'
import { kaitenRuSpec, kaitenShSpec } from '../src/spec.js'
import {
  addEnumValue,
  addParameter,
  addResponse,
  editedSpec,
  patchParameterSchema,
  setParameterExtension,
  specDocument,
} from '../src/testing.js'

/** A minimal document with one list operation; `changes` sets values at JSON pointers before the model is built. */
function document(changes: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    openapi: '3.1.0',
    info: { title: 'Things', version: '2.0.0' },
    servers: [
      { url: 'https://{host}/api', variables: { host: { default: 'localhost', enum: ['localhost'] } } },
    ],
    paths: {
      '/things/{thingId}': {
        parameters: [{ $ref: '#/components/parameters/thingId' }],
        get: {
          operationId: 'listThings',
          'x-rate-limit': { requests: 3, windowSeconds: 2 },
          'x-invalid-parameter-status': { default: 422, 'date-time': 400 },
          parameters: [
            { $ref: '#/components/parameters/size' },
            {
              name: 'tags',
              in: 'query',
              style: 'form',
              explode: false,
              schema: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
            },
          ],
          responses: {
            '200': {
              description: 'ok',
              headers: { 'X-Left': { $ref: '#/components/headers/Left' } },
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
                },
              },
            },
            '4XX': { description: 'bad', content: { 'application/problem+json': { schema: {} } } },
          },
        },
      },
    },
    components: {
      parameters: {
        thingId: { name: 'thingId', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
        size: {
          name: 'size',
          in: 'query',
          schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 9, default: 5 },
          'x-kaiten-limit-clamp': { above: 9, applies: 9, zeroMeans: 'default' },
        },
      },
      headers: { Left: { required: true, schema: { type: 'integer', minimum: 0 } } },
      schemas: {
        Tag: { type: 'string', enum: ['red', 'blue'] },
        Thing: {
          type: 'object',
          required: ['id', 'owner', 'data'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            owner: { oneOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'null' }] },
            data: { description: 'anything' },
            note: { type: ['string', 'null'] },
            tag: { $ref: '#/components/schemas/Tag' },
          },
        },
        Owner: { type: 'object' },
      },
    },
  }
  for (const [pointer, value] of Object.entries(changes)) {
    const tokens = pointer
      .split('/')
      .slice(1)
      .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
    const last = tokens.pop() as string
    let node = doc
    for (const token of tokens) node = node[token] as Record<string, unknown>
    node[last] = value
  }
  return doc
}

describe('buildApiModel', () => {
  const model = buildApiModel(document())
  const operation = model.operations.listThings!

  it('reads the operation, its path template and the servers that apply', () => {
    expect(model).toMatchObject({ title: 'Things', version: '2.0.0' })
    expect(operation).toMatchObject({ operationId: 'listThings', method: 'get', path: '/things/{thingId}' })
    expect(operation.servers).toEqual([
      { url: 'https://{host}/api', variables: { host: { default: 'localhost', enum: ['localhost'] } } },
    ])
  })

  it('resolves parameters, path-level ones included, with OpenAPI style defaults', () => {
    expect(operation.parameters.map((p) => `${p.in} ${p.name} ${p.style} ${p.explode}`)).toEqual([
      'path thingId simple false',
      'query size form true',
      'query tags form false',
    ])
    expect(operation.parameters[0]).toMatchObject({
      required: true,
      schema: { types: ['string'], minLength: 1 },
    })
    expect(operation.parameters[1]).toEqual({
      name: 'size',
      in: 'query',
      required: false,
      style: 'form',
      explode: true,
      schema: { types: ['integer'], format: 'int32', minimum: 0, maximum: 9, default: 5 },
      limitClamp: { above: 9, applies: 9, zeroMeans: 'default' },
      extensions: { 'x-kaiten-limit-clamp': { above: 9, applies: 9, zeroMeans: 'default' } },
    })
    expect(operation.parameters[2]?.schema).toEqual({
      types: ['array'],
      items: { types: ['string'], enum: ['red', 'blue'] },
    })
  })

  it('lists every documented status with its media types and headers', () => {
    expect(operation.responses).toEqual([
      {
        status: '200',
        mediaTypes: ['application/json'],
        headers: [{ name: 'X-Left', required: true, schema: { types: ['integer'], minimum: 0 } }],
      },
      { status: '4XX', mediaTypes: ['application/problem+json'], headers: [] },
    ])
  })

  it('gives the fields of the 200 array item with their JSON types', () => {
    expect(operation.item?.fields).toEqual([
      { name: 'id', required: true, types: ['string'], format: 'uuid' },
      { name: 'owner', required: true, types: ['object', 'null'] },
      { name: 'data', required: true, types: [] },
      { name: 'note', required: false, types: ['string', 'null'] },
      { name: 'tag', required: false, types: ['string'], enum: ['red', 'blue'] },
    ])
  })

  it('reads the rate limit and the invalid-parameter statuses', () => {
    expect(operation.rateLimit).toEqual({ requests: 3, windowSeconds: 2 })
    expect(operation.invalidParameterStatus).toEqual({ default: 422, 'date-time': 400 })
  })

  it.each([
    [
      'a clamp without a number',
      { '/components/parameters/size/x-kaiten-limit-clamp': { above: 'many', applies: 9 } },
      '/components/parameters/size/x-kaiten-limit-clamp/above: expected a number, got "many"',
    ],
    [
      'a status map without default',
      { '/paths/~1things~1{thingId}/get/x-invalid-parameter-status': { 'date-time': 400 } },
      '/paths/~1things~1{thingId}/get/x-invalid-parameter-status: a `default` status is required',
    ],
    [
      'a $ref cycle',
      { '/components/schemas/Tag': { $ref: '#/components/schemas/Tag' } },
      '/components/schemas/Tag: $ref cycle',
    ],
    [
      'a remote $ref',
      { '/components/schemas/Tag': { $ref: 'other.yaml#/Tag' } },
      'only local $refs are supported, got other.yaml#/Tag',
    ],
    [
      'a dangling $ref',
      { '/components/parameters/size': { $ref: '#/components/parameters/nope' } },
      '/components/parameters/nope: the $ref points at nothing',
    ],
  ])('refuses %s, naming where', (_, changes, message) => {
    expect(() => buildApiModel(document(changes))).toThrow(ApiModelError)
    expect(() => buildApiModel(document(changes))).toThrow(message)
  })

  it('is what pnpm generate wrote for both specs', () => {
    expect(buildApiModel(kaitenShSpec)).toEqual(kaitenShModel)
    expect(buildApiModel(kaitenRuSpec)).toEqual(kaitenRuModel)
  })
})

describe('spec edits (testing entry)', () => {
  it('edit a copy: the bundled spec and a fresh copy stay as they were', () => {
    const { model } = editedSpec(
      'kaiten-ru',
      addEnumValue('retrieveAuditLogEvents', 'categories', 'billing'),
      patchParameterSchema('retrieveAuditLogEvents', 'offset', { maximum: 1000 }),
      addParameter('retrieveAuditLogEvents', { name: 'board_id', in: 'query', schema: { type: 'integer' } }),
      addResponse('retrieveAuditLogEvents', '409'),
      setParameterExtension('retrieveAuditLogEvents', 'limit', 'x-kaiten-limit-clamp', {
        above: 300,
        applies: 300,
      }),
    )
    const operation = model.operations.retrieveAuditLogEvents!
    const parameter = (name: string) => operation.parameters.find((p) => p.name === name)
    expect(parameter('categories')?.schema.items?.enum).toContain('billing')
    expect(parameter('offset')?.schema.maximum).toBe(1000)
    expect(parameter('board_id')).toMatchObject({
      in: 'query',
      required: false,
      schema: { types: ['integer'] },
    })
    expect(parameter('limit')?.limitClamp).toEqual({ above: 300, applies: 300 })
    expect(operation.responses.map((r) => r.status)).toContain('409')

    expect(buildApiModel(specDocument('kaiten-ru'))).toEqual(kaitenRuModel)
    expect(buildApiModel(kaitenRuSpec)).toEqual(kaitenRuModel)
  })

  it('names what an edit could not find', () => {
    expect(() => editedSpec('kaiten-sh', addEnumValue('getAuditTrails', 'limit', 7))).toThrow(
      'parameter limit has no enum',
    )
    expect(() => editedSpec('kaiten-sh', addResponse('nope', '409'))).toThrow('no operation nope')
    expect(() => editedSpec('kaiten-sh', patchParameterSchema('getAuditTrails', 'nope', {}))).toThrow(
      'no parameter nope',
    )
  })
})
