import { describe, expect, test } from 'vitest'
import { encodeHeaderValue, headerText } from '../../../src/client/modern/header-value.ts'
import { standardHeaders } from '../../../src/client/modern/request-meta.ts'
import { checkToolHeaders, paramHeaders } from '../../../src/client/modern/tool-headers.ts'
import type { Json } from '../support/fake-fetch.ts'
import { result, rpcError } from '../support/fake-fetch.ts'
import { answer, clientOn, MODERN, recordEvents, routes } from '../support/harness.ts'

const decode = (value: string) => {
  const match = /^=\?base64\?(.*)\?=$/.exec(value)
  if (match === null) return value
  return new TextDecoder().decode(Uint8Array.from(atob(match[1] ?? ''), (c) => c.charCodeAt(0)))
}

describe('header values (SEP-2243)', () => {
  test.each([
    ['us-west1', 'us-west1'],
    ['us west 1', 'us west 1'],
    ['', ''],
    ['Hello, 世界', '=?base64?SGVsbG8sIOS4lueVjA==?='],
    [' padded ', '=?base64?IHBhZGRlZCA=?='],
    ['line1\nline2', '=?base64?bGluZTEKbGluZTI=?='],
    ['=?base64?literal?=', '=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?='],
  ])('%j is sent as %j', (value, expected) => {
    expect(encodeHeaderValue(value)).toBe(expected)
    expect(decode(expected)).toBe(value)
  })

  test.each(['\tindented', 'line1\r\nline2', ' us-west1', 'us-west1 ', 'a\u007fb'])(
    '%j needs the sentinel',
    (value) => {
      expect(encodeHeaderValue(value)).toMatch(/^=\?base64\?.*\?=$/)
      expect(decode(encodeHeaderValue(value))).toBe(value)
    },
  )

  test('argument values become header text', () => {
    expect(headerText(42)).toBe('42')
    expect(headerText(-7)).toBe('-7')
    expect(headerText(true)).toBe('true')
    expect(headerText(false)).toBe('false')
    expect(headerText('x')).toBe('x')
    expect(headerText(null)).toBeUndefined()
    expect(headerText(undefined)).toBeUndefined()
    expect(headerText({})).toBeUndefined()
  })

  test('standard headers mirror the method, and the name or uri', () => {
    expect(
      standardHeaders({ method: 'tools/call', params: { name: 'echo' }, protocolVersion: MODERN }),
    ).toEqual({
      'MCP-Protocol-Version': MODERN,
      'Mcp-Method': 'tools/call',
      'Mcp-Name': 'echo',
    })
    expect(
      standardHeaders({
        method: 'resources/read',
        params: { uri: 'file:///ü' },
        protocolVersion: MODERN,
      })['Mcp-Name'],
    ).toBe(encodeHeaderValue('file:///ü'))
    expect(
      standardHeaders({ method: 'prompts/get', params: { name: 'p' }, protocolVersion: MODERN })[
        'Mcp-Name'
      ],
    ).toBe('p')
    expect(
      standardHeaders({ method: 'tools/list', params: undefined, protocolVersion: MODERN }),
    ).not.toHaveProperty('Mcp-Name')
  })
})

const property = (type: unknown, header?: unknown) =>
  header === undefined ? { type } : { type, 'x-mcp-header': header }
const schema = (properties: Record<string, unknown>) => ({ type: 'object', properties })

