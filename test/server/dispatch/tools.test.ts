import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { JsonRpcErrorCode } from '../../../src/core/errors/codes.ts'
import { ProtocolError } from '../../../src/core/errors/protocol-error.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'
import type { StandardSchemaV1 } from '../../../src/server/registry/standard-schema.ts'
import { ALL, call, expectValidResult, LEGACY, MODERN, protocolError } from './harness.ts'
import { SCHEMA_2020_12, sampleServer } from './sample-server.ts'

function server(): ServerRegistry {
  return new ServerRegistry({ name: 'tools', version: '1' })
}

async function callTool(
  registry: ServerRegistry,
  request: { name: string; arguments?: Record<string, unknown>; revision?: (typeof ALL)[number] },
) {
  const revision = request.revision ?? MODERN
  const params: Record<string, unknown> = { name: request.name }
  if (request.arguments !== undefined) params.arguments = request.arguments
  const result = await call(registry, { method: 'tools/call', params, revision })
  return expectValidResult(revision, 'tools/call', result)
}

describe('tools/list', () => {
  test('lists tools in registration order, the same on every call', async () => {
    const registry = server()
    for (const name of ['zeta', 'alpha', 'mid.tool', 'x-1']) registry.tool(name, () => 'ok')
    const first = await call(registry, { method: 'tools/list' })
    const second = await call(registry, { method: 'tools/list' })
    const names = (first.tools as { name: string }[]).map((tool) => tool.name)
    expect(names).toEqual(['zeta', 'alpha', 'mid.tool', 'x-1'])
    expect(second.tools).toEqual(first.tools)
  })

  test('a raw JSON Schema is listed verbatim in every revision that knows it', async () => {
    const registry = sampleServer()
    for (const revision of ALL) {
      const result = await call(registry, { method: 'tools/list', revision })
      const tool = (result.tools as Record<string, unknown>[]).find(
        (t) => t.name === 'json_schema_2020_12_tool',
      )
      expect(tool?.inputSchema).toEqual(SCHEMA_2020_12)
    }
  })

  test('a zod schema is listed as its JSON Schema (2020-12)', async () => {
    const result = await call(sampleServer(), { method: 'tools/list' })
    const add = (result.tools as Record<string, unknown>[]).find((t) => t.name === 'add')
    expect(add?.inputSchema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    })
    expect(add?.outputSchema).toMatchObject({ type: 'object', required: ['sum'] })
  })

  test('older revisions do not see fields they do not define', async () => {
    const registry = sampleServer()
    const tool = async (revision: (typeof ALL)[number], name: string) => {
      const result = await call(registry, { method: 'tools/list', revision })
      return (result.tools as Record<string, unknown>[]).find((t) => t.name === name) ?? {}
    }
    expect(Object.keys(await tool('2024-11-05', 'add')).sort()).toEqual([
      'description',
      'inputSchema',
      'name',
    ])
    expect(await tool('2025-03-26', 'test_simple_text')).toHaveProperty('annotations')
    expect(await tool('2025-03-26', 'test_simple_text')).not.toHaveProperty('title')
    expect(await tool('2025-06-18', 'add')).toHaveProperty('outputSchema')
    expect(await tool('2025-06-18', 'add')).not.toHaveProperty('icons')
    expect(await tool('2025-11-25', 'add')).toHaveProperty('icons')
  })

  test('a non-object output schema is only advertised to 2026-07-28 clients', async () => {
    const registry = server()
    registry.tool('list', { outputSchema: z.array(z.string()) }, () => ({
      structuredContent: ['a'],
    }))
    const legacy = await call(registry, { method: 'tools/list', revision: '2025-11-25' })
    expect((legacy.tools as Record<string, unknown>[])[0]).not.toHaveProperty('outputSchema')
    const modern = await call(registry, { method: 'tools/list' })
    expect((modern.tools as Record<string, unknown>[])[0]?.outputSchema).toMatchObject({
      type: 'array',
    })
    const legacyCall = await callTool(registry, { name: 'list', revision: '2025-11-25' })
    expect(legacyCall).not.toHaveProperty('structuredContent')
    expect(legacyCall.content).toEqual([{ type: 'text', text: '["a"]' }])
    const modernCall = await callTool(registry, { name: 'list' })
    expect(modernCall.structuredContent).toEqual(['a'])
  })
})

