import { afterEach, describe, expect, test } from 'vitest'
import type { McpServer } from '../../../src/server/http/create-server.ts'
import type { McpServerEvent } from '../../../src/server/http/server-events.ts'
import {
  ENDPOINT,
  initializeBody,
  type Json,
  MODERN,
  modernRequest,
  openSession,
  post,
  SseReader,
  testServer,
  URL_BASE,
} from './harness.ts'

let server: McpServer

afterEach(async () => {
  await server?.close({ deadlineMs: 0 })
})

async function json(response: Response) {
  return (await response.json()) as Json
}

describe('Host and Origin (DNS-rebinding protection, SPEC §5.4)', () => {
  test('loopback hosts pass with any port; others get 403 with an id-less JSON-RPC error', async () => {
    ;({ server } = testServer())
    for (const host of ['localhost', '127.0.0.1:9', '[::1]:3000', 'LOCALHOST:1']) {
      const response = await server.handle(modernRequest('tools/list', {}, { headers: { host } }))
      expect(response.status, host).toBe(200)
    }
    const evil = await server.handle(
      modernRequest(
        'tools/list',
        {},
        { headers: { host: 'evil.example', origin: 'http://evil.example' } },
      ),
    )
    expect(evil.status).toBe(403)
    const body = await json(evil)
    expect(body.id).toBeUndefined()
    expect(body.error.message).toMatch(/Host/)
  })

  test('a present but foreign Origin gets 403; loopback origins and no Origin pass', async () => {
    ;({ server } = testServer())
    const foreign = await server.handle(
      modernRequest('tools/list', {}, { headers: { origin: 'https://evil.example' } }),
    )
    expect(foreign.status).toBe(403)
    const opaque = await server.handle(
      modernRequest('tools/list', {}, { headers: { origin: 'null' } }),
    )
    expect(opaque.status).toBe(403)
    const local = await server.handle(
      modernRequest('tools/list', {}, { headers: { origin: 'http://localhost:5173' } }),
    )
    expect(local.status).toBe(200)
  })

  test('configured allow-lists replace the loopback defaults', async () => {
    ;({ server } = testServer({
      config: {
        allowedHosts: ['mcp.example.com', 'alt.example.com:8443'],
        allowedOrigins: ['https://app.example.com'],
      },
    }))
    const ok = await server.handle(
      modernRequest(
        'tools/list',
        {},
        {
          url: 'https://mcp.example.com/mcp',
          headers: { host: 'mcp.example.com:443', origin: 'https://app.example.com' },
        },
      ),
    )
    expect(ok.status).toBe(200)
    const port = await server.handle(
      modernRequest('tools/list', {}, { headers: { host: 'alt.example.com:8443' } }),
    )
    expect(port.status).toBe(200)
    const wrongPort = await server.handle(
      modernRequest('tools/list', {}, { headers: { host: 'alt.example.com:1' } }),
    )
    expect(wrongPort.status).toBe(403)
    const localhost = await server.handle(
      modernRequest('tools/list', {}, { headers: { host: 'localhost' } }),
    )
    expect(localhost.status).toBe(403)
  })

  test('the legacy initialize is protected the same way', async () => {
    ;({ server } = testServer())
    const response = await server.handle(
      post(initializeBody(), { host: 'evil.example:80', origin: 'http://evil.example:80' }),
    )
    expect(response.status).toBe(403)
    expect(server.sessions.size).toBe(0)
  })
})

