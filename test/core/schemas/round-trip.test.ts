import { describe, expect, test } from 'vitest'
import type { ProtocolRevision } from '../../../src/core/eras/versions.ts'
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  PROTOCOL_VERSION_META_KEY,
  resultTypeOf,
  SERVER_INFO_META_KEY,
  SUBSCRIPTION_ID_META_KEY,
  schemasFor,
  validate,
} from '../../../src/core/schemas/index.ts'

/** Validates `value` as `typeName`, and checks the parsed value equals it (nothing dropped). */
function roundTrip(revision: ProtocolRevision, typeName: string, value: unknown) {
  const result = validate(revision, typeName, value)
  if (!result.ok) throw new Error(`${revision} ${typeName}: ${result.message}`)
  expect(result.value).toEqual(value)
}

/**
 * Checks a request (as a JSON-RPC request; 2025-11-25 on, request types include the envelope), its
 * params alone and its result against the revision's method table.
 */
function exchange(
  revision: ProtocolRevision,
  request: { method: string; params?: unknown },
  result: unknown,
) {
  const method = schemasFor(revision).methods[request.method]
  if (method === undefined) throw new Error(`${revision} has no method ${request.method}`)
  expect(method.message.safeParse({ jsonrpc: '2.0', id: 1, ...request }).success).toBe(true)
  expect(method.params.safeParse(request.params).success).toBe(true)
  const parsed = method.result?.safeParse(result)
  expect(parsed?.success, JSON.stringify(parsed?.error?.issues)).toBe(true)
}

describe('2024-11-05', () => {
  test('initialize handshake', () => {
    const initialize = {
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: '2024-11-05',
        capabilities: { roots: { listChanged: true }, sampling: {} },
        clientInfo: { name: 'client', version: '1.0.0' },
      },
    }
    roundTrip('2024-11-05', 'JSONRPCRequest', initialize)
    roundTrip('2024-11-05', 'InitializeRequest', initialize)
    exchange('2024-11-05', initialize, {
      protocolVersion: '2024-11-05',
      capabilities: { tools: { listChanged: true }, logging: {} },
      serverInfo: { name: 'server', version: '2.0.0' },
    })
    roundTrip('2024-11-05', 'ClientNotification', { method: 'notifications/initialized' })
  })

  test('sampling from the server and an error response', () => {
    const request = {
      jsonrpc: '2.0',
      id: 'srv-1',
      method: 'sampling/createMessage',
      params: {
        messages: [{ role: 'user', content: { type: 'text', text: 'Hi' } }],
        maxTokens: 100,
        includeContext: 'thisServer',
      },
    }
    roundTrip('2024-11-05', 'ServerRequest', request)
    exchange('2024-11-05', request, {
      role: 'assistant',
      content: { type: 'text', text: 'Hello' },
      model: 'm',
      stopReason: 'endTurn',
    })
    roundTrip('2024-11-05', 'JSONRPCError', {
      jsonrpc: '2.0',
      id: 'srv-1',
      error: { code: -32601, message: 'Method not found' },
    })
  })
})

describe('2025-03-26', () => {
  test('a batch of requests and its batch of responses', () => {
    roundTrip('2025-03-26', 'JSONRPCMessage', [
      { jsonrpc: '2.0', id: 1, method: 'tools/list' },
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'p', progress: 1, message: 'half' },
      },
    ])
    roundTrip('2025-03-26', 'JSONRPCBatchResponse', [
      { jsonrpc: '2.0', id: 1, result: { tools: [] } },
      { jsonrpc: '2.0', id: 2, error: { code: -32600, message: 'Invalid Request' } },
    ])
  })

  test('tool annotations and audio content', () => {
    exchange(
      '2025-03-26',
      { method: 'tools/call', params: { name: 'speak', arguments: { text: 'hi' } } },
      { content: [{ type: 'audio', data: 'UklGRg==', mimeType: 'audio/wav' }] },
    )
    roundTrip('2025-03-26', 'Tool', {
      name: 'speak',
      inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
      annotations: { readOnlyHint: true, openWorldHint: false },
    })
  })
})