describe('tools/call results', () => {
  test('a string is one text block', async () => {
    const result = await callTool(sampleServer(), { name: 'test_simple_text' })
    expect(result.content).toEqual([
      { type: 'text', text: 'This is a simple text response for testing.' },
    ])
    expect(result.isError).toBeUndefined()
  })

  test('structuredContent alone also comes as serialised JSON in a text block', async () => {
    for (const revision of ['2025-06-18', '2025-11-25', MODERN] as const) {
      const result = await callTool(sampleServer(), {
        name: 'add',
        arguments: { a: 2, b: 3 },
        revision,
      })
      expect(result.structuredContent).toEqual({ sum: 5 })
      expect(result.content).toEqual([{ type: 'text', text: '{"sum":5}' }])
    }
  })

  test('revisions without structured output get only the text block', async () => {
    for (const revision of ['2024-11-05', '2025-03-26'] as const) {
      const result = await callTool(sampleServer(), {
        name: 'add',
        arguments: { a: 2, b: 3 },
        revision,
      })
      expect(result).not.toHaveProperty('structuredContent')
      expect(result.content).toEqual([{ type: 'text', text: '{"sum":5}' }])
    }
  })

  test('structuredContent that fails the output schema is a tool error', async () => {
    const registry = server()
    registry.tool('bad', { outputSchema: z.object({ n: z.number() }) }, () => ({
      structuredContent: { n: 'one' },
    }))
    registry.tool('missing', { outputSchema: z.object({ n: z.number() }) }, () => 'no structure')
    const bad = await callTool(registry, { name: 'bad' })
    expect(bad.isError).toBe(true)
    expect(bad).not.toHaveProperty('structuredContent')
    expect(JSON.stringify(bad.content)).toMatch(/Output validation error.*n/)
    const missing = await callTool(registry, { name: 'missing' })
    expect(missing.isError).toBe(true)
    expect(JSON.stringify(missing.content)).toMatch(/no structuredContent/)
  })

  test('a raw JSON output schema validates structuredContent too', async () => {
    const registry = server()
    const outputSchema = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] }
    registry.tool('raw', { outputSchema }, (args) => ({ structuredContent: args }))
    expect((await callTool(registry, { name: 'raw', arguments: { n: 1 } })).isError).toBeUndefined()
    expect((await callTool(registry, { name: 'raw', arguments: { n: 'x' } })).isError).toBe(true)
  })

  test('an error result skips output validation', async () => {
    const registry = server()
    registry.tool('fails', { outputSchema: z.object({ n: z.number() }) }, () => ({
      content: [{ type: 'text', text: 'broken' }],
      isError: true,
    }))
    const result = await callTool(registry, { name: 'fails' })
    expect(result).toMatchObject({ isError: true, content: [{ type: 'text', text: 'broken' }] })
  })

  test('a thrown error is a tool error with its message, reported to onError', async () => {
    const reported: unknown[] = []
    const registry = sampleServer({ onError: (error, context) => reported.push([error, context]) })
    const result = await callTool(registry, { name: 'test_error_handling' })
    expect(result.isError).toBe(true)
    expect(result.content).toEqual([
      { type: 'text', text: 'This tool intentionally returns an error for testing' },
    ])
    expect(reported).toHaveLength(1)
  })

  test('a thrown ProtocolError is the JSON-RPC error', async () => {
    const registry = server()
    registry.tool('protocol', () => {
      throw new ProtocolError(JsonRpcErrorCode.UrlElicitationRequired, 'Visit the URL first', {
        data: { elicitations: [] },
      })
    })
    const params = { name: 'protocol' }
    const error = await protocolError(
      call(registry, { method: 'tools/call', params, revision: '2025-11-25' }),
    )
    expect(error).toMatchObject({ code: -32042, message: 'Visit the URL first' })
  })

  test('an unknown tool is -32602', async () => {
    const error = await protocolError(
      call(sampleServer(), { method: 'tools/call', params: { name: 'nope' } }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
    expect(error.message).toBe('Unknown tool: nope')
  })

  test('a result invalid for the revision becomes a tool error', async () => {
    const registry = server()
    registry.tool('link', () => ({
      content: [{ type: 'resource_link', uri: 'test://x', name: 'x' }],
    }))
    expect(
      (await callTool(registry, { name: 'link', revision: '2025-06-18' })).isError,
    ).toBeUndefined()
    const old = await callTool(registry, { name: 'link', revision: '2025-03-26' })
    expect(old.isError).toBe(true)
    expect(JSON.stringify(old.content)).toMatch(/invalid result for 2025-03-26/)
  })

  test('_meta of the handler is kept (and joined by serverInfo in 2026-07-28)', async () => {
    const registry = server()
    registry.tool('meta', () => ({ content: [], _meta: { 'example.com/trace': 'abc' } }))
    const legacy = await callTool(registry, { name: 'meta', revision: '2025-06-18' })
    expect(legacy._meta).toEqual({ 'example.com/trace': 'abc' })
    const modern = await callTool(registry, { name: 'meta' })
    expect(modern._meta).toMatchObject({
      'example.com/trace': 'abc',
      'io.modelcontextprotocol/serverInfo': { name: 'tools', version: '1' },
    })
  })
})