describe('request gate', () => {
  test('415 for a body that is not application/json (media type parsed, not matched)', async () => {
    ;({ server } = testServer())
    for (const type of ['text/plain', 'application/jsonx', 'application/json-seq']) {
      const response = await server.handle(
        modernRequest('tools/list', {}, { headers: { 'content-type': type } }),
      )
      expect(response.status, type).toBe(415)
    }
    const charset = await server.handle(
      modernRequest(
        'tools/list',
        {},
        { headers: { 'content-type': 'Application/JSON; charset=utf-8' } },
      ),
    )
    expect(charset.status).toBe(200)
  })

  test('406 when Accept leaves out JSON or SSE; wildcards count', async () => {
    ;({ server } = testServer())
    for (const accept of ['application/json', 'text/event-stream', 'text/event-stream;q=0, */*']) {
      const response = await server.handle(modernRequest('tools/list', {}, { headers: { accept } }))
      expect(response.status, accept).toBe(406)
    }
    const wildcard = await server.handle(
      modernRequest('tools/list', {}, { headers: { accept: '*/*' } }),
    )
    expect(wildcard.status).toBe(200)
  })

  test('400 -32700 for malformed JSON, 400 -32600 for a message that is not JSON-RPC', async () => {
    ;({ server } = testServer())
    const malformed = await server.handle(post('{"jsonrpc":', { 'mcp-protocol-version': MODERN }))
    expect(malformed.status).toBe(400)
    const parseError = await json(malformed)
    expect(parseError.error.code).toBe(-32700)
    expect('id' in parseError).toBe(false)
    const legacyMalformed = await server.handle(post('nope'))
    expect(await json(legacyMalformed)).toMatchObject({ id: null, error: { code: -32700 } })
    const invalid = await server.handle(post({ jsonrpc: '1.0', id: 4, method: 'tools/list' }))
    expect(invalid.status).toBe(400)
    expect(await json(invalid)).toMatchObject({ id: 4, error: { code: -32600 } })
    const scalar = await server.handle(post('42'))
    expect(scalar.status).toBe(400)
    expect((await json(scalar)).error.code).toBe(-32600)
  })

  test('413 when the declared Content-Length exceeds maxBodyBytes', async () => {
    ;({ server } = testServer({ config: { maxBodyBytes: 64 } }))
    const request = modernRequest('tools/call', {
      name: 'echo',
      arguments: { text: 'x'.repeat(200) },
    })
    expect(request.headers.get('content-length')).toBeNull()
    const withLength = new Request(request, {
      headers: { ...Object.fromEntries(request.headers), 'content-length': '300' },
    })
    const response = await server.handle(withLength)
    expect(response.status).toBe(413)
  })

  test('413 while streaming a body without Content-Length, without reading it all', async () => {
    ;({ server } = testServer({ config: { maxBodyBytes: 1024 } }))
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(512).fill(32))
        if (pulled > 100) controller.close()
      },
    })
    const request = new Request(ENDPOINT, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
    } as RequestInit)
    const response = await server.handle(request)
    expect(response.status).toBe(413)
    expect(pulled).toBeLessThan(10)
  })

  test('a small streamed body without Content-Length is read whole', async () => {
    ;({ server } = testServer({ config: { maxBodyBytes: 1024 } }))
    const text = JSON.stringify(initializeBody())
    const bytes = new TextEncoder().encode(text)
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10))
        controller.enqueue(bytes.slice(10))
        controller.close()
      },
    })
    const request = new Request(ENDPOINT, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
    } as RequestInit)
    const response = await server.handle(request)
    expect(response.status).toBe(200)
    expect(response.headers.get('mcp-session-id')).not.toBeNull()
  })
})

