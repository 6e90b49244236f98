import { describe, expect, test } from 'vitest'
import { isSessionError } from '../../../src/core/errors/guards.ts'
import type { Json } from '../support/fake-fetch.ts'
import {
  accepted,
  createFakeFetch,
  json,
  result,
  rpcError,
  type SseStream,
  sse,
  until,
} from '../support/fake-fetch.ts'
import { clientOn, recordEvents } from '../support/harness.ts'

interface LegacyServer {
  readonly fake: ReturnType<typeof createFakeFetch>
  /** Session ids handed out, in order. */
  readonly sessions: string[]
  /** Live GET streams. */
  readonly gets: SseStream[]
  /** Responses the client POSTed back (to server→client requests). */
  readonly answers: Json[]
  /** Notifications the client POSTed. */
  readonly notified: Json[]
  expire(): void
}

type Handler = (message: Json, request: Request) => Response | Promise<Response>

/** A legacy Streamable HTTP server with sessions that the test can expire. */
function legacyServer(handlers: Record<string, Handler> = {}): LegacyServer {
  const sessions: string[] = []
  const gets: SseStream[] = []
  const answers: Json[] = []
  const notified: Json[] = []
  let live: string | undefined
  const fake = createFakeFetch(async (request) => {
    const sessionId = request.headers.get('mcp-session-id')
    if (request.method === 'GET') {
      if (sessionId !== live) return new Response(null, { status: 404 })
      const stream = sse()
      gets.push(stream)
      return stream.response
    }
    if (request.method === 'DELETE') return new Response(null, { status: 200 })
    const message = await request.json()
    if (message.method === 'server/discover')
      return new Response('Bad Request: no session', { status: 400 })
    if (message.method === 'initialize') {
      live = `session-${sessions.length + 1}`
      sessions.push(live)
      return result(
        message.id,
        {
          protocolVersion: '2025-11-25',
          capabilities: { tools: {} },
          serverInfo: { name: 'l', version: '1' },
        },
        { 'mcp-session-id': live },
      )
    }
    if (sessionId !== live)
      return rpcError(message.id ?? null, { code: -32001, message: 'Session not found' }, 404)
    if (message.method === undefined) {
      answers.push(message)
      return accepted()
    }
    if (message.id === undefined) notified.push(message)
    const handler = handlers[message.method]
    if (handler !== undefined) return handler(message, request)
    if (message.id === undefined) return accepted()
    return result(message.id, { tools: [] })
  })
  return {
    fake,
    sessions,
    gets,
    answers,
    notified,
    expire: () => {
      live = undefined
    },
  }
}

const initialized = (server: LegacyServer) =>
  server.notified.filter((m) => m.method === 'notifications/initialized')

describe('legacy sessions', () => {
  test('an expired session (404) re-initializes transparently and retries the request once', async () => {
    const server = legacyServer()
    const client = clientOn(server.fake)
    const events = recordEvents(client)
    await client.listTools()
    expect(client.session?.sessionId).toBe('session-1')
    server.expire()
    await expect(client.listTools()).resolves.toEqual({ tools: [] })
    expect(server.sessions).toEqual(['session-1', 'session-2'])
    expect(client.session?.sessionId).toBe('session-2')
    expect(initialized(server)).toHaveLength(2)
    const reinit = server.fake.seen.filter((s) => s.body?.method === 'initialize')[1]
    expect(reinit?.headers.get('mcp-session-id')).toBeNull()
    expect(events).toContainEqual({ type: 'session:expired', sessionId: 'session-1' })
    expect(events).toContainEqual({
      type: 'request:retried',
      method: 'tools/list',
      reason: 'session-expired',
    })
    await until(() =>
      server.fake.seen.some(
        (s) => s.method === 'GET' && s.headers.get('mcp-session-id') === 'session-2',
      ),
    )
    await client.close()
  })

  test('a second 404 right after re-initializing fails with a SessionError, never hangs', async () => {
    const server = legacyServer({
      'tools/list': (message) =>
        rpcError(message.id, { code: -32001, message: 'Session not found' }, 404),
    })
    const client = clientOn(server.fake)
    await client.connect()
    const error = await client.listTools().catch((e: unknown) => e)
    expect(isSessionError(error) && error.code).toBe('SESSION_EXPIRED')
    expect(server.sessions).toHaveLength(2)
    await client.close()
  })

  test('concurrent requests hitting the same expiry share one re-initialization', async () => {
    const server = legacyServer()
    const client = clientOn(server.fake)
    await client.connect()
    server.expire()
    await Promise.all([client.listTools(), client.listTools(), client.listTools()])
    expect(server.sessions).toHaveLength(2)
    await client.close()
  })

  test('re-initializing does not depend on the signal of the call that connected', async () => {
    const server = legacyServer()
    const client = clientOn(server.fake)
    const first = new AbortController()
    await client.listTools({}, { signal: first.signal })
    first.abort()
    server.expire()
    await expect(client.listTools()).resolves.toEqual({ tools: [] })
    expect(server.sessions).toHaveLength(2)
    await client.close()
  })

  test('close sends DELETE with the session id', async () => {
    const server = legacyServer()
    const client = clientOn(server.fake)
    const events = recordEvents(client)
    await client.connect()
    await client.close()
    const del = server.fake.seen.find((s) => s.method === 'DELETE')
    expect(del?.headers.get('mcp-session-id')).toBe('session-1')
    expect(events).toContainEqual({ type: 'session:closed', sessionId: 'session-1' })
  })
})

