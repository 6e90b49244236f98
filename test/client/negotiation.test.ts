import { describe, expect, test } from 'vitest'
import { createEraCache } from '../../src/client/era-cache.ts'
import { createClient } from '../../src/client/mcp-client.ts'
import { isHttpError, isProtocolError, isTimeoutError } from '../../src/core/errors/guards.ts'
import { ProtocolError } from '../../src/core/errors/protocol-error.ts'
import { createInMemoryPair } from '../../src/core/in-memory.ts'
import { createJsonRpcEngine } from '../../src/core/protocol/engine.ts'
import type { RequestHandler } from '../../src/core/protocol/request-context.ts'
import type { Json } from './support/fake-fetch.ts'
import { json, result, rpcError, sse } from './support/fake-fetch.ts'
import {
  answer,
  clientOn,
  discoverResult,
  MODERN,
  metaOf,
  recordEvents,
  routes,
  URL_,
} from './support/harness.ts'

const initializeResult = (version = '2025-11-25') => ({
  protocolVersion: version,
  capabilities: { tools: {} },
  serverInfo: { name: 'legacy', version: '1.0.0' },
})

/** A legacy Streamable HTTP server: 400 without a session, a session id from initialize. */
function legacyServer(extra: Record<string, (message: Json, request: Request) => Response> = {}) {
  const getStreams: Request[] = []
  const fake = routes({
    initialize: (message) =>
      result(message.id, initializeResult(), { 'mcp-session-id': 'session-1' }),
    'server/discover': () =>
      new Response('Bad Request: No valid session ID provided', { status: 400 }),
    'notifications/initialized': () => new Response(null, { status: 202 }),
    'tools/list': answer({ tools: [] }),
    ...extra,
  })
  return { fake, getStreams }
}

