import { describe, expect, test } from 'vitest'
import { PROTOCOL_REVISIONS, type ProtocolRevision } from '../../../src/core/eras/versions.ts'
import { schemasFor } from '../../../src/core/schemas/index.ts'

/** A few names per revision that must be present (from that revision's schema.ts). */
const PRESENT: Record<ProtocolRevision, string[]> = {
  '2024-11-05': ['Annotated', 'JSONRPCError', 'ResourceReference', 'Role', 'EmptyResult'],
  '2025-03-26': ['Annotations', 'AudioContent', 'ToolAnnotations', 'JSONRPCBatchRequest'],
  '2025-06-18': ['BaseMetadata', 'ContentBlock', 'ResourceLink', 'ResourceTemplateReference'],
  '2025-11-25': [
    'JSONRPCErrorResponse',
    'JSONRPCResultResponse',
    'Icon',
    'Task',
    'TaskAugmentedRequestParams',
    'ToolUseContent',
    'URLElicitationRequiredError',
    'LegacyTitledEnumSchema',
  ],
  '2026-07-28': [
    'DiscoverRequest',
    'DiscoverResultResponse',
    'InputRequiredResult',
    'InputResponses',
    'RequestMetaObject',
    'CacheableResult',
    'HeaderMismatchError',
    'UnsupportedProtocolVersionError',
    'MissingRequiredClientCapabilityError',
    'ParseError',
    'SubscriptionsAcknowledgedNotification',
    'JSONValue',
  ],
}

/** Names a revision renamed or dropped. */
const ABSENT: Record<ProtocolRevision, string[]> = {
  '2024-11-05': ['Annotations', 'ContentBlock', 'Error'],
  '2025-03-26': ['Annotated', 'BaseMetadata'],
  '2025-06-18': ['ResourceReference', 'JSONRPCBatchRequest', 'Icon'],
  '2025-11-25': ['JSONRPCError', 'InputRequiredResult'],
  '2026-07-28': [
    'InitializeRequest',
    'PingRequest',
    'SetLevelRequest',
    'SubscribeRequest',
    'RootsListChangedNotification',
    'ServerRequest',
    'Task',
    'ToolExecution',
    'URLElicitationRequiredError',
    'ElicitationCompleteNotification',
  ],
}

describe.each(PROTOCOL_REVISIONS)('revision %s', (revision) => {
  const schemas = schemasFor(revision)

  test('builds every type and every method schema', () => {
    expect(schemas.revision).toBe(revision)
    for (const [name, schema] of Object.entries(schemas.types)) {
      expect(typeof schema?.safeParse, name).toBe('function')
    }
    for (const [name, method] of Object.entries(schemas.methods)) {
      expect(method.message, name).toBeDefined()
      expect(method.params, name).toBeDefined()
    }
  })

  test('names its types as its schema.ts does', () => {
    for (const name of PRESENT[revision]) expect(schemas.types, name).toHaveProperty(name)
    for (const name of ABSENT[revision]) expect(name in schemas.types, name).toBe(false)
  })

  test('exposes no internal helper types', () => {
    expect(Object.keys(schemas.types).filter((name) => !/^[A-Z]/.test(name))).toEqual([])
  })

  test('is cached and frozen', () => {
    expect(schemasFor(revision)).toBe(schemas)
    expect(Object.isFrozen(schemas.types)).toBe(true)
    expect(Object.isFrozen(schemas.methods)).toBe(true)
  })
})

describe('shared schema objects', () => {
  test('unchanged types are the same object in consecutive revisions', () => {
    const types = (revision: ProtocolRevision) => schemasFor(revision).types
    expect(types('2024-11-05').RequestId).toBe(types('2026-07-28').RequestId)
    expect(types('2024-11-05').ModelHint).toBe(types('2025-11-25').ModelHint)
    expect(types('2025-11-25').Icon).toBe(types('2026-07-28').Icon)
    expect(types('2025-11-25').Implementation).toBe(types('2026-07-28').Implementation)
    expect(types('2025-11-25').ContentBlock).toBe(types('2026-07-28').ContentBlock)
  })

  test('a type is rebuilt when a type it refers to changes', () => {
    const types = (revision: ProtocolRevision) => schemasFor(revision).types
    // Same definition in both revisions, but NotificationParams gains a typed _meta in 2026-07-28.
    const legacy = types('2025-11-25').LoggingMessageNotificationParams
    const modern = types('2026-07-28').LoggingMessageNotificationParams
    expect(legacy).not.toBe(modern)
    const log = {
      level: 'info',
      data: 'x',
      _meta: { 'io.modelcontextprotocol/subscriptionId': 1.5 },
    }
    expect(legacy?.safeParse(log).success).toBe(true)
    expect(modern?.safeParse(log).success).toBe(false)
    // Same PromptMessage definition, but the content it allows gains audio in 2025-03-26.
    const audio = { role: 'user', content: { type: 'audio', data: 'AA==', mimeType: 'audio/wav' } }
    expect(types('2024-11-05').PromptMessage?.safeParse(audio).success).toBe(false)
    expect(types('2025-03-26').PromptMessage?.safeParse(audio).success).toBe(true)
  })
})