describe('legacy requests', () => {
  test('aborting sends notifications/cancelled', async () => {
    const server = legacyServer({ 'tools/call': () => sse().response })
    const client = clientOn(server.fake)
    await client.connect()
    const controller = new AbortController()
    const call = client.callTool({ name: 'slow' }, { signal: controller.signal })
    await until(() => server.fake.posts().some((m) => m.method === 'tools/call'))
    controller.abort('changed my mind')
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
    const callId = server.fake.posts().find((m) => m.method === 'tools/call').id
    await until(() => server.notified.some((m) => m.method === 'notifications/cancelled'))
    const cancelled = server.notified.find((m) => m.method === 'notifications/cancelled')
    expect(cancelled.params).toEqual({ requestId: callId, reason: 'changed my mind' })
    await client.close()
  })

  test('progress on the POST stream resets the timeout', async () => {
    const server = legacyServer({
      'tools/call': (message) => {
        const stream = sse()
        const token = message.params._meta.progressToken
        void (async () => {
          for (let i = 1; i <= 3; i++) {
            await new Promise((resolve) => setTimeout(resolve, 50))
            stream.send({
              jsonrpc: '2.0',
              method: 'notifications/progress',
              params: { progressToken: token, progress: i },
            })
          }
          stream.send({ jsonrpc: '2.0', id: message.id, result: { content: [] } })
          stream.close()
        })()
        return stream.response
      },
    })
    const client = clientOn(server.fake, { requestTimeoutMs: 80 })
    const seen: number[] = []
    await expect(
      client.callTool({ name: 'slow' }, { onProgress: (p) => seen.push(p.progress) }),
    ).resolves.toEqual({
      content: [],
    })
    expect(seen).toEqual([1, 2, 3])
    await client.close()
  })

  test('a POST stream that ends without the response fails the request at once', async () => {
    const server = legacyServer({
      'tools/call': () => new Response('', { headers: { 'content-type': 'text/event-stream' } }),
    })
    const client = clientOn(server.fake, { requestTimeoutMs: 5000 })
    // A TransportError, not a TimeoutError: the request failed when the stream ended instead of
    // waiting out its 5 s timeout.
    await expect(client.callTool({ name: 'x' })).rejects.toMatchObject({ name: 'TransportError' })
    await client.close()
  })

  test('a legacy server error with a JSON-RPC body is a ProtocolError', async () => {
    const server = legacyServer({
      'tools/call': (message) =>
        json({ jsonrpc: '2.0', id: message.id, error: { code: -32602, message: 'bad' } }),
    })
    const client = clientOn(server.fake)
    await expect(client.callTool({ name: 'x' })).rejects.toMatchObject({
      name: 'ProtocolError',
      code: -32602,
    })
    await client.close()
  })
})

