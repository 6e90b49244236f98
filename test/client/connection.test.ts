import { describe, expect, test } from 'vitest'
import { createClient } from '../../src/client/mcp-client.ts'
import { isSchemaValidationError } from '../../src/client/schema-validation-error.ts'
import { isMcpkitError } from '../../src/core/errors/guards.ts'
import { ProtocolError } from '../../src/core/errors/protocol-error.ts'
import { createInMemoryPair } from '../../src/core/in-memory.ts'
import { createJsonRpcEngine } from '../../src/core/protocol/engine.ts'
import type { RequestContext } from '../../src/core/protocol/request-context.ts'
import type { Json } from './support/fake-fetch.ts'
import { until } from './support/fake-fetch.ts'
import { discoverResult, MODERN } from './support/harness.ts'

const SUB = 'io.modelcontextprotocol/subscriptionId'

/** A JSON-RPC peer on the other end of an in-memory pair. */
function peer(onRequest: (request: RequestContext) => unknown) {
  const [clientSide, serverSide] = createInMemoryPair({ encoding: 'text' })
  const notifications: Json[] = []
  const server = createJsonRpcEngine({
    connection: serverSide,
    onRequest,
    onNotification: (n) => {
      notifications.push(n)
    },
  })
  return { clientSide, server, notifications }
}

describe('modern over a connection', () => {
  test('listen notifications are routed by subscriptionId; cancelling sends notifications/cancelled', async () => {
    let listenId: unknown
    let listenSignal: AbortSignal | undefined
    const { clientSide, server, notifications } = peer((request) => {
      if (request.method === 'server/discover') return discoverResult()
      if (request.method === 'subscriptions/listen') {
        listenId = request.requestId
        listenSignal = request.signal
        void server.notify('notifications/subscriptions/acknowledged', {
          _meta: { [SUB]: request.requestId },
          notifications: { toolsListChanged: true },
        })
        return new Promise(() => {})
      }
      throw ProtocolError.methodNotFound(request.method)
    })
    const client = createClient({ connection: clientSide })
    const seen: string[] = []
    const subscription = await client.listen(
      { toolsListChanged: true },
      { onNotification: (n) => seen.push(n.method) },
    )
    await expect(subscription.acknowledged).resolves.toEqual({ toolsListChanged: true })
    await server.notify('notifications/tools/list_changed', { _meta: { [SUB]: listenId } })
    await until(() => seen.length === 1)
    expect(seen).toEqual(['notifications/tools/list_changed'])
    await subscription.close()
    await until(() => notifications.some((n) => n.method === 'notifications/cancelled'))
    expect(notifications.find((n) => n.method === 'notifications/cancelled').params.requestId).toBe(
      listenId,
    )
    expect(listenSignal?.aborted).toBe(true)
    await client.close()
  })

  test('a graceful listen result ends the subscription', async () => {
    const { clientSide } = peer((request) => {
      if (request.method === 'server/discover') return discoverResult()
      return { resultType: 'complete', _meta: { [SUB]: request.requestId } }
    })
    const client = createClient({ connection: clientSide })
    const subscription = await client.listen({ toolsListChanged: true })
    await expect(subscription.ended).resolves.toEqual({ reason: 'graceful' })
    await client.close()
  })

  test('MRTR works the same over a connection, each round a new id', async () => {
    const ids: unknown[] = []
    const { clientSide } = peer((request) => {
      if (request.method === 'server/discover') return discoverResult()
      ids.push(request.requestId)
      if (request.params?.inputResponses === undefined) {
        return {
          resultType: 'input_required',
          inputRequests: { who: { method: 'roots/list', params: {} } },
          requestState: 'abc',
        }
      }
      return {
        resultType: 'complete',
        content: [{ type: 'text', text: JSON.stringify(request.params.inputResponses) }],
      }
    })
    const client = createClient({
      connection: clientSide,
      handlers: { roots: () => [{ uri: 'file:///r' }] },
    })
    const outcome = await client.callTool({ name: 'x' })
    expect(outcome.content[0]).toEqual({
      type: 'text',
      text: '{"who":{"roots":[{"uri":"file:///r"}]}}',
    })
    expect(ids).toHaveLength(2)
    expect(ids[0]).not.toBe(ids[1])
    await client.close()
  })

  test('cancelling a modern request over a connection sends notifications/cancelled', async () => {
    const { clientSide, notifications } = peer((request) => {
      if (request.method === 'server/discover') return discoverResult()
      return new Promise(() => {})
    })
    const client = createClient({ connection: clientSide })
    await client.connect()
    const controller = new AbortController()
    const call = client.callTool({ name: 'x' }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 10)
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
    await until(() => notifications.some((n) => n.method === 'notifications/cancelled'))
    await client.close()
  })

  test('server requests are refused in the modern era (MRTR replaced them)', async () => {
    const { clientSide, server } = peer((request) => {
      if (request.method === 'server/discover') return discoverResult()
      throw ProtocolError.methodNotFound(request.method)
    })
    const client = createClient({ connection: clientSide, handlers: { roots: () => [] } })
    await client.connect()
    const answer = await server.request('roots/list').catch((e: unknown) => e)
    expect(answer).toMatchObject({ code: -32601 })
    await client.close()
  })
})

