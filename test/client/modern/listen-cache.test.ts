import { describe, expect, test } from 'vitest'
import { defaultEnvironment, type Environment } from '../../../src/core/environment.ts'
import { isProtocolError } from '../../../src/core/errors/guards.ts'
import type { Json } from '../support/fake-fetch.ts'
import { result, rpcError, type SseStream, sse, until } from '../support/fake-fetch.ts'
import { clientOn, MODERN, recordEvents, routes } from '../support/harness.ts'

const SUB = 'io.modelcontextprotocol/subscriptionId'
const fastReconnect = { initialDelayMs: 5, maxDelayMs: 20, maxRetries: 3, backoffFactor: 2 }

/** A modern server whose listen streams the test drives. */
function listenServer() {
  const streams: { stream: SseStream; id: number; request: Request; filter: Json }[] = []
  let lists = 0
  const fake = routes({
    'subscriptions/listen': (message, request) => {
      const stream = sse()
      streams.push({ stream, id: message.id, request, filter: message.params.notifications })
      stream.send({
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: { _meta: { [SUB]: message.id }, notifications: message.params.notifications },
      })
      return stream.response
    },
    'tools/list': (message) => {
      lists += 1
      return result(message.id, {
        resultType: 'complete',
        ttlMs: 60_000,
        cacheScope: 'public',
        tools: [{ name: `tool-${lists}`, inputSchema: { type: 'object' } }],
      })
    },
    'resources/read': (message) =>
      result(message.id, {
        resultType: 'complete',
        ttlMs: 60_000,
        cacheScope: 'private',
        contents: [{ uri: message.params.uri, text: `read ${message.id}` }],
      }),
  })
  const notify = (index: number, method: string, params: Record<string, unknown> = {}) => {
    const entry = streams[index]
    entry?.stream.send({
      jsonrpc: '2.0',
      method,
      params: { ...params, _meta: { [SUB]: entry.id } },
    })
  }
  return { fake, streams, notify, lists: () => lists }
}

describe('subscriptions/listen', () => {
  test('acknowledged, notifications delivered, and close aborts the stream', async () => {
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN, reconnect: fastReconnect })
    const events = recordEvents(client)
    const received: string[] = []
    const subscription = await client.listen(
      { toolsListChanged: true, resourceSubscriptions: ['test://watched'] },
      { onNotification: (n) => received.push(n.method) },
    )
    await expect(subscription.acknowledged).resolves.toEqual({
      toolsListChanged: true,
      resourceSubscriptions: ['test://watched'],
    })
    const first = server.streams[0]
    expect(first?.request.headers.get('mcp-method')).toBe('subscriptions/listen')
    const global: string[] = []
    client.notifications.subscribe((n) => global.push(n.method))
    server.notify(0, 'notifications/resources/updated', { uri: 'test://watched' })
    await until(() => received.length === 1)
    expect(received).toEqual(['notifications/resources/updated'])
    expect(global).toEqual(['notifications/resources/updated'])
    expect(events.some((e) => e.type === 'listen:acknowledged')).toBe(true)
    await subscription.close()
    expect(first?.request.signal.aborted).toBe(true)
    await expect(subscription.ended).resolves.toEqual({ reason: 'closed' })
    await client.close()
  })

  test('a dropped stream is listened to again after a backoff', async () => {
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN, reconnect: fastReconnect })
    const events = recordEvents(client)
    const subscription = await client.listen({ toolsListChanged: true })
    await subscription.acknowledged
    server.streams[0]?.stream.fail()
    await until(() => server.streams.length === 2)
    server.streams[1]?.stream.close()
    await until(() => server.streams.length === 3)
    expect(server.streams[2]?.id).not.toBe(server.streams[0]?.id)
    expect(server.streams[2]?.filter).toEqual({ toolsListChanged: true })
    const reconnecting = events.filter((e) => e.type === 'listen:reconnecting')
    expect(reconnecting.length).toBeGreaterThanOrEqual(2)
    await subscription.close()
    await client.close()
  })

  test('a graceful result ends the subscription without listening again', async () => {
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN, reconnect: fastReconnect })
    const subscription = await client.listen({ promptsListChanged: true })
    await subscription.acknowledged
    const { stream, id } = server.streams[0] ?? { stream: undefined, id: 0 }
    stream?.send({ jsonrpc: '2.0', id, result: { resultType: 'complete', _meta: { [SUB]: id } } })
    stream?.close()
    await expect(subscription.ended).resolves.toEqual({ reason: 'graceful' })
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(server.streams).toHaveLength(1)
    await client.close()
  })

  test('re-listening is bounded: after maxRetries failures it gives up with an event', async () => {
    let attempts = 0
    const fake = routes({
      'subscriptions/listen': () => {
        attempts += 1
        const stream = sse()
        stream.fail()
        return stream.response
      },
    })
    const client = clientOn(fake, { protocolVersion: MODERN, reconnect: fastReconnect })
    const events = recordEvents(client)
    const subscription = await client.listen({ toolsListChanged: true })
    const end = await subscription.ended
    expect(end.reason).toBe('failed')
    expect(attempts).toBe(4)
    await expect(subscription.acknowledged).rejects.toBeDefined()
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'listen:exhausted', attempts: 3 }),
    )
    await client.close()
  })

  test('a stray message on the stream is reported as dropped and the stream goes on', async () => {
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN, reconnect: fastReconnect })
    const events = recordEvents(client)
    const received: string[] = []
    const subscription = await client.listen(
      { toolsListChanged: true },
      { onNotification: (n) => received.push(n.method) },
    )
    await subscription.acknowledged
    server.streams[0]?.stream.send({ jsonrpc: '2.0', id: 9999, result: {} })
    server.notify(0, 'notifications/tools/list_changed')
    await until(() => received.length === 1)
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'message:dropped', reason: 'unknown-listen-message' }),
    )
    expect(server.streams).toHaveLength(1)
    await subscription.close()
    await client.close()
  })

  test('a refusal from the server is final', async () => {
    const fake = routes({
      'subscriptions/listen': (message) =>
        rpcError(message.id, { code: -32602, message: 'bad filter' }, 400),
    })
    const client = clientOn(fake, { protocolVersion: MODERN, reconnect: fastReconnect })
    const subscription = await client.listen({ toolsListChanged: true })
    const end = await subscription.ended
    expect(end.reason === 'failed' && isProtocolError(end.error)).toBe(true)
    expect(fake.posts()).toHaveLength(1)
    await client.close()
  })

  test('closing the client closes its subscriptions', async () => {
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN, reconnect: fastReconnect })
    const subscription = await client.listen({ toolsListChanged: true })
    await subscription.acknowledged
    await client.close()
    await expect(subscription.ended).resolves.toEqual({ reason: 'closed' })
    expect(server.streams[0]?.request.signal.aborted).toBe(true)
  })
})

