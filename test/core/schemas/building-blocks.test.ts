import { describe, expect, test } from 'vitest'
import {
  JsonRpcErrorResponseSchema,
  JsonRpcNotificationSchema,
  JsonRpcRequestSchema,
  JsonRpcResultResponseSchema,
  LOGGING_LEVELS,
  LoggingLevelSchema,
  META_KEYS,
  RESULT_TYPES,
  RequestIdSchema,
  resultTypeOf,
  schemasFor,
} from '../../../src/core/schemas/index.ts'

describe('revision-independent envelopes', () => {
  test('accept what every revision accepts', () => {
    expect(JsonRpcRequestSchema.safeParse({ jsonrpc: '2.0', id: 'a', method: 'x' }).success).toBe(
      true,
    )
    expect(
      JsonRpcNotificationSchema.safeParse({ jsonrpc: '2.0', method: 'x', params: {} }).success,
    ).toBe(true)
    expect(
      JsonRpcResultResponseSchema.safeParse({ jsonrpc: '2.0', id: 1, result: {} }).success,
    ).toBe(true)
    const error = { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } }
    expect(JsonRpcErrorResponseSchema.safeParse(error).success).toBe(true)
  })

  test('reject positional params, fractional ids and null ids', () => {
    expect(
      JsonRpcRequestSchema.safeParse({ jsonrpc: '2.0', id: 1, method: 'x', params: [1] }).success,
    ).toBe(false)
    expect(RequestIdSchema.safeParse(0.5).success).toBe(false)
    expect(
      JsonRpcErrorResponseSchema.safeParse({
        jsonrpc: '2.0',
        id: null,
        error: { code: 1, message: 'm' },
      }).success,
    ).toBe(false)
  })

  test('are the shapes the revision tables use for shared primitives', () => {
    expect(schemasFor('2026-07-28').types.RequestId).toBe(RequestIdSchema)
    expect(schemasFor('2024-11-05').types.LoggingLevel).toBe(LoggingLevelSchema)
    expect(LOGGING_LEVELS[0]).toBe('debug')
    expect(LOGGING_LEVELS.at(-1)).toBe('emergency')
  })
})

describe('meta keys and result types', () => {
  test('name the reserved _meta keys of 2026-07-28', () => {
    expect(META_KEYS).toEqual({
      progressToken: 'progressToken',
      protocolVersion: 'io.modelcontextprotocol/protocolVersion',
      clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
      clientInfo: 'io.modelcontextprotocol/clientInfo',
      logLevel: 'io.modelcontextprotocol/logLevel',
      serverInfo: 'io.modelcontextprotocol/serverInfo',
      subscriptionId: 'io.modelcontextprotocol/subscriptionId',
      traceparent: 'traceparent',
      tracestate: 'tracestate',
      baggage: 'baggage',
    })
  })

  test('the request meta object requires exactly the required keys', () => {
    const meta = schemasFor('2026-07-28').types.RequestMetaObject
    const required: Record<string, unknown> = {
      [META_KEYS.protocolVersion]: '2026-07-28',
      [META_KEYS.clientCapabilities]: {},
    }
    expect(meta?.safeParse(required).success).toBe(true)
    for (const key of Object.keys(required)) {
      const { [key]: _, ...rest } = required
      expect(meta?.safeParse(rest).success, key).toBe(false)
    }
    expect(meta?.safeParse({ ...required, [META_KEYS.traceparent]: '00-abc-def-01' }).success).toBe(
      true,
    )
  })

  test('resultTypeOf reads a missing resultType as complete', () => {
    expect(RESULT_TYPES).toEqual(['complete', 'input_required'])
    expect(resultTypeOf({ content: [] })).toBe('complete')
    expect(resultTypeOf({ resultType: 'input_required' })).toBe('input_required')
    expect(resultTypeOf({ resultType: 'task' })).toBe('task')
    expect(resultTypeOf(null)).toBe('complete')
  })
})