describe('x-mcp-header annotations', () => {
  test('valid annotations give bindings, nested properties included', () => {
    const check = checkToolHeaders(
      schema({
        region: property('string', 'Region'),
        priority: property('integer', 'Priority'),
        verbose: property('boolean', 'Verbose'),
        nested: { type: 'object', properties: { zone: property('string', 'Zone') } },
        query: property('string'),
        mode: { enum: ['a', 'b'], 'x-mcp-header': 'Mode' },
      }),
    )
    expect(check).toEqual({
      ok: true,
      bindings: [
        { header: 'Mcp-Param-Region', path: ['region'] },
        { header: 'Mcp-Param-Priority', path: ['priority'] },
        { header: 'Mcp-Param-Verbose', path: ['verbose'] },
        { header: 'Mcp-Param-Zone', path: ['nested', 'zone'] },
        { header: 'Mcp-Param-Mode', path: ['mode'] },
      ],
    })
  })

  test.each([
    ['empty', schema({ value: property('string', '') })],
    ['on an object', schema({ data: property('object', 'Data') })],
    [
      'on an array',
      schema({ items: { type: 'array', items: { type: 'string' }, 'x-mcp-header': 'Items' } }),
    ],
    ['on null', schema({ nil: property('null', 'Nil') })],
    ['on a number', schema({ ratio: property('number', 'Ratio') })],
    ['duplicated', schema({ a: property('string', 'Region'), b: property('string', 'Region') })],
    [
      'duplicated across case',
      schema({ a: property('string', 'MyField'), b: property('string', 'myfield') }),
    ],
    ['with a space', schema({ value: property('string', 'My Region') })],
    ['with a colon', schema({ value: property('string', 'Region:Primary') })],
    ['non-ASCII', schema({ value: property('string', 'Région') })],
    ['with a control character', schema({ value: property('string', 'Region\t1') })],
    ['not a string', schema({ value: property('string', 7) })],
    [
      'under items',
      schema({
        list: {
          type: 'array',
          items: { type: 'object', properties: { x: property('string', 'X') } },
        },
      }),
    ],
    ['under anyOf', schema({ v: { anyOf: [property('string', 'V')] } })],
    [
      'under if/then',
      // biome-ignore lint/suspicious/noThenProperty: the JSON Schema if/then keyword under test
      { type: 'object', if: {}, then: { properties: { v: property('string', 'V') } } },
    ],
    [
      'under $defs',
      {
        type: 'object',
        $defs: { v: property('string', 'V') },
        properties: { v: { $ref: '#/$defs/v' } },
      },
    ],
    ['on the root', { type: 'object', 'x-mcp-header': 'Root' }],
  ])('an annotation %s makes the tool invalid', (_name, inputSchema) => {
    const check = checkToolHeaders(inputSchema)
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.reason).toContain('x-mcp-header')
  })

  test('an x-mcp-header key inside data keywords is not an annotation', () => {
    const check = checkToolHeaders(
      schema({
        v: {
          type: 'object',
          default: { 'x-mcp-header': 'not one' },
          enum: [{ 'x-mcp-header': 1 }],
        },
      }),
    )
    expect(check).toEqual({ ok: true, bindings: [] })
  })

  test('param headers skip absent and null values and encode the rest', () => {
    const check = checkToolHeaders(
      schema({
        region: property('string', 'Region'),
        verbose: property('boolean', 'Verbose'),
        name: property('string', 'Name'),
        priority: property('integer', 'Priority'),
      }),
    )
    if (!check.ok) throw new Error(check.reason)
    expect(
      paramHeaders(check.bindings, {
        region: 'us-west1',
        verbose: null,
        name: 'Zoë',
        priority: 42,
      }),
    ).toEqual({
      'Mcp-Param-Region': 'us-west1',
      'Mcp-Param-Name': encodeHeaderValue('Zoë'),
      'Mcp-Param-Priority': '42',
    })
  })
})

/** The conformance `http-custom-headers` tool, reduced. */
const customTool = {
  name: 'test_custom_headers',
  inputSchema: schema({
    region: property('string', 'Region'),
    priority: property('integer', 'Priority'),
    verbose: property('boolean', 'Verbose'),
    debug: property('boolean', 'Debug'),
    empty_val: property('string', 'EmptyVal'),
    method_val: property('string', 'Method'),
    float_val: property('number'),
    non_ascii_val: property('string', 'NonAscii'),
    whitespace_val: property('string', 'Whitespace'),
    tab_val: property('string', 'Tab'),
    query: property('string'),
  }),
}

const invalidTool = {
  name: 'invalid_space_in_name',
  inputSchema: schema({ value: property('string', 'My Region') }),
}

function toolServer(onCall?: (message: Json, request: Request) => Response) {
  const calls: Request[] = []
  let lists = 0
  const fake = routes({
    'tools/list': (message) => {
      lists += 1
      return result(message.id, {
        resultType: 'complete',
        ttlMs: 0,
        cacheScope: 'private',
        tools: [customTool, invalidTool, { name: 'plain', inputSchema: { type: 'object' } }],
      })
    },
    'tools/call': (message, request) => {
      calls.push(request)
      if (onCall !== undefined) return onCall(message, request)
      return result(message.id, { resultType: 'complete', content: [{ type: 'text', text: 'ok' }] })
    },
  })
  return { fake, calls, lists: () => lists }
}