describe('HTTP negotiation', () => {
  test('a discover result makes the client modern, and requests carry _meta and headers', async () => {
    const fake = routes({
      'server/discover': answer(discoverResult()),
      'tools/list': answer({ resultType: 'complete', ttlMs: 0, cacheScope: 'private', tools: [] }),
    })
    const client = clientOn(fake)
    const events = recordEvents(client)
    const session = await client.connect()
    expect(session).toMatchObject({ era: 'modern', protocolVersion: MODERN, source: 'discover' })
    expect(session.serverInfo).toEqual({ name: 'fake', version: '1.0.0' })
    expect(session.capabilities?.tools).toEqual({ listChanged: true })
    await client.listTools()
    const [discover, list] = fake.seen
    expect(discover?.headers.get('mcp-protocol-version')).toBe(MODERN)
    expect(discover?.headers.get('mcp-method')).toBe('server/discover')
    expect(list?.headers.get('mcp-method')).toBe('tools/list')
    expect(list?.headers.get('mcp-protocol-version')).toBe(MODERN)
    expect(metaOf(list?.body)).toMatchObject({
      'io.modelcontextprotocol/protocolVersion': MODERN,
      'io.modelcontextprotocol/clientCapabilities': {},
      'io.modelcontextprotocol/clientInfo': { name: 'mcpkit-client', version: '0.0.0' },
    })
    expect(events).toContainEqual({
      type: 'negotiation:settled',
      era: 'modern',
      protocolVersion: MODERN,
      transport: 'streamable-http',
      source: 'discover',
    })
    await client.close()
  })

  test('-32022 on the probe is retried with a version from data.supported', async () => {
    let probes = 0
    const fake = routes({
      'server/discover': (message) => {
        probes += 1
        if (probes === 1) {
          return rpcError(
            message.id,
            { code: -32022, message: 'Unsupported', data: { supported: [MODERN], requested: 'x' } },
            400,
          )
        }
        return result(message.id, discoverResult())
      },
    })
    const client = clientOn(fake)
    await expect(client.connect()).resolves.toMatchObject({ era: 'modern', source: 'discover' })
    expect(probes).toBe(2)
    const ids = fake.posts().map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    await client.close()
  })

  test('a non-modern 400 falls back to initialize: session id, version header, initialized, GET', async () => {
    const { fake } = legacyServer()
    const client = clientOn(fake)
    const session = await client.connect()
    expect(session).toMatchObject({
      era: 'legacy',
      protocolVersion: '2025-11-25',
      sessionId: 'session-1',
      source: 'initialize',
      serverInfo: { name: 'legacy', version: '1.0.0' },
    })
    await client.listTools()
    const posts = fake.seen.filter((s) => s.method === 'POST')
    const init = posts.find((s) => s.body.method === 'initialize')
    expect(init?.headers.get('mcp-session-id')).toBeNull()
    expect(init?.headers.get('mcp-protocol-version')).toBeNull()
    expect(init?.body.params).toMatchObject({
      protocolVersion: '2025-11-25',
      clientInfo: { name: 'mcpkit-client' },
    })
    const initialized = posts.find((s) => s.body.method === 'notifications/initialized')
    expect(initialized?.headers.get('mcp-session-id')).toBe('session-1')
    const list = posts.find((s) => s.body.method === 'tools/list')
    expect(list?.headers.get('mcp-session-id')).toBe('session-1')
    expect(list?.headers.get('mcp-protocol-version')).toBe('2025-11-25')
    // Legacy requests carry no modern _meta (the progress token lets progress reset the timeout).
    expect(metaOf(list?.body)).toEqual({ progressToken: expect.any(Number) })
    const get = fake.seen.find((s) => s.method === 'GET')
    expect(get?.headers.get('mcp-session-id')).toBe('session-1')
    await client.close()
    const del = fake.seen.find((s) => s.method === 'DELETE')
    expect(del?.headers.get('mcp-session-id')).toBe('session-1')
  })

  test('a plain -32601 in a 200 answer is legacy: the fallback is never keyed on one code', async () => {
    const { fake } = legacyServer({
      'server/discover': (message) => rpcError(message.id, { code: -32601, message: 'nope' }),
    })
    const client = clientOn(fake)
    await expect(client.connect()).resolves.toMatchObject({ era: 'legacy' })
    await client.close()
  })

  test('-32601 with HTTP 404 is a modern server (without discover)', async () => {
    const fake = routes({
      'tools/list': answer({ resultType: 'complete', ttlMs: 0, cacheScope: 'public', tools: [] }),
    })
    const client = clientOn(fake)
    await expect(client.connect()).resolves.toMatchObject({
      era: 'modern',
      capabilities: undefined,
    })
    expect(fake.posts().map((m) => m.method)).toEqual(['server/discover'])
    await client.close()
  })

  test('initialize refused with 405 falls back to the 2024-11-05 HTTP+SSE transport', async () => {
    const fake = routes({}, () => new Response('Method Not Allowed', { status: 405 }))
    const [clientSide, serverSide] = createInMemoryPair()
    createJsonRpcEngine({
      connection: serverSide,
      onRequest: (request) => {
        if (request.method === 'initialize') return initializeResult('2024-11-05')
        if (request.method === 'tools/list') return { tools: [] }
        throw ProtocolError.methodNotFound(request.method)
      },
    })
    const opened: string[] = []
    const client = clientOn(fake, {
      connectHttpSse: async (settings) => {
        opened.push(settings.url.href)
        return clientSide
      },
    })
    const events = recordEvents(client)
    const session = await client.connect()
    expect(session).toMatchObject({
      era: 'legacy',
      transport: 'http+sse',
      protocolVersion: '2024-11-05',
    })
    expect(opened).toEqual([URL_])
    expect(events).toContainEqual({
      type: 'negotiation:fallback',
      from: 'streamable-http',
      to: 'http+sse',
    })
    await expect(client.listTools()).resolves.toEqual({ tools: [] })
    await client.close()
  })

  test('an HTTP+SSE stream that never names its endpoint fails after requestTimeoutMs', async () => {
    const streams: ReturnType<typeof sse>[] = []
    const fake = routes({}, () => new Response('Method Not Allowed', { status: 405 }))
    const fetchWithGet: typeof fetch = async (input, init) => {
      if ((init?.method ?? 'GET') !== 'GET') return fake.fetch(input, init)
      const stream = sse()
      streams.push(stream)
      return stream.response
    }
    const client = clientOn(fake, {
      fetch: fetchWithGet,
      protocolVersion: '2025-11-25',
      requestTimeoutMs: 150,
    })
    const error = await client.connect().then(
      () => undefined,
      (failure: unknown) => failure,
    )
    expect(isTimeoutError(error)).toBe(true)
    expect((error as { timeoutMs?: number }).timeoutMs).toBe(150)
    expect(streams).toHaveLength(1)
    await client.close()
  })

  test('a pinned 2026-07-28 client sends modern requests without probing; -32022 is retried', async () => {
    let rejected = false
    const fake = routes({
      'tools/list': (message, request) => {
        if (!rejected) {
          rejected = true
          const requested = request.headers.get('mcp-protocol-version')
          const data = { supported: [MODERN], requested }
          return rpcError(message.id, { code: -32022, message: 'Unsupported', data }, 400)
        }
        return result(message.id, {
          resultType: 'complete',
          ttlMs: 0,
          cacheScope: 'private',
          tools: [],
        })
      },
    })
    const client = clientOn(fake, { protocolVersion: MODERN })
    const events = recordEvents(client)
    await expect(client.listTools()).resolves.toMatchObject({ tools: [] })
    const posts = fake.posts()
    expect(posts.map((m) => m.method)).toEqual(['tools/list', 'tools/list'])
    expect(posts[0].id).not.toBe(posts[1].id)
    expect(metaOf(posts[1])['io.modelcontextprotocol/protocolVersion']).toBe(MODERN)
    expect(events).toContainEqual({
      type: 'request:retried',
      method: 'tools/list',
      reason: 'unsupported-version',
    })
    expect(client.session).toMatchObject({ source: 'pinned', era: 'modern' })
    await client.close()
  })

  test('a pinned legacy version skips the probe and offers that version', async () => {
    const { fake } = legacyServer({
      initialize: (message) =>
        result(message.id, initializeResult('2025-06-18'), { 'mcp-session-id': 's' }),
    })
    const client = clientOn(fake, { protocolVersion: '2025-06-18' })
    await expect(client.connect()).resolves.toMatchObject({
      era: 'legacy',
      protocolVersion: '2025-06-18',
    })
    const methods = fake.posts().map((m) => m.method)
    expect(methods[0]).toBe('initialize')
    expect(fake.posts()[0].params.protocolVersion).toBe('2025-06-18')
    await client.close()
  })

  test('a legacy offer the client does not speak fails the connection', async () => {
    const { fake } = legacyServer({
      initialize: (message) =>
        result(message.id, initializeResult('2030-01-01'), { 'mcp-session-id': 's' }),
    })
    const client = clientOn(fake)
    await expect(client.connect()).rejects.toThrow(/2030-01-01/)
    await client.close()
  })

  test('the outcome is cached per endpoint: the next client does not probe', async () => {
    const fake = routes({
      'server/discover': answer(discoverResult()),
      'tools/list': answer({ resultType: 'complete', ttlMs: 0, cacheScope: 'private', tools: [] }),
    })
    const eraCache = createEraCache()
    const first = clientOn(fake, { eraCache })
    await first.connect()
    const second = clientOn(fake, { eraCache })
    await expect(second.connect()).resolves.toMatchObject({ era: 'modern', source: 'cache' })
    expect(fake.posts().filter((m) => m.method === 'server/discover')).toHaveLength(1)
    expect(eraCache.get('http://mcp.test/mcp')).toEqual({ era: 'modern', protocolVersion: MODERN })
    await first.close()
    await second.close()
  })

  test('a remembered outcome that fails is forgotten, so the next client probes again', async () => {
    const fake = routes({}, () => new Response('down', { status: 500 }))
    const eraCache = createEraCache()
    eraCache.set('http://mcp.test/mcp', { era: 'legacy', transport: 'streamable-http' })
    const client = clientOn(fake, { eraCache })
    await expect(client.connect()).rejects.toMatchObject({ name: 'HttpError', status: 500 })
    expect(fake.posts().map((m) => m.method)).toEqual(['initialize'])
    expect(eraCache.get('http://mcp.test/mcp')).toBeUndefined()
    await client.close()
  })

  test('401 on the probe is an HttpError, not a fallback', async () => {
    const fake = routes({}, () => json({ error: 'unauthorized' }, { status: 401 }))
    const client = clientOn(fake)
    const error = await client.connect().catch((e: unknown) => e)
    expect(isHttpError(error) && error.status).toBe(401)
    expect(fake.posts().map((m) => m.method)).toEqual(['server/discover'])
    await client.close()
  })

  test('a failed connect can be retried by the next call', async () => {
    let fail = true
    const fake = routes({
      'server/discover': (message) => {
        if (fail) return json({ error: 'down' }, { status: 401 })
        return result(message.id, discoverResult())
      },
    })
    const client = clientOn(fake)
    await expect(client.connect()).rejects.toThrow()
    fail = false
    await expect(client.connect()).resolves.toMatchObject({ era: 'modern' })
    await client.close()
  })

  test('an SSE answer to the probe is read like a JSON one', async () => {
    const fake = routes({
      'server/discover': (message) => {
        const stream = sse()
        stream.comment()
        stream.send({ jsonrpc: '2.0', id: message.id, result: discoverResult() })
        stream.close()
        return stream.response
      },
    })
    const client = clientOn(fake)
    await expect(client.connect()).resolves.toMatchObject({ era: 'modern' })
    await client.close()
  })
})