describe('2025-06-18', () => {
  test('structured tool output with a resource link', () => {
    exchange(
      '2025-06-18',
      { method: 'tools/call', params: { name: 'weather' } },
      {
        content: [
          { type: 'text', text: '{"temp":21}' },
          { type: 'resource_link', uri: 'file:///w.json', name: 'w', title: 'Weather' },
        ],
        structuredContent: { temp: 21 },
      },
    )
  })

  test('form elicitation', () => {
    exchange(
      '2025-06-18',
      {
        method: 'elicitation/create',
        params: {
          message: 'Your name?',
          requestedSchema: {
            type: 'object',
            properties: { name: { type: 'string', minLength: 1 }, age: { type: 'integer' } },
            required: ['name'],
          },
        },
      },
      { action: 'accept', content: { name: 'Ada', age: 36 } },
    )
  })
})

describe('2025-11-25', () => {
  test('a task-augmented tool call, its status and its payload', () => {
    const task = {
      taskId: 'task-1',
      status: 'working',
      createdAt: '2025-11-25T10:00:00Z',
      lastUpdatedAt: '2025-11-25T10:00:00Z',
      ttl: 60000,
      pollInterval: 1000,
    }
    exchange(
      '2025-11-25',
      { method: 'tools/call', params: { name: 'slow', task: { ttl: 60000 } } },
      { task },
    )
    exchange('2025-11-25', { method: 'tasks/get', params: { taskId: 'task-1' } }, task)
    roundTrip('2025-11-25', 'TaskStatusNotification', {
      jsonrpc: '2.0',
      method: 'notifications/tasks/status',
      params: { ...task, status: 'completed' },
    })
    exchange(
      '2025-11-25',
      { method: 'tasks/result', params: { taskId: 'task-1' } },
      { content: [] },
    )
  })

  test('URL elicitation required, then completed', () => {
    roundTrip('2025-11-25', 'URLElicitationRequiredError', {
      jsonrpc: '2.0',
      id: 3,
      error: {
        code: -32042,
        message: 'Authorization required',
        data: {
          elicitations: [
            {
              mode: 'url',
              message: 'Sign in',
              elicitationId: 'e1',
              url: 'https://example.com/auth',
            },
          ],
        },
      },
    })
    roundTrip('2025-11-25', 'ServerNotification', {
      jsonrpc: '2.0',
      method: 'notifications/elicitation/complete',
      params: { elicitationId: 'e1' },
    })
  })

  test('sampling with tools', () => {
    exchange(
      '2025-11-25',
      {
        method: 'sampling/createMessage',
        params: {
          messages: [
            { role: 'user', content: { type: 'text', text: 'Weather?' } },
            {
              role: 'assistant',
              content: [{ type: 'tool_use', id: 'u1', name: 'weather', input: { city: 'Paris' } }],
            },
            {
              role: 'user',
              content: [
                {
                  type: 'tool_result',
                  toolUseId: 'u1',
                  content: [{ type: 'text', text: 'Sunny' }],
                },
              ],
            },
          ],
          maxTokens: 200,
          tools: [{ name: 'weather', inputSchema: { type: 'object' } }],
          toolChoice: { mode: 'auto' },
        },
      },
      {
        role: 'assistant',
        content: { type: 'text', text: 'Sunny in Paris' },
        model: 'm',
        stopReason: 'endTurn',
      },
    )
  })

  test('an error response without an id', () => {
    roundTrip('2025-11-25', 'JSONRPCResponse', {
      jsonrpc: '2.0',
      error: { code: -32700, message: 'Parse error' },
    })
  })
})