describe('tools/call headers on modern HTTP', () => {
  test('arguments are mirrored into Mcp-Param-* headers with the encoding rules', async () => {
    const { fake, calls } = toolServer()
    const client = clientOn(fake, { protocolVersion: MODERN })
    await client.listAllTools()
    await client.callTool({
      name: 'test_custom_headers',
      arguments: {
        region: 'us-west1',
        priority: 42,
        verbose: false,
        debug: true,
        empty_val: '',
        method_val: 'test-method',
        float_val: 2.5,
        non_ascii_val: 'Hello, 世界',
        whitespace_val: ' padded ',
        tab_val: '\tindented',
        query: 'SELECT * FROM users',
      },
    })
    const headers = calls[0]?.headers
    expect(headers?.get('mcp-method')).toBe('tools/call')
    expect(headers?.get('mcp-name')).toBe('test_custom_headers')
    expect(headers?.get('mcp-param-region')).toBe('us-west1')
    expect(headers?.get('mcp-param-priority')).toBe('42')
    expect(headers?.get('mcp-param-verbose')).toBe('false')
    expect(headers?.get('mcp-param-debug')).toBe('true')
    expect(headers?.get('mcp-param-emptyval')).toBe('')
    expect(headers?.get('mcp-param-method')).toBe('test-method')
    expect(headers?.get('mcp-method')).toBe('tools/call')
    expect(decode(headers?.get('mcp-param-nonascii') ?? '')).toBe('Hello, 世界')
    expect(headers?.get('mcp-param-whitespace')).toBe('=?base64?IHBhZGRlZCA=?=')
    expect(decode(headers?.get('mcp-param-tab') ?? '')).toBe('\tindented')
    const names = [...(headers?.keys() ?? [])]
    expect(names.filter((n) => n.startsWith('mcp-param-'))).toHaveLength(9)
    await client.close()
  })

  test('a null argument sends no header', async () => {
    const { fake, calls } = toolServer()
    const client = clientOn(fake, { protocolVersion: MODERN })
    await client.callTool({
      name: 'test_custom_headers',
      arguments: { region: 'us-east1', verbose: null },
    })
    expect(calls[0]?.headers.get('mcp-param-region')).toBe('us-east1')
    expect(calls[0]?.headers.has('mcp-param-verbose')).toBe(false)
    await client.close()
  })

  test('tools with invalid annotations are dropped from tools/list and reported', async () => {
    const { fake } = toolServer()
    const client = clientOn(fake, { protocolVersion: MODERN })
    const events = recordEvents(client)
    const tools = await client.listAllTools()
    expect(tools.map((t) => t.name)).toEqual(['test_custom_headers', 'plain'])
    expect(events).toContainEqual({
      type: 'tool:dropped',
      name: 'invalid_space_in_name',
      reason: expect.stringContaining('My Region'),
    })
    await client.close()
  })

  test('calling before listing lists the tools first, so the headers are right', async () => {
    const { fake, calls, lists } = toolServer()
    const client = clientOn(fake, { protocolVersion: MODERN })
    await client.callTool({ name: 'test_custom_headers', arguments: { region: 'eu' } })
    expect(lists()).toBe(1)
    expect(calls[0]?.headers.get('mcp-param-region')).toBe('eu')
    await client.close()
  })

  test('-32020 HeaderMismatch re-lists the tools and retries once', async () => {
    let mismatches = 0
    const { fake, calls, lists } = toolServer((message) => {
      if (mismatches === 0) {
        mismatches += 1
        return rpcError(message.id, { code: -32020, message: 'Header mismatch' }, 400)
      }
      return result(message.id, { resultType: 'complete', content: [] })
    })
    const client = clientOn(fake, { protocolVersion: MODERN })
    const events = recordEvents(client)
    await expect(client.callTool({ name: 'plain', arguments: {} })).resolves.toMatchObject({
      content: [],
    })
    expect(calls).toHaveLength(2)
    expect(lists()).toBe(2)
    expect(events).toContainEqual({
      type: 'request:retried',
      method: 'tools/call',
      reason: 'header-mismatch',
    })
    await client.close()
  })

  test('annotations are not checked in the legacy era', async () => {
    const fakeLegacy = routes({
      'server/discover': () => new Response('no', { status: 400 }),
      initialize: answer({
        protocolVersion: '2025-11-25',
        capabilities: {},
        serverInfo: { name: 'l', version: '1' },
      }),
      'tools/list': answer({ tools: [invalidTool] }),
    })
    const legacy = clientOn(fakeLegacy)
    await expect(legacy.listAllTools()).resolves.toHaveLength(1)
    await legacy.close()
  })
})
