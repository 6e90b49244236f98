import { describe, expect, test } from 'vitest'
import { decodeHeaderValue } from '../../../src/server/modern/header-value.ts'
import { checkParamHeaders, paramHeaderBindings } from '../../../src/server/modern/param-headers.ts'

function b64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
}

describe('decodeHeaderValue (SEP-2243 value encoding)', () => {
  test('plain visible ASCII is literal', () => {
    expect(decodeHeaderValue('us-west1')).toBe('us-west1')
    expect(decodeHeaderValue('SGVsbG8=')).toBe('SGVsbG8=')
    expect(decodeHeaderValue('=?base64?SGVsbG8=')).toBe('=?base64?SGVsbG8=')
  })

  test('the sentinel carries UTF-8, including whitespace and look-alikes', () => {
    expect(decodeHeaderValue(`=?base64?${b64('Hello, 世界')}?=`)).toBe('Hello, 世界')
    expect(decodeHeaderValue(`=?base64?${b64(' padded ')}?=`)).toBe(' padded ')
    expect(decodeHeaderValue(`=?base64?${b64('=?base64?literal?=')}?=`)).toBe('=?base64?literal?=')
    expect(decodeHeaderValue('=?base64??=')).toBe('')
  })

  test('invalid Base64, invalid UTF-8 and control characters are refused', () => {
    expect(decodeHeaderValue('=?base64?SGVsbG8?=')).toBeUndefined()
    expect(decodeHeaderValue('=?base64?SGVs!!!bG8=?=')).toBeUndefined()
    expect(decodeHeaderValue(`=?base64?${btoa('\xff\xfe')}?=`)).toBeUndefined()
    expect(decodeHeaderValue('caf\u00e9')).toBeUndefined()
    expect(decodeHeaderValue('a\u0001b')).toBeUndefined()
  })
})

describe('Mcp-Param bindings', () => {
  const schema = {
    type: 'object',
    properties: {
      region: { type: 'string', 'x-mcp-header': 'Region' },
      list: { type: 'array', items: { type: 'string', 'x-mcp-header': 'Item' } },
      choice: { anyOf: [{ type: 'string', 'x-mcp-header': 'Choice' }] },
      nested: {
        type: 'object',
        properties: { depth: { type: 'integer', 'x-mcp-header': 'Depth' } },
      },
      bad: { type: 'string', 'x-mcp-header': 'not a token' },
    },
  }

  test('only properties chains are mirrored; bindings are cached per schema', () => {
    const bindings = paramHeaderBindings(schema)
    expect(bindings).toEqual([
      { header: 'Mcp-Param-Region', path: ['region'] },
      { header: 'Mcp-Param-Depth', path: ['nested', 'depth'] },
    ])
    expect(paramHeaderBindings(schema)).toBe(bindings)
  })

  test('integers compare numerically, absent values need no header', () => {
    const bindings = paramHeaderBindings(schema)
    const check = (args: unknown, headers: Record<string, string>) =>
      checkParamHeaders(bindings, { arguments: args, headers: new Headers(headers) })
    expect(check({ nested: { depth: 42 } }, { 'mcp-param-depth': '42.0' })).toBeUndefined()
    expect(check({ nested: { depth: 42 } }, { 'mcp-param-depth': '4.2e1' })).toBeUndefined()
    expect(check({ nested: { depth: 42 } }, { 'mcp-param-depth': '' })?.code).toBe(-32020)
    expect(check({ nested: { depth: 42 } }, { 'mcp-param-depth': 'x42' })?.code).toBe(-32020)
    expect(check({}, {})).toBeUndefined()
    expect(check(undefined, {})).toBeUndefined()
    expect(check({ region: 'eu' }, {})?.message).toMatch(/Mcp-Param-Region header is missing/)
  })
})