describe('2026-07-28', () => {
  const meta = {
    [PROTOCOL_VERSION_META_KEY]: '2026-07-28',
    [CLIENT_CAPABILITIES_META_KEY]: { elicitation: { form: {} } },
    [CLIENT_INFO_META_KEY]: { name: 'client', version: '1.0.0' },
  }
  const serverMeta = { [SERVER_INFO_META_KEY]: { name: 'server', version: '2.0.0' } }

  test('discover', () => {
    const request = { jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta: meta } }
    roundTrip('2026-07-28', 'DiscoverRequest', request)
    exchange('2026-07-28', request, {
      resultType: 'complete',
      supportedVersions: ['2025-11-25', '2026-07-28'],
      capabilities: {
        tools: { listChanged: true },
        extensions: { 'io.modelcontextprotocol/tasks': {} },
      },
      ttlMs: 300000,
      cacheScope: 'public',
      _meta: serverMeta,
    })
  })

  test('a multi round-trip tool call', () => {
    const first = {
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'deploy', arguments: { env: 'prod' }, _meta: meta },
    }
    const inputRequired = {
      resultType: 'input_required',
      inputRequests: {
        confirm: {
          method: 'elicitation/create',
          params: {
            message: 'Deploy to prod?',
            requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } } },
          },
        },
      },
      requestState: 'c2lnbmVk',
    }
    exchange('2026-07-28', first, inputRequired)
    expect(resultTypeOf(inputRequired)).toBe('input_required')
    const retry = {
      ...first,
      id: 3,
      params: {
        ...first.params,
        inputResponses: { confirm: { action: 'accept', content: { ok: true } } },
        requestState: 'c2lnbmVk',
      },
    }
    const done = {
      resultType: 'complete',
      content: [{ type: 'text', text: 'Deployed' }],
      _meta: serverMeta,
    }
    exchange('2026-07-28', retry, done)
    roundTrip('2026-07-28', 'CallToolResultResponse', { jsonrpc: '2.0', id: 3, result: done })
    expect(resultTypeOf({ content: [] })).toBe('complete')
  })

  test('subscriptions/listen, its acknowledgement and its notifications', () => {
    const notifications = { toolsListChanged: true, resourceSubscriptions: ['file:///a'] }
    const listen = {
      jsonrpc: '2.0',
      id: 'listen-1',
      method: 'subscriptions/listen',
      params: { notifications, _meta: meta },
    }
    exchange('2026-07-28', listen, {
      resultType: 'complete',
      _meta: { [SUBSCRIPTION_ID_META_KEY]: 'listen-1' },
    })
    const subscription = { [SUBSCRIPTION_ID_META_KEY]: 'listen-1' }
    roundTrip('2026-07-28', 'ServerNotification', {
      jsonrpc: '2.0',
      method: 'notifications/subscriptions/acknowledged',
      params: { notifications, _meta: subscription },
    })
    roundTrip('2026-07-28', 'ServerNotification', {
      jsonrpc: '2.0',
      method: 'notifications/tools/list_changed',
      params: { _meta: subscription },
    })
    expect(validate('2026-07-28', 'SubscriptionsListenResult', { resultType: 'complete' }).ok).toBe(
      false,
    )
  })

  test('the 2026-07-28 error responses', () => {
    roundTrip('2026-07-28', 'HeaderMismatchError', {
      jsonrpc: '2.0',
      id: 4,
      error: { code: -32020, message: 'Mcp-Method header does not match the body' },
    })
    roundTrip('2026-07-28', 'MissingRequiredClientCapabilityError', {
      jsonrpc: '2.0',
      id: 5,
      error: {
        code: -32021,
        message: 'Sampling is required',
        data: { requiredCapabilities: { sampling: {} } },
      },
    })
    roundTrip('2026-07-28', 'UnsupportedProtocolVersionError', {
      jsonrpc: '2.0',
      id: 6,
      error: {
        code: -32022,
        message: 'Unsupported protocol version',
        data: { supported: ['2026-07-28'], requested: '2030-01-01' },
      },
    })
    const wrongCode = { jsonrpc: '2.0', id: 4, error: { code: -32603, message: 'x' } }
    expect(validate('2026-07-28', 'HeaderMismatchError', wrongCode).ok).toBe(false)
    expect(
      validate('2026-07-28', 'UnsupportedProtocolVersionError', {
        jsonrpc: '2.0',
        error: { code: -32022, message: 'x' },
      }).ok,
    ).toBe(false)
  })

  test('cacheable list results and a cancellation', () => {
    exchange(
      '2026-07-28',
      { method: 'resources/list', params: { cursor: '', _meta: meta } },
      {
        resultType: 'complete',
        resources: [
          { uri: 'file:///a', name: 'a', icons: [{ src: 'data:image/png;base64,AA==' }] },
        ],
        nextCursor: 'next',
        ttlMs: 0,
        cacheScope: 'private',
      },
    )
    roundTrip('2026-07-28', 'ClientNotification', {
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 2, reason: 'user' },
    })
    expect(
      validate('2026-07-28', 'CancelledNotification', {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: {},
      }).ok,
    ).toBe(false)
  })
})