describe('constraints kept from schema.json', () => {
  test('ids are strings or integers', () => {
    const id = schemasFor('2025-11-25').types.RequestId
    expect(id?.safeParse('a').success).toBe(true)
    expect(id?.safeParse(7).success).toBe(true)
    expect(id?.safeParse(1.5).success).toBe(false)
    expect(id?.safeParse(null).success).toBe(false)
  })

  test('jsonrpc must be "2.0"', () => {
    const request = schemasFor('2024-11-05').types.JSONRPCRequest
    expect(request?.safeParse({ jsonrpc: '2.0', id: 1, method: 'ping' }).success).toBe(true)
    expect(request?.safeParse({ jsonrpc: '1.0', id: 1, method: 'ping' }).success).toBe(false)
  })

  test('objects stay open to extra properties and keep them', () => {
    const tool = schemasFor('2025-06-18').types.Tool
    const parsed = tool?.safeParse({ name: 't', inputSchema: { type: 'object' }, vendorField: 1 })
    expect(parsed?.success).toBe(true)
    expect(parsed?.data).toMatchObject({ vendorField: 1 })
  })

  test('number ranges and integer fields', () => {
    const { types } = schemasFor('2026-07-28')
    expect(types.Annotations?.safeParse({ priority: 1.5 }).success).toBe(false)
    expect(types.ModelPreferences?.safeParse({ costPriority: 0.3 }).success).toBe(true)
    const cacheable = { resultType: 'complete', cacheScope: 'public', tools: [] }
    expect(types.ListToolsResult?.safeParse({ ...cacheable, ttlMs: -1 }).success).toBe(false)
    expect(types.ListToolsResult?.safeParse({ ...cacheable, ttlMs: 1.5 }).success).toBe(false)
    expect(types.ListToolsResult?.safeParse({ ...cacheable, ttlMs: 0 }).success).toBe(true)
    expect(types.Resource?.safeParse({ uri: 'file:///a', name: 'a', size: 1.5 }).success).toBe(
      false,
    )
  })

  test('enum values', () => {
    const { types } = schemasFor('2026-07-28')
    expect(types.LoggingLevel?.safeParse('warning').success).toBe(true)
    expect(types.LoggingLevel?.safeParse('warn').success).toBe(false)
    const discover = {
      resultType: 'complete',
      supportedVersions: ['2026-07-28'],
      capabilities: {},
      ttlMs: 0,
      cacheScope: 'shared',
    }
    expect(types.DiscoverResult?.safeParse(discover).success).toBe(false)
  })

  test('resultType is required on 2026-07-28 results and absent from legacy ones', () => {
    expect(schemasFor('2026-07-28').types.EmptyResult?.safeParse({}).success).toBe(false)
    expect(
      schemasFor('2026-07-28').types.EmptyResult?.safeParse({ resultType: 'complete' }).success,
    ).toBe(true)
    expect(schemasFor('2025-11-25').types.EmptyResult?.safeParse({}).success).toBe(true)
  })

  test('a complete result cannot claim input_required, and vice versa', () => {
    const { types } = schemasFor('2026-07-28')
    const content = { content: [{ type: 'text', text: 'hi' }] }
    expect(
      types.CallToolResult?.safeParse({ resultType: 'input_required', ...content }).success,
    ).toBe(false)
    expect(
      types.InputRequiredResult?.safeParse({ resultType: 'complete', requestState: 'x' }).success,
    ).toBe(false)
  })

  test('elicitation answers may be fractional numbers (schema.ts `number`)', () => {
    const answer = { action: 'accept', content: { height: 1.85, name: 'Ada', tags: ['a'] } }
    expect(schemasFor('2025-11-25').types.ElicitResult?.safeParse(answer).success).toBe(true)
    expect(schemasFor('2026-07-28').types.ElicitResult?.safeParse(answer).success).toBe(true)
    expect(schemasFor('2025-06-18').types.ElicitResult?.safeParse(answer).success).toBe(false)
  })

  test('the generic Result accepts extension resultTypes, method results only their own', () => {
    const { methods, types } = schemasFor('2026-07-28')
    const task = { resultType: 'task', task: { taskId: 't-1' } }
    expect(types.EmptyResult?.safeParse(task).success).toBe(true)
    expect(types.ResultType?.safeParse('task').success).toBe(true)
    expect(methods['tools/call']?.result?.safeParse(task).success).toBe(false)
    expect(methods['tools/list']?.result?.safeParse(task).success).toBe(false)
  })

  test('InputRequiredResult carries inputRequests or requestState', () => {
    const result = schemasFor('2026-07-28').types.InputRequiredResult
    expect(result?.safeParse({ resultType: 'input_required' }).success).toBe(false)
    expect(result?.safeParse({ resultType: 'input_required', requestState: 's' }).success).toBe(
      true,
    )
  })

  test('2026-07-28 requests carry protocol version and client capabilities in _meta', () => {
    const params = schemasFor('2026-07-28').types.RequestParams
    expect(params?.safeParse({ _meta: {} }).success).toBe(false)
    const meta = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientCapabilities': {},
    }
    expect(params?.safeParse({ _meta: meta }).success).toBe(true)
    expect(
      params?.safeParse({ _meta: { ...meta, 'io.modelcontextprotocol/logLevel': 'verbose' } })
        .success,
    ).toBe(false)
  })
})
