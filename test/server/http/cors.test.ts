import { afterEach, describe, expect, test } from 'vitest'
import type { McpServer } from '../../../src/server/http/create-server.ts'
import {
  ENDPOINT,
  initializeBody,
  legacyPost,
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

const PAGE = 'http://127.0.0.1:5173'

function preflight(origin: string, headers: Record<string, string> = {}, url = ENDPOINT) {
  return new Request(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,mcp-protocol-version,mcp-session-id',
      ...headers,
    },
  })
}

describe('CORS preflights', () => {
  test('an accepted origin gets 204 with the methods, the headers it asked for and a max age', async () => {
    ;({ server } = testServer())
    const response = await server.handle(preflight(PAGE))
    expect(response.status).toBe(204)
    expect(Object.fromEntries(response.headers)).toEqual({
      'access-control-allow-origin': PAGE,
      'access-control-allow-methods': 'GET, POST, DELETE',
      'access-control-allow-headers': 'content-type,mcp-protocol-version,mcp-session-id',
      'access-control-max-age': '7200',
      vary: 'origin, access-control-request-method, access-control-request-headers',
    })
    expect(await response.text()).toBe('')
  })

  test('modern Mcp-Param-* names are allowed as asked; a malformed list is not echoed', async () => {
    ;({ server } = testServer({ config: { corsMaxAgeMs: 600_500 } }))
    const asked = 'Content-Type, Mcp-Method, Mcp-Name, Mcp-Param-Region'
    const modern = await server.handle(preflight(PAGE, { 'access-control-request-headers': asked }))
    expect(modern.headers.get('access-control-allow-headers')).toBe(asked)
    expect(modern.headers.get('access-control-max-age')).toBe('600')
    const hostile = await server.handle(
      preflight(PAGE, { 'access-control-request-headers': 'content-type, x:y' }),
    )
    expect(hostile.status).toBe(204)
    expect(hostile.headers.get('access-control-allow-headers')).toBeNull()
  })

  test('a refused origin or host gets 403 and no CORS headers', async () => {
    ;({ server } = testServer({ config: { allowedOrigins: ['https://app.example.com'] } }))
    const refused = await server.handle(preflight(PAGE))
    expect(refused.status).toBe(403)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    const allowed = await server.handle(preflight('https://app.example.com'))
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    const host = await server.handle(preflight('https://app.example.com', { host: 'evil.example' }))
    expect(host.status).toBe(403)
  })

  test('the 2024-11-05 paths allow their own method; unknown paths are 404', async () => {
    ;({ server } = testServer({ config: { legacySse: true } }))
    const sse = await server.handle(preflight(PAGE, {}, `${URL_BASE}/sse`))
    expect(sse.headers.get('access-control-allow-methods')).toBe('GET')
    const messages = await server.handle(preflight(PAGE, {}, `${URL_BASE}/messages`))
    expect(messages.headers.get('access-control-allow-methods')).toBe('POST')
    const unknown = await server.handle(preflight(PAGE, {}, `${URL_BASE}/elsewhere`))
    expect(unknown.status).toBe(404)
  })

  test('OPTIONS that is not a preflight, and any OPTIONS with cors off, gets 405', async () => {
    ;({ server } = testServer())
    const plain = await server.handle(new Request(ENDPOINT, { method: 'OPTIONS' }))
    expect(plain.status).toBe(405)
    await server.close({ deadlineMs: 0 })
    ;({ server } = testServer({ config: { cors: false } }))
    const off = await server.handle(preflight(PAGE))
    expect(off.status).toBe(405)
    expect(off.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('CORS headers on answers', () => {
  test('a cross-origin initialize can read its session id; the session then works', async () => {
    ;({ server } = testServer())
    const response = await server.handle(post(initializeBody(), { origin: PAGE }))
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE)
    const exposed = response.headers.get('access-control-expose-headers')?.split(/,\s*/)
    expect(exposed).toEqual(
      expect.arrayContaining(['mcp-session-id', 'mcp-protocol-version', 'www-authenticate']),
    )
    expect(response.headers.get('vary')).toBe('origin')
    expect(response.headers.get('content-type')).toBe('application/json')
    const id = response.headers.get('mcp-session-id')
    expect(id).toBeTruthy()
    const body = (await response.json()) as { result: { protocolVersion: string } }
    expect(body.result.protocolVersion).toBe('2025-11-25')
    const call = await server.handle(
      legacyPost(
        {
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: { name: 'echo', arguments: { text: 'x' } },
        },
        { id: id as string, version: '2025-11-25' },
        { origin: PAGE },
      ),
    )
    expect(call.headers.get('access-control-allow-origin')).toBe(PAGE)
    expect(((await call.json()) as { result: unknown }).result).toEqual({
      content: [{ type: 'text', text: 'echo: x' }],
    })
  })

  test('SSE answers and error answers carry them too; requests without Origin get none', async () => {
    ;({ server } = testServer())
    const sessionId = await openSession(server.handle)
    const stream = await server.handle(
      legacyPost(
        {
          jsonrpc: '2.0',
          id: 3,
          method: 'tools/call',
          params: { name: 'progress', arguments: {}, _meta: { progressToken: 'p' } },
        },
        { id: sessionId, version: '2025-11-25' },
        { origin: PAGE },
      ),
    )
    expect(stream.headers.get('content-type')).toBe('text/event-stream')
    expect(stream.headers.get('access-control-allow-origin')).toBe(PAGE)
    expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform')
    const events = await new SseReader(stream).rest()
    expect(events.filter((event) => event.data.includes('"progress"'))).toHaveLength(3)

    const unknown = await server.handle(
      legacyPost(
        { jsonrpc: '2.0', id: 4, method: 'tools/list' },
        { id: 'no-such-session', version: '2025-11-25' },
        { origin: PAGE },
      ),
    )
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('access-control-allow-origin')).toBe(PAGE)

    const sameOrigin = await server.handle(modernRequest('tools/list'))
    expect(sameOrigin.status).toBe(200)
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull()
    expect(sameOrigin.headers.get('vary')).toBeNull()
  })

  test('corsCredentials adds Access-Control-Allow-Credentials to preflights and answers', async () => {
    ;({ server } = testServer({ config: { corsCredentials: true } }))
    const pre = await server.handle(preflight(PAGE))
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true')
    const answer = await server.handle(
      modernRequest('tools/list', {}, { headers: { origin: PAGE } }),
    )
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
    expect(answer.headers.get('access-control-allow-origin')).toBe(PAGE)
    await server.close({ deadlineMs: 0 })
    ;({ server } = testServer())
    const off = await server.handle(preflight(PAGE))
    expect(off.headers.get('access-control-allow-credentials')).toBeNull()
  })

  test('cors: false leaves answers as they were', async () => {
    ;({ server } = testServer({ config: { cors: false } }))
    const response = await server.handle(
      modernRequest('tools/list', {}, { headers: { origin: PAGE } }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})