describe('caching by ttlMs', () => {
  test('list results are reused until a list-changed notification invalidates them', async () => {
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN })
    const events = recordEvents(client)
    expect((await client.listTools()).tools[0]?.name).toBe('tool-1')
    expect((await client.listTools()).tools[0]?.name).toBe('tool-1')
    expect(server.lists()).toBe(1)
    expect(events).toContainEqual({ type: 'cache:hit', method: 'tools/list', key: 'tools/list ' })
    const subscription = await client.listen({ toolsListChanged: true })
    await subscription.acknowledged
    server.notify(0, 'notifications/tools/list_changed')
    await until(() => events.some((e) => e.type === 'cache:invalidated'))
    expect((await client.listTools()).tools[0]?.name).toBe('tool-2')
    await subscription.close()
    await client.close()
  })

  test('a notification named like an Object.prototype member invalidates nothing', async () => {
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN })
    const received: string[] = []
    await client.listTools()
    const subscription = await client.listen(
      { toolsListChanged: true },
      { onNotification: (n) => received.push(n.method) },
    )
    await subscription.acknowledged
    server.notify(0, 'toString')
    server.notify(0, 'constructor')
    await until(() => received.length === 2)
    expect(received).toEqual(['toString', 'constructor'])
    await client.listTools()
    expect(server.lists()).toBe(1)
    expect(server.streams).toHaveLength(1)
    await subscription.close()
    await client.close()
  })

  test('entries expire after ttlMs; refresh and bypass skip the cache', async () => {
    let now = 0
    const environment: Environment = { ...defaultEnvironment, now: () => now }
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN, environment })
    await client.listTools()
    now = 59_999
    await client.listTools()
    expect(server.lists()).toBe(1)
    now = 60_000
    await client.listTools()
    expect(server.lists()).toBe(2)
    await client.listTools({}, { cache: 'refresh' })
    expect(server.lists()).toBe(3)
    await client.listTools({}, { cache: 'bypass' })
    await client.listTools()
    expect(server.lists()).toBe(4)
    await client.close()
  })

  test('resources are cached per uri and dropped by notifications/resources/updated', async () => {
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN })
    const a1 = await client.readResource({ uri: 'test://a' })
    const a2 = await client.readResource({ uri: 'test://a' })
    const b = await client.readResource({ uri: 'test://b' })
    expect(a2).toBe(a1)
    expect(b.contents[0]?.uri).toBe('test://b')
    const subscription = await client.listen({ resourceSubscriptions: ['test://a'] })
    await subscription.acknowledged
    server.notify(0, 'notifications/resources/updated', { uri: 'test://a' })
    await until(() => server.streams.length === 1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const a3 = await client.readResource({ uri: 'test://a' })
    expect(a3).not.toBe(a1)
    await subscription.close()
    await client.close()
  })

  test('results reached through input rounds are never cached', async () => {
    const fake = routes({
      'resources/read': (message) => {
        if (message.params.requestState === undefined) {
          return result(message.id, { resultType: 'input_required', requestState: 's' })
        }
        return result(message.id, {
          resultType: 'complete',
          ttlMs: 60_000,
          cacheScope: 'public',
          contents: [{ uri: message.params.uri, text: 'x' }],
        })
      },
    })
    const client = clientOn(fake, { protocolVersion: MODERN })
    await client.readResource({ uri: 'test://mrtr' })
    await client.readResource({ uri: 'test://mrtr' })
    expect(fake.posts().filter((m) => m.method === 'resources/read')).toHaveLength(4)
    await client.close()
  })

  test('cache: false turns caching off', async () => {
    const server = listenServer()
    const client = clientOn(server.fake, { protocolVersion: MODERN, cache: false })
    await client.listTools()
    await client.listTools()
    expect(server.lists()).toBe(2)
    await client.close()
  })
})
