import { describe, expect, test } from 'vitest'
import type { ProtocolRevision } from '../../../src/core/eras/versions.ts'
import { JsonRpcErrorCode } from '../../../src/core/errors/codes.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'
import {
  ALL,
  call,
  expectValidResult,
  fakeScope,
  LEGACY,
  MODERN,
  paramsFor,
  protocolError,
} from './harness.ts'
import { sampleServer } from './sample-server.ts'

/** Every request a client may send in `revision`, with params the sample server serves. */
function requestsOf(
  revision: ProtocolRevision,
): { method: string; params?: Record<string, unknown> }[] {
  const common = [
    { method: 'tools/list' },
    { method: 'tools/call', params: { name: 'test_simple_text' } },
    { method: 'tools/call', params: { name: 'test_image_content', arguments: {} } },
    { method: 'tools/call', params: { name: 'add', arguments: { a: 1, b: 2 } } },
    {
      method: 'tools/call',
      params: { name: 'json_schema_2020_12_tool', arguments: { name: 'n' } },
    },
    { method: 'tools/call', params: { name: 'test_error_handling', arguments: {} } },
    { method: 'resources/list' },
    { method: 'resources/templates/list' },
    { method: 'resources/read', params: { uri: 'test://static-text' } },
    { method: 'resources/read', params: { uri: 'test://static-binary' } },
    { method: 'resources/read', params: { uri: 'test://template/123/data' } },
    { method: 'prompts/list' },
    { method: 'prompts/get', params: { name: 'test_simple_prompt' } },
    {
      method: 'prompts/get',
      params: { name: 'test_prompt_with_arguments', arguments: { arg1: 'a', arg2: 'b' } },
    },
    {
      method: 'completion/complete',
      params: {
        ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
        argument: { name: 'arg1', value: 'pa' },
      },
    },
    {
      method: 'completion/complete',
      params: {
        ref: { type: 'ref/resource', uri: 'test://template/{id}/data' },
        argument: { name: 'id', value: '12' },
      },
    },
  ]
  if (revision === MODERN) return [{ method: 'server/discover' }, ...common]
  return [
    { method: 'ping' },
    { method: 'logging/setLevel', params: { level: 'info' } },
    { method: 'resources/subscribe', params: { uri: 'test://static-text' } },
    { method: 'resources/unsubscribe', params: { uri: 'test://static-text' } },
    ...common,
  ]
}

describe.each(ALL)('every method at %s', (revision) => {
  const server = sampleServer()

  test.each(requestsOf(revision))('$method answers a valid result', async (request) => {
    const result = await call(server, { ...request, revision })
    expectValidResult(revision, request.method, result)
    if (revision === MODERN) {
      expect(result.resultType).toBe('complete')
      expect(
        (result._meta as Record<string, unknown>)['io.modelcontextprotocol/serverInfo'],
      ).toEqual(expect.objectContaining({ name: 'sample', version: '1.2.3' }))
    } else {
      expect(result).not.toHaveProperty('resultType')
      expect(result).not.toHaveProperty('ttlMs')
    }
  })
})

describe('modern results', () => {
  const server = sampleServer()

  test.each([
    'server/discover',
    'tools/list',
    'prompts/list',
    'resources/list',
    'resources/templates/list',
  ])('%s carries caching hints', async (method) => {
    const result = await call(server, { method })
    expect(result).toMatchObject({ ttlMs: 0, cacheScope: 'private' })
  })

  test('server/discover lists every revision newest first, capabilities and instructions', async () => {
    const result = await call(server, { method: 'server/discover' })
    expect(result.supportedVersions).toEqual([
      '2026-07-28',
      '2025-11-25',
      '2025-06-18',
      '2025-03-26',
      '2024-11-05',
    ])
    expect(result.capabilities).toEqual({
      logging: {},
      completions: {},
      prompts: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      tools: { listChanged: true },
    })
    expect(result.instructions).toBe('Use the tools.')
    expect((result._meta as Record<string, unknown>)['io.modelcontextprotocol/serverInfo']).toEqual(
      {
        name: 'sample',
        version: '1.2.3',
        title: 'Sample server',
        description: 'A server for tests',
        icons: [{ src: 'https://example.com/icon.png', mimeType: 'image/png' }],
        websiteUrl: 'https://example.com',
      },
    )
  })

  test('configured caching hints apply per method', async () => {
    const cached = sampleServer({
      cache: { ttlMs: 1000, cacheScope: 'public', methods: { 'tools/list': { ttlMs: 5 } } },
    })
    expect(await call(cached, { method: 'tools/list' })).toMatchObject({
      ttlMs: 5,
      cacheScope: 'public',
    })
    expect(await call(cached, { method: 'prompts/list' })).toMatchObject({
      ttlMs: 1000,
      cacheScope: 'public',
    })
  })
})