describe('server→client requests (legacy)', () => {
  test('elicitation, sampling and roots asked on the POST stream are answered by the handlers', async () => {
    const server = legacyServer({
      'tools/call': (message) => {
        const stream = sse()
        stream.send({
          jsonrpc: '2.0',
          id: 'e1',
          method: 'elicitation/create',
          params: {
            message: 'Name?',
            requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
          },
        })
        stream.send({
          jsonrpc: '2.0',
          id: 's1',
          method: 'sampling/createMessage',
          params: {
            messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
            maxTokens: 5,
          },
        })
        stream.send({ jsonrpc: '2.0', id: 'r1', method: 'roots/list' })
        void until(() => server.answers.length === 3).then(() => {
          stream.send({ jsonrpc: '2.0', id: message.id, result: { content: [] } })
          stream.close()
        })
        return stream.response
      },
    })
    const client = clientOn(server.fake, {
      handlers: {
        elicitation: async (params, context) => {
          expect(context.era).toBe('legacy')
          return { action: 'accept', content: { name: params.message } }
        },
        sampling: async () => ({
          role: 'assistant',
          content: { type: 'text', text: 'hello' },
          model: 'm',
        }),
        roots: () => [{ uri: 'file:///w', name: 'w' }],
      },
    })
    await expect(client.callTool({ name: 'ask' })).resolves.toEqual({ content: [] })
    const byId = Object.fromEntries(server.answers.map((a) => [a.id, a]))
    expect(byId.e1.result).toEqual({ action: 'accept', content: { name: 'Name?' } })
    expect(byId.s1.result).toMatchObject({ model: 'm', content: { text: 'hello' } })
    expect(byId.r1.result).toEqual({ roots: [{ uri: 'file:///w', name: 'w' }] })
    const init = server.fake.posts().find((m) => m.method === 'initialize')
    expect(init.params.capabilities).toEqual({
      elicitation: {},
      sampling: {},
      roots: { listChanged: true },
    })
    await client.close()
  })

  test('requests on the GET stream are answered too; unknown ones get -32601', async () => {
    const server = legacyServer()
    const client = clientOn(server.fake, { handlers: { roots: () => [] } })
    await client.connect()
    await until(() => server.gets.length === 1)
    server.gets[0]?.send({ jsonrpc: '2.0', id: 1, method: 'ping' })
    server.gets[0]?.send({ jsonrpc: '2.0', id: 2, method: 'roots/list' })
    server.gets[0]?.send({
      jsonrpc: '2.0',
      id: 3,
      method: 'sampling/createMessage',
      params: { messages: [], maxTokens: 1 },
    })
    await until(() => server.answers.length === 3)
    const byId = Object.fromEntries(server.answers.map((a) => [a.id, a]))
    expect(byId[1].result).toEqual({})
    expect(byId[2].result).toEqual({ roots: [] })
    expect(byId[3].error.code).toBe(-32601)
    await client.close()
  })

  test('notifications on the GET stream reach client.notifications and invalidate nothing cached', async () => {
    const server = legacyServer()
    const client = clientOn(server.fake)
    const seen: string[] = []
    client.notifications.subscribe((n) => seen.push(n.method))
    await client.connect()
    await until(() => server.gets.length === 1)
    server.gets[0]?.send({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' })
    await until(() => seen.length === 1)
    expect(seen).toEqual(['notifications/tools/list_changed'])
    await client.close()
  })

  test('listen subscribes resources in the legacy era and unsubscribes on close', async () => {
    const server = legacyServer({
      'resources/subscribe': (message) => result(message.id, {}),
      'resources/unsubscribe': (message) => result(message.id, {}),
    })
    const client = clientOn(server.fake)
    const updates: string[] = []
    const subscription = await client.listen(
      { resourceSubscriptions: ['test://a'], toolsListChanged: true },
      { onNotification: (n) => updates.push(String(n.params?.uri ?? n.method)) },
    )
    await expect(subscription.acknowledged).resolves.toMatchObject({
      resourceSubscriptions: ['test://a'],
    })
    await until(() => server.gets.length === 1)
    server.gets[0]?.send({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: 'test://a' },
    })
    server.gets[0]?.send({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: 'test://b' },
    })
    server.gets[0]?.send({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' })
    await until(() => updates.length === 2)
    expect(updates).toEqual(['test://a', 'notifications/tools/list_changed'])
    await subscription.close()
    expect(server.fake.posts().filter((m) => m.method === 'resources/unsubscribe')).toHaveLength(1)
    await expect(subscription.ended).resolves.toEqual({ reason: 'closed' })
    await client.close()
  })

  test('ping, setLoggingLevel and notifyRootsChanged use the legacy methods', async () => {
    const server = legacyServer({
      ping: (message) => result(message.id, {}),
      'logging/setLevel': (message) => result(message.id, {}),
    })
    const client = clientOn(server.fake)
    await client.ping()
    await client.setLoggingLevel('debug')
    await client.notifyRootsChanged()
    const methods = server.fake.posts().map((m) => m.method)
    expect(methods).toEqual(expect.arrayContaining(['ping', 'logging/setLevel']))
    await until(() => server.notified.some((m) => m.method === 'notifications/roots/list_changed'))
    await expect(client.discover()).rejects.toThrow(/legacy era/)
    await client.close()
  })
})

describe('legacy handshake headers', () => {
  test('notifications/initialized already carries the agreed MCP-Protocol-Version', async () => {
    const versions: (string | null)[] = []
    const server = legacyServer({
      'notifications/initialized': (_message, request) => {
        versions.push(request.headers.get('mcp-protocol-version'))
        return accepted()
      },
    })
    const client = clientOn(server.fake)
    await client.listTools()
    expect(initialized(server)).toHaveLength(1)
    expect(versions).toEqual(['2025-11-25'])
  })
})