describe('negotiation over a connection (stdio, in-memory)', () => {
  function serverOn(onRequest: RequestHandler) {
    const [clientSide, serverSide] = createInMemoryPair()
    const server = createJsonRpcEngine({ connection: serverSide, onRequest })
    return { clientSide, server }
  }

  test('a discover result over the connection means modern', async () => {
    const seen: Json[] = []
    const { clientSide } = serverOn((request) => {
      seen.push({ method: request.method, params: request.params })
      if (request.method === 'server/discover') return discoverResult()
      if (request.method === 'tools/list')
        return { resultType: 'complete', ttlMs: 0, cacheScope: 'public', tools: [] }
      throw ProtocolError.methodNotFound(request.method)
    })
    const client = createClient({ connection: clientSide })
    await expect(client.connect()).resolves.toMatchObject({
      era: 'modern',
      transport: 'connection',
    })
    await client.listTools()
    expect(metaOf(seen[1])['io.modelcontextprotocol/protocolVersion']).toBe(MODERN)
    await client.close()
  })

  test('Json other error means legacy, and initialize runs', async () => {
    const methods: string[] = []
    const { clientSide } = serverOn((request) => {
      methods.push(request.method)
      if (request.method === 'initialize') return initializeResult('2025-06-18')
      throw ProtocolError.methodNotFound(request.method)
    })
    const client = createClient({ connection: clientSide })
    await expect(client.connect()).resolves.toMatchObject({
      era: 'legacy',
      protocolVersion: '2025-06-18',
    })
    expect(methods).toEqual(['server/discover', 'initialize'])
    await client.close()
  })

  test('silence on the probe (a timeout) means legacy too', async () => {
    const { clientSide } = serverOn((request) => {
      if (request.method === 'initialize') return initializeResult()
      return new Promise(() => {})
    })
    const client = createClient({ connection: clientSide, requestTimeoutMs: 50 })
    await expect(client.connect()).resolves.toMatchObject({ era: 'legacy' })
    await client.close()
  })

  test('a modern error with data.supported picks the version', async () => {
    const { clientSide } = serverOn((request) => {
      if (request.method === 'server/discover') {
        throw new ProtocolError(-32022, 'Unsupported', {
          data: { supported: [MODERN], requested: 'x' },
        })
      }
      return { resultType: 'complete', ttlMs: 0, cacheScope: 'public', tools: [] }
    })
    const client = createClient({ connection: clientSide })
    await expect(client.connect()).resolves.toMatchObject({
      era: 'modern',
      protocolVersion: MODERN,
    })
    await client.close()
  })

  test('the server refusing initialize surfaces its error', async () => {
    const { clientSide } = serverOn(() => {
      throw ProtocolError.invalidParams('no')
    })
    const client = createClient({ connection: clientSide })
    const error = await client.connect().catch((e: unknown) => e)
    expect(isProtocolError(error) && error.code).toBe(-32602)
    await client.close()
  })
})

test('createClient validates its options once', () => {
  expect(() => createClient({} as never)).toThrow(/url/)
  expect(() => createClient({ url: 'ftp://x' })).toThrow(/http/)
  expect(() => createClient({ url: URL_, requestTimout: 5 } as never)).toThrow(
    /did you mean `requestTimeoutMs`/,
  )
  expect(() => createClient({ url: URL_, requestTimeoutMs: -1 })).toThrow(/requestTimeoutMs/)
  expect(() => createClient({ url: URL_, handlers: { roots: 'x' as never } })).toThrow(
    /handlers.roots/,
  )
  expect(() => createClient({ url: URL_, createHttpTransport: 'x' as never })).toThrow(
    /createHttpTransport/,
  )
})