describe('unknown and removed methods', () => {
  const server = sampleServer()

  test.each([
    'initialize',
    'ping',
    'logging/setLevel',
    'resources/subscribe',
    'resources/unsubscribe',
    'unknown/method',
  ])('%s is -32601 in 2026-07-28', async (method) => {
    const error = await protocolError(
      call(server, { method, params: { uri: 'test://static-text' } }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.MethodNotFound)
    expect(server.hasMethod(method, MODERN)).toBe(false)
  })

  test.each(LEGACY)('server/discover and unknown methods are -32601 at %s', async (revision) => {
    for (const method of ['server/discover', 'subscriptions/listen', 'nope']) {
      const error = await protocolError(call(server, { method, revision }))
      expect(error.code).toBe(JsonRpcErrorCode.MethodNotFound)
    }
  })

  test('tasks methods of 2025-11-25 are not served', async () => {
    const error = await protocolError(
      call(server, { method: 'tasks/list', revision: '2025-11-25' }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.MethodNotFound)
  })

  test('server-to-client methods are not served', async () => {
    const error = await protocolError(
      call(server, { method: 'sampling/createMessage', revision: '2025-06-18' }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.MethodNotFound)
  })

  test('prototype keys are not methods', async () => {
    for (const method of ['constructor', '__proto__', 'toString']) {
      expect(server.hasMethod(method, '2025-11-25')).toBe(false)
      const error = await protocolError(call(server, { method, revision: '2025-11-25' }))
      expect(error.code).toBe(JsonRpcErrorCode.MethodNotFound)
    }
  })

  test('initialize through dispatch is refused; subscriptions/listen belongs to the transport', async () => {
    const initialize = await protocolError(
      call(server, { method: 'initialize', revision: '2025-11-25' }),
    )
    expect(initialize.code).toBe(JsonRpcErrorCode.InvalidRequest)
    const listen = await protocolError(
      call(server, { method: 'subscriptions/listen', params: { notifications: {} } }),
    )
    expect(listen.code).toBe(JsonRpcErrorCode.InternalError)
  })
})

describe('features without items', () => {
  test('a server without tools, resources or prompts answers -32601 for their methods', async () => {
    const empty = new ServerRegistry({ name: 'empty', version: '1' })
    for (const method of ['tools/list', 'resources/list', 'prompts/list', 'completion/complete']) {
      expect(empty.hasMethod(method, MODERN)).toBe(false)
      const error = await protocolError(call(empty, { method }))
      expect(error.code).toBe(JsonRpcErrorCode.MethodNotFound)
    }
    expect(empty.hasMethod('subscriptions/listen', MODERN)).toBe(false)
    const discover = await call(empty, { method: 'server/discover' })
    expect(discover.capabilities).toEqual({ logging: {} })
  })

  test('capability overrides turn features on and off', async () => {
    const server = sampleServer({
      capabilities: {
        tools: false,
        logging: false,
        resources: { subscribe: false },
        completions: false,
      },
    })
    expect(server.hasMethod('tools/call', MODERN)).toBe(false)
    expect(server.hasMethod('logging/setLevel', '2025-06-18')).toBe(false)
    expect(server.hasMethod('resources/subscribe', '2025-06-18')).toBe(false)
    expect(server.hasMethod('completion/complete', '2025-06-18')).toBe(false)
    expect(server.describe('2025-06-18').capabilities).toEqual({
      prompts: { listChanged: true },
      resources: { subscribe: false, listChanged: true },
    })
  })

  test('hasMethod answers for client notifications of the revision', () => {
    const server = sampleServer()
    expect(server.hasMethod('notifications/initialized', '2025-11-25')).toBe(true)
    expect(server.hasMethod('notifications/roots/list_changed', '2025-11-25')).toBe(true)
    expect(server.hasMethod('notifications/roots/list_changed', MODERN)).toBe(false)
    expect(server.hasMethod('notifications/cancelled', MODERN)).toBe(true)
    expect(server.hasMethod('notifications/progress', MODERN)).toBe(false)
    expect(server.hasMethod('subscriptions/listen', MODERN)).toBe(true)
    expect(server.hasMethod('initialize', '2025-03-26')).toBe(true)
  })
})

describe('params validation', () => {
  const server = sampleServer()

  test('invalid params are -32602 naming the field', async () => {
    const error = await protocolError(
      call(server, { method: 'tools/call', revision: '2025-06-18', params: { name: 3 } }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
    expect(error.message).toMatch(/tools\/call.*name/)
  })

  test('a modern request without its _meta is -32602', async () => {
    const { scope } = fakeScope()
    const error = await protocolError(server.dispatch('tools/list', {}, scope))
    expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
  })

  test('a bad modern log level is -32602', async () => {
    const params = paramsFor(MODERN, { _meta: { 'io.modelcontextprotocol/logLevel': 'loud' } })
    const error = await protocolError(server.dispatch('tools/list', params, fakeScope().scope))
    expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
  })

  test('a bad legacy log level is -32602 and leaves the session level alone', async () => {
    const { scope, session } = fakeScope({ revision: '2025-06-18' })
    const error = await protocolError(server.dispatch('logging/setLevel', { level: 'loud' }, scope))
    expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
    expect(session?.logLevel).toBeUndefined()
    await server.dispatch('logging/setLevel', { level: 'warning' }, scope)
    expect(session?.logLevel).toBe('warning')
  })
})
