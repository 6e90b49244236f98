import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { isConfigError } from '../../../src/core/errors/guards.ts'
import { prepareSchema } from '../../../src/server/registry/prepare-schema.ts'
import {
  isStandardSchema,
  runStandardSchema,
} from '../../../src/server/registry/standard-schema.ts'
import { SCHEMA_2020_12 } from '../dispatch/sample-server.ts'

const option = 'tools.t.inputSchema'

describe('prepareSchema', () => {
  test('zod 4: converted once, validated with zod', async () => {
    const prepared = prepareSchema({
      schema: z.object({ n: z.number().int() }),
      json: undefined,
      io: 'input',
      option,
    })
    expect(prepared.json).toMatchObject({ type: 'object', properties: { n: { type: 'integer' } } })
    expect(await prepared.check?.({ n: 1 })).toEqual({ ok: true, value: { n: 1 } })
    expect(await prepared.check?.({ n: 1.5 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^n: /),
    })
  })

  test('zod 4 with an explicit JSON Schema advertises the explicit one', () => {
    const json = { type: 'object', properties: { n: { type: 'number', description: 'custom' } } }
    const prepared = prepareSchema({
      schema: z.object({ n: z.number() }),
      json,
      io: 'input',
      option,
    })
    expect(prepared.json).toEqual(json)
  })

  test('raw JSON Schema is kept verbatim, frozen, and never shares the caller’s object', () => {
    const given = structuredClone(SCHEMA_2020_12)
    const prepared = prepareSchema({ schema: given, json: undefined, io: 'input', option })
    expect(prepared.json).toEqual(SCHEMA_2020_12)
    expect(prepared.json).not.toBe(given)
    expect(Object.isFrozen(prepared.json)).toBe(true)
    given.properties.name.type = 'number'
    expect((prepared.json.properties as { name: { type: string } }).name.type).toBe('string')
    expect(prepared.check).toBeUndefined()
  })

  test('raw JSON Schema with local $refs is validated; network $refs are never fetched', async () => {
    const local = prepareSchema({
      schema: {
        type: 'object',
        $defs: { n: { type: 'number' } },
        properties: { x: { $ref: '#/$defs/n' } },
        additionalProperties: false,
      },
      json: undefined,
      io: 'input',
      option,
    })
    expect((await local.check?.({ x: 1 }))?.ok).toBe(true)
    expect((await local.check?.({ x: 'a' }))?.ok).toBe(false)
    expect((await local.check?.({ y: 1 }))?.ok).toBe(false)
    const remote = prepareSchema({
      schema: { type: 'object', properties: { x: { $ref: 'https://example.com/schema.json' } } },
      json: undefined,
      io: 'input',
      option,
    })
    expect(remote.check).toBeUndefined()
    expect(remote.json).toEqual({
      type: 'object',
      properties: { x: { $ref: 'https://example.com/schema.json' } },
    })
  })

  test('another Standard Schema needs its JSON Schema', () => {
    const schema = {
      '~standard': {
        version: 1 as const,
        vendor: 'arktype',
        validate: (value: unknown) => ({ value }),
      },
    }
    expect(() => prepareSchema({ schema, json: undefined, io: 'input', option })).toThrow(
      /arktype schema needs its JSON Schema/,
    )
    const prepared = prepareSchema({ schema, json: { type: 'object' }, io: 'input', option })
    expect(prepared.json).toEqual({ type: 'object' })
  })

  test('anything else is refused', () => {
    for (const schema of [null, [], 'string']) {
      let error: unknown
      try {
        prepareSchema({ schema: schema as never, json: undefined, io: 'input', option })
      } catch (caught) {
        error = caught
      }
      expect(isConfigError(error)).toBe(true)
    }
  })
})

describe('Standard Schema helpers', () => {
  test('detection and async validation', async () => {
    expect(isStandardSchema(z.string())).toBe(true)
    expect(isStandardSchema({ type: 'object' })).toBe(false)
    expect(isStandardSchema(null)).toBe(false)
    const asyncSchema = {
      '~standard': {
        version: 1 as const,
        vendor: 'x',
        validate: async () => ({ issues: [{ message: 'bad', path: [{ key: 'a' }, 0] }] }),
      },
    }
    expect(await runStandardSchema(asyncSchema, {})).toEqual({ ok: false, message: 'a.0: bad' })
  })
})