describe('input validation', () => {
  test('zod arguments are validated and parsed (defaults applied)', async () => {
    const registry = server()
    registry.tool(
      'greet',
      { inputSchema: z.object({ name: z.string(), punctuation: z.string().default('!') }) },
      ({ name, punctuation }) => `Hello ${name}${punctuation}`,
    )
    const result = await callTool(registry, { name: 'greet', arguments: { name: 'Ada' } })
    expect(result.content).toEqual([{ type: 'text', text: 'Hello Ada!' }])
  })

  test('invalid arguments are a tool error from 2025-11-25 on, -32602 before', async () => {
    const registry = sampleServer()
    for (const revision of ['2025-11-25', MODERN] as const) {
      const result = await callTool(registry, {
        name: 'add',
        arguments: { a: 'x', b: 1 },
        revision,
      })
      expect(result.isError).toBe(true)
      expect(JSON.stringify(result.content)).toMatch(/Input validation error.*a/)
    }
    for (const revision of ['2024-11-05', '2025-03-26', '2025-06-18'] as const) {
      const params = { name: 'add', arguments: { a: 'x', b: 1 } }
      const error = await protocolError(call(registry, { method: 'tools/call', params, revision }))
      expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
      expect(error.message).toMatch(/Input validation error/)
    }
  })

  test('raw JSON Schema arguments are validated when zod can express the schema', async () => {
    const registry = server()
    registry.tool(
      'region',
      {
        inputSchema: {
          type: 'object',
          properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
          required: ['region'],
        },
      },
      (args) => `region ${String(args.region)}`,
    )
    expect(
      (await callTool(registry, { name: 'region', arguments: { region: 'eu' } })).content,
    ).toEqual([{ type: 'text', text: 'region eu' }])
    expect((await callTool(registry, { name: 'region', arguments: {} })).isError).toBe(true)
    expect(registry.toolInputSchema('region')).toEqual({
      type: 'object',
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
      required: ['region'],
    })
    expect(registry.toolInputSchema('nope')).toBeUndefined()
  })

  test('a schema zod cannot express is passed through to the handler unvalidated', async () => {
    const result = await callTool(sampleServer(), {
      name: 'json_schema_2020_12_tool',
      arguments: { anything: true },
    })
    expect(result.content).toEqual([{ type: 'text', text: '{"anything":true}' }])
  })

  test('any Standard Schema validates, with its JSON Schema given explicitly', async () => {
    let seen: unknown
    const evenOnly: StandardSchemaV1<unknown, { n: number }> = {
      '~standard': {
        version: 1,
        vendor: 'handmade',
        validate: async (value) => {
          const n = (value as { n?: unknown }).n
          return typeof n === 'number' && n % 2 === 0
            ? { value: { n } }
            : { issues: [{ message: 'must be even', path: ['n'] }] }
        },
      },
    }
    const registry = server()
    registry.tool(
      'even',
      {
        inputSchema: evenOnly,
        inputJsonSchema: { type: 'object', properties: { n: { type: 'integer' } } },
      },
      (args) => {
        seen = args
        return `got ${args.n}`
      },
    )
    expect((await callTool(registry, { name: 'even', arguments: { n: 4 } })).content).toEqual([
      { type: 'text', text: 'got 4' },
    ])
    expect(seen).toEqual({ n: 4 })
    const odd = await callTool(registry, { name: 'even', arguments: { n: 3 } })
    expect(odd.isError).toBe(true)
    expect(JSON.stringify(odd.content)).toMatch(/n: must be even/)
  })

  test.each(LEGACY)('missing arguments are an empty object at %s', async (revision) => {
    const registry = server()
    registry.tool('args', (args) => JSON.stringify(args))
    const result = await callTool(registry, { name: 'args', revision })
    expect(result.content).toEqual([{ type: 'text', text: '{}' }])
  })
})