describe('methods and paths', () => {
  test('GET and DELETE with a modern version header get 405; other methods 405 with Allow', async () => {
    ;({ server } = testServer())
    for (const method of ['GET', 'DELETE']) {
      const response = await server.handle(
        new Request(ENDPOINT, {
          method,
          headers: { 'mcp-protocol-version': MODERN, accept: 'text/event-stream' },
        }),
      )
      expect(response.status, method).toBe(405)
    }
    const put = await server.handle(new Request(ENDPOINT, { method: 'PUT', body: '{}' }))
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, POST, DELETE')
  })

  test('other paths get 404; a custom endpoint moves MCP', async () => {
    ;({ server } = testServer({ endpoint: '/api/mcp' }))
    expect(
      (await server.handle(modernRequest('tools/list', {}, { url: `${URL_BASE}/mcp` }))).status,
    ).toBe(404)
    expect(
      (await server.handle(modernRequest('tools/list', {}, { url: `${URL_BASE}/api/mcp?x=1` })))
        .status,
    ).toBe(200)
    const at = (path: string) =>
      server.handle(modernRequest('tools/list', {}, { url: `${URL_BASE}${path}` }))
    expect((await at('/api/mcp/')).status).toBe(200)
    expect((await at('/api/mcpx')).status).toBe(404)
  })

  test('endpoint null serves every path', async () => {
    ;({ server } = testServer({ endpoint: null }))
    expect(
      (await server.handle(modernRequest('tools/list', {}, { url: `${URL_BASE}/anything` })))
        .status,
    ).toBe(200)
  })

  test('a server without the legacy era: GET/DELETE 405, initialize 400 -32022 listing versions', async () => {
    ;({ server } = testServer({ config: { legacy: false } }))
    const get = await server.handle(
      new Request(ENDPOINT, { headers: { accept: 'text/event-stream' } }),
    )
    expect(get.status).toBe(405)
    const init = await server.handle(post(initializeBody('2025-06-18')))
    expect(init.status).toBe(400)
    expect(await json(init)).toMatchObject({
      id: 0,
      error: { code: -32022, data: { supported: [MODERN], requested: '2025-06-18' } },
    })
    expect(server.sessions.size).toBe(0)
  })
})

describe('maxClients (503 + Retry-After)', () => {
  test('requests and streams beyond maxClients get 503 with Retry-After in seconds', async () => {
    ;({ server } = testServer({ config: { maxClients: 2, retryAfterMs: 1500 } }))
    const listen = (id: number) =>
      server.handle(
        modernRequest(
          'subscriptions/listen',
          { notifications: { toolsListChanged: true } },
          { id },
        ),
      )
    const a = new SseReader(await listen(1))
    const b = new SseReader(await listen(2))
    const refused = await server.handle(modernRequest('tools/list', {}, { id: 3 }))
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('2')
    expect((await json(refused)).error.code).toBe(-32603)
    await a.cancel()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect((await server.handle(modernRequest('tools/list', {}, { id: 4 }))).status).toBe(200)
    await b.cancel()
  })

  test('a finished JSON request gives its slot back at once', async () => {
    ;({ server } = testServer({ config: { maxClients: 1 } }))
    for (let i = 0; i < 5; i++) {
      expect((await server.handle(modernRequest('tools/list', {}, { id: i }))).status).toBe(200)
    }
    const session = await openSession(server.handle)
    expect(session).toBeTypeOf('string')
    expect(server.stats.slotsInUse).toBe(0)
  })
})

describe('server events', () => {
  test('report requests, sessions, streams and rejections', async () => {
    ;({ server } = testServer())
    const events: McpServerEvent[] = []
    const stop = server.events.subscribe((event) => events.push(event))
    await server.handle(modernRequest('tools/list', {}, { id: 1 }))
    const session = await openSession(server.handle)
    await server.handle(modernRequest('tools/list', {}, { headers: { host: 'evil.example' } }))
    const reader = new SseReader(
      await server.handle(
        modernRequest('subscriptions/listen', { notifications: { toolsListChanged: true } }),
      ),
    )
    await reader.cancel()
    await server.handle(
      new Request(ENDPOINT, { method: 'DELETE', headers: { 'mcp-session-id': session } }),
    )
    stop()
    const types = events.map((event) => event.type)
    expect(types).toContain('request:received')
    expect(events.find((e) => e.type === 'request:settled')).toMatchObject({
      era: 'modern',
      method: 'tools/list',
      outcome: 'result',
    })
    expect(events.find((e) => e.type === 'session:opened')).toMatchObject({ sessionId: session })
    expect(events.find((e) => e.type === 'session:closed')).toMatchObject({
      sessionId: session,
      reason: 'deleted',
    })
    expect(events.find((e) => e.type === 'http:rejected')).toMatchObject({
      status: 403,
      reason: 'host',
    })
    expect(types).toContain('stream:opened')
    expect(types).toContain('stream:closed')
  })
})