describe('results and pagination', () => {
  test('a result that breaks the revision schema is a SchemaValidationError', async () => {
    const { clientSide } = peer((request) => {
      if (request.method === 'initialize') {
        return {
          protocolVersion: '2025-11-25',
          capabilities: {},
          serverInfo: { name: 's', version: '1' },
        }
      }
      if (request.method === 'tools/list') return { tools: 'not a list' }
      throw ProtocolError.methodNotFound(request.method)
    })
    const client = createClient({ connection: clientSide })
    const error = await client.listTools().catch((e: unknown) => e)
    expect(isSchemaValidationError(error)).toBe(true)
    expect(isMcpkitError(error)).toBe(false)
    if (isSchemaValidationError(error)) {
      expect(error.subject).toBe('tools/list result')
      expect(error.revision).toBe('2025-11-25')
      expect(error.issues[0]?.path).toEqual(['tools'])
    }
    await client.close()
  })

  test('modern results missing required cache fields are refused, legacy ones need none', async () => {
    const { clientSide } = peer((request) => {
      if (request.method === 'server/discover') return discoverResult()
      return { resultType: 'complete', tools: [] }
    })
    const client = createClient({ connection: clientSide })
    expect(isSchemaValidationError(await client.listTools().catch((e: unknown) => e))).toBe(true)
    await client.close()
  })

  test('pages are followed until the last; every item is collected', async () => {
    const { clientSide } = peer((request) => {
      if (request.method === 'server/discover') return discoverResult()
      const cursor = request.params?.cursor
      const page = (name: string, nextCursor?: string) => ({
        resultType: 'complete',
        ttlMs: 0,
        cacheScope: 'public',
        prompts: [{ name }],
        ...(nextCursor === undefined ? {} : { nextCursor }),
      })
      if (cursor === undefined) return page('a', 'c1')
      if (cursor === 'c1') return page('b', '')
      return page('c')
    })
    const client = createClient({ connection: clientSide })
    expect((await client.listAllPrompts()).map((p) => p.name)).toEqual(['a', 'b', 'c'])
    const pages: unknown[] = []
    for await (const page of client.pages('prompts/list')) pages.push(page)
    expect(pages).toHaveLength(3)
    await client.close()
  })

  test('a repeated cursor stops pagination with an error', async () => {
    const { clientSide } = peer((request) => {
      if (request.method === 'server/discover') return discoverResult()
      return {
        resultType: 'complete',
        ttlMs: 0,
        cacheScope: 'public',
        resources: [],
        nextCursor: 'same',
      }
    })
    const client = createClient({ connection: clientSide })
    await expect(client.listAllResources()).rejects.toThrow(/twice/)
    await client.close()
  })

  test('completion, prompts, templates and discover return typed results', async () => {
    const { clientSide } = peer((request) => {
      switch (request.method) {
        case 'server/discover':
          return discoverResult({ ttlMs: 1000 })
        case 'completion/complete':
          return { resultType: 'complete', completion: { values: ['x'], total: 1 } }
        case 'prompts/get':
          return {
            resultType: 'complete',
            messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
          }
        case 'resources/templates/list':
          return {
            resultType: 'complete',
            ttlMs: 0,
            cacheScope: 'public',
            resourceTemplates: [{ uriTemplate: 'test://{id}', name: 't' }],
          }
        default:
          throw ProtocolError.methodNotFound(request.method)
      }
    })
    const client = createClient({ connection: clientSide })
    const complete = await client.complete({
      ref: { type: 'ref/prompt', name: 'p' },
      argument: { name: 'a', value: 'x' },
    })
    expect(complete.completion.values).toEqual(['x'])
    expect((await client.getPrompt({ name: 'p' })).messages).toHaveLength(1)
    expect(await client.listAllResourceTemplates()).toEqual([
      { uriTemplate: 'test://{id}', name: 't' },
    ])
    expect((await client.discover()).supportedVersions).toEqual([MODERN])
    await client.ping()
    await expect(client.notifyRootsChanged()).rejects.toThrow(/modern era/)
    await client.close()
  })
})
