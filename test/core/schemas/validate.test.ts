import { describe, expect, test } from 'vitest'
import type { ProtocolRevision } from '../../../src/core/eras/versions.ts'
import {
  formatPath,
  schemasFor,
  type ValidationResult,
  validate,
  validateWith,
} from '../../../src/core/schemas/index.ts'

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
}

function failure(result: ValidationResult) {
  if (result.ok) throw new Error('expected a validation failure')
  return result
}

describe('validate', () => {
  test('returns the parsed value on success', () => {
    const value = { jsonrpc: '2.0', id: 1, method: 'ping' }
    expect(validate('2025-06-18', 'JSONRPCRequest', value)).toEqual({ ok: true, value })
  })

  test('names the nested path that failed', () => {
    const result = failure(
      validate('2026-07-28', 'CallToolRequest', {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'add', arguments: 'one and two', _meta: META },
      }),
    )
    expect(result.issues).toEqual([
      { path: ['params', 'arguments'], message: 'expected object, received string' },
    ])
    expect(result.message).toBe('params.arguments: expected object, received string')
  })

  test('reports every failure, with array indices and quoted keys', () => {
    const result = failure(
      validate('2026-07-28', 'CallToolRequest', {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 7, _meta: { ...META, 'io.modelcontextprotocol/logLevel': 'loud' } },
      }),
    )
    expect(result.issues.map((issue) => issue.path)).toEqual([
      ['params', '_meta', 'io.modelcontextprotocol/logLevel'],
      ['params', 'name'],
    ])
    expect(result.message).toContain(
      'params._meta["io.modelcontextprotocol/logLevel"]: expected one of',
    )
    expect(result.message).toContain('params.name: expected string, received number')
  })

  test('says when a required member is missing', () => {
    const result = failure(
      validate('2026-07-28', 'ListToolsResult', { resultType: 'complete', tools: [], ttlMs: 0 }),
    )
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]?.path).toEqual(['cacheScope'])
    expect(result.message).toContain('received undefined')
  })

  test('descends into the union branch whose discriminator matched', () => {
    const result = failure(
      validate('2025-06-18', 'CallToolResult', {
        content: [
          { type: 'text', text: 'ok' },
          { type: 'image', data: 42 },
        ],
      }),
    )
    expect(result.issues.map((issue) => issue.path)).toEqual([
      ['content', 1, 'data'],
      ['content', 1, 'mimeType'],
    ])
    expect(result.message).toBe(
      'content[1].data: expected string, received number; content[1].mimeType: expected string, received undefined',
    )
  })

  test('names the discriminator when no branch matches it', () => {
    const result = failure(validate('2025-06-18', 'ContentBlock', { type: 'video' }))
    expect(result.issues[0]?.path).toEqual(['type'])
    expect(result.message).toContain("'resource_link'")
  })

  test('picks the branch that failed on a present member over ones missing members', () => {
    const result = failure(
      validate('2025-06-18', 'JSONRPCMessage', { jsonrpc: '2.0', id: 1, result: 5 }),
    )
    expect(result.message).toBe('result: expected object, received number')
  })

  test('picks the branch whose literal matched among untagged unions', () => {
    const result = failure(
      validate('2025-11-25', 'ElicitRequestParams', {
        mode: 'url',
        message: 'Sign in',
        url: 'https://x',
      }),
    )
    expect(result.issues).toEqual([
      { path: ['elicitationId'], message: 'expected string, received undefined' },
    ])
  })

  test('merges a union that failed on the type alone', () => {
    const result = failure(validate('2024-11-05', 'RequestId', true))
    expect(result.issues).toEqual([
      { path: [], message: 'expected string | number, received boolean' },
    ])
    expect(result.message).toBe('(root): expected string | number, received boolean')
  })

  test('reports the result branch of a 2026-07-28 method result', () => {
    const result = validateWith(
      schemasFor('2026-07-28').methods['tools/call']?.result ?? failNoSchema(),
      {
        resultType: 'complete',
        content: [{ type: 'text' }],
      },
    )
    expect(failure(result).message).toBe('content[0].text: expected string, received undefined')
  })

  test('shortens long lists of issues', () => {
    const result = failure(
      validate('2024-11-05', 'ListToolsResult', { tools: [1, 2, 3, 4, 5, 6, 7].map(() => ({})) }),
    )
    expect(result.issues.length).toBeGreaterThan(5)
    expect(result.message).toMatch(/; and \d+ more$/)
  })

  test('never throws for bad data', () => {
    const values: unknown[] = [undefined, null, 0, 'x', [], () => 1, Symbol('s'), new Date(0)]
    for (const value of values) {
      expect(validate('2026-07-28', 'JSONRPCMessage', value).ok).toBe(false)
    }
  })

  test('words every failure itself, without zod locale prefixes', () => {
    const bound = failure(validate('2025-11-25', 'ModelPreferences', { costPriority: 2 }))
    expect(bound.message).toBe('costPriority: expected number to be <=1')
    const level = failure(validate('2025-11-25', 'LoggingLevel', 'loud'))
    expect(level.message).toBe(
      `(root): expected one of ${'"debug"|"info"|"notice"'}|"warning"|"error"|"critical"|"alert"|"emergency"`,
    )
    const list = failure(
      validate('2026-07-28', 'CompleteResult', {
        resultType: 'complete',
        completion: { values: Array.from({ length: 101 }, String) },
      }),
    )
    expect(list.message).toBe('completion.values: expected array to have <=100 items')
    const mrtr = failure(
      validate('2026-07-28', 'InputRequiredResult', { resultType: 'input_required' }),
    )
    expect(mrtr.message).toBe(
      '(root): At least one of inputRequests or requestState must be present',
    )
    for (const result of [bound, level, list, mrtr])
      expect(result.message).not.toMatch(/Invalid (input|option)/)
  })

  test('throws an Error naming the type and revision for an unknown type', () => {
    expect(() => validate('2026-07-28', 'PingRequest', {})).toThrow(/2026-07-28.*PingRequest/)
    expect(() => validate('2024-11-05', 'NoSuchType', {})).toThrow(Error)
    expect(() => validate('2025-11-25', '~CallToolOutcome', {})).toThrow(/~CallToolOutcome/)
  })

  test('throws for an unknown revision', () => {
    expect(() => validate('1999-01-01' as ProtocolRevision, 'Tool', {})).toThrow(/1999-01-01/)
    expect(() => schemasFor('1999-01-01' as ProtocolRevision)).toThrow(/1999-01-01/)
  })
})

describe('formatPath', () => {
  test('dots identifiers, brackets indices and other keys', () => {
    expect(formatPath([])).toBe('(root)')
    expect(formatPath(['params', 'messages', 0, 'content'])).toBe('params.messages[0].content')
    expect(formatPath(['_meta', 'io.modelcontextprotocol/clientInfo', 'name'])).toBe(
      '_meta["io.modelcontextprotocol/clientInfo"].name',
    )
    expect(formatPath([3])).toBe('[3]')
  })
})

function failNoSchema(): never {
  throw new Error('missing schema')
}
