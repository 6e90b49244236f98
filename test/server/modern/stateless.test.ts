import { afterEach, describe, expect, test } from 'vitest'
import type { McpServer } from '../../../src/server/http/create-server.ts'
import {
  delay,
  type Json,
  META,
  MODERN,
  modernRequest,
  post,
  SseReader,
  type ToolProbes,
  testServer,
} from '../http/harness.ts'

let server: McpServer
let probes: ToolProbes

function setup(options: Parameters<typeof testServer>[0] = {}) {
  ;({ server, probes } = testServer(options))
}

afterEach(async () => {
  probes?.release()
  await server?.close({ deadlineMs: 0 })
})

async function json(response: Response) {
  return (await response.json()) as Json
}

describe('modern _meta validation (SPEC §3.7, §7.2)', () => {
  test('a request without _meta gets 400 and -32602, echoing the id', async () => {
    setup()
    const request = post(
      { jsonrpc: '2.0', id: 101, method: 'server/discover', params: {} },
      { 'mcp-protocol-version': MODERN, 'mcp-method': 'server/discover' },
    )
    const response = await server.handle(request)
    expect(response.status).toBe(400)
    const body = await json(response)
    expect(body.id).toBe(101)
    expect(body.error.code).toBe(-32602)
  })

  test.each([
    ['protocolVersion', 'io.modelcontextprotocol/protocolVersion'],
    ['clientCapabilities', 'io.modelcontextprotocol/clientCapabilities'],
  ])('a _meta without %s gets 400 and -32602', async (_name, key) => {
    setup()
    const meta: Record<string, unknown> = { ...META }
    delete meta[key]
    const request = post(
      { jsonrpc: '2.0', id: 'x', method: 'server/discover', params: { _meta: meta } },
      { 'mcp-protocol-version': MODERN, 'mcp-method': 'server/discover' },
    )
    const response = await server.handle(request)
    expect(response.status).toBe(400)
    expect(await json(response)).toMatchObject({ id: 'x', error: { code: -32602 } })
  })

  test('clientInfo is optional', async () => {
    setup()
    const meta = { ...META } as Record<string, unknown>
    delete meta['io.modelcontextprotocol/clientInfo']
    const request = post(
      { jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta: meta } },
      { 'mcp-protocol-version': MODERN, 'mcp-method': 'server/discover' },
    )
    const response = await server.handle(request)
    expect(response.status).toBe(200)
    expect((await json(response)).result.supportedVersions).toContain(MODERN)
  })

  test('an unsupported version gets 400 and -32022 with supported and requested', async () => {
    setup()
    const request = modernRequest(
      'server/discover',
      {},
      {
        id: 301,
        meta: { 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' },
        headers: { 'mcp-protocol-version': 'v999.0.0' },
      },
    )
    const response = await server.handle(request)
    expect(response.status).toBe(400)
    expect(await json(response)).toMatchObject({
      id: 301,
      error: { code: -32022, data: { supported: [MODERN], requested: 'v999.0.0' } },
    })
  })

  test('a header that differs from _meta gets 400 and -32020', async () => {
    setup()
    const request = modernRequest(
      'server/discover',
      {},
      {
        id: 302,
        meta: { 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' },
      },
    )
    const response = await server.handle(request)
    expect(response.status).toBe(400)
    expect(await json(response)).toMatchObject({ id: 302, error: { code: -32020 } })
  })

  test('a missing MCP-Protocol-Version header with modern _meta gets -32020', async () => {
    setup()
    const request = post(
      {
        jsonrpc: '2.0',
        id: 5,
        method: 'tools/list',
        params: { _meta: META },
      },
      { 'mcp-method': 'tools/list' },
    )
    const response = await server.handle(request)
    expect(response.status).toBe(400)
    expect(await json(response)).toMatchObject({ id: 5, error: { code: -32020 } })
  })

  test('a bad log level gets -32602', async () => {
    setup()
    const response = await server.handle(
      modernRequest('tools/list', {}, { meta: { 'io.modelcontextprotocol/logLevel': 'loud' } }),
    )
    expect(response.status).toBe(400)
    expect((await json(response)).error.code).toBe(-32602)
  })
})

describe('modern methods and status codes', () => {
  test.each([
    'initialize',
    'ping',
    'logging/setLevel',
    'resources/subscribe',
    'resources/unsubscribe',
    'unknown/method',
  ])('%s is 404 with -32601', async (method) => {
    setup()
    const response = await server.handle(modernRequest(method, {}, { id: 500 }))
    expect(response.status).toBe(404)
    expect(await json(response)).toMatchObject({ id: 500, error: { code: -32601 } })
  })

  test('an ordinary result is 200 JSON with resultType complete', async () => {
    setup()
    const response = await server.handle(
      modernRequest('tools/call', { name: 'echo', arguments: { text: 'hi' } }, { id: 7 }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('mcp-session-id')).toBeNull()
    const body = await json(response)
    expect(body).toMatchObject({ id: 7, result: { resultType: 'complete' } })
    expect(body.result.content[0].text).toBe('echo: hi')
  })

  test('a notification gets 202 with an empty body', async () => {
    setup()
    const request = post(
      { jsonrpc: '2.0', method: 'notifications/roots/list_changed', params: { _meta: META } },
      { 'mcp-protocol-version': MODERN },
    )
    const response = await server.handle(request)
    expect(response.status).toBe(202)
    expect(await response.text()).toBe('')
  })

  test('a response from the client is refused with 400 -32600', async () => {
    setup()
    const request = post({ jsonrpc: '2.0', id: 3, result: {} }, { 'mcp-protocol-version': MODERN })
    const response = await server.handle(request)
    expect(response.status).toBe(400)
    expect(await json(response)).toMatchObject({ id: 3, error: { code: -32600 } })
  })

  test('a batch is refused with 400 -32600', async () => {
    setup()
    const request = post(
      [{ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: META } }],
      { 'mcp-protocol-version': MODERN },
    )
    const response = await server.handle(request)
    expect(response.status).toBe(400)
    expect((await json(response)).error.code).toBe(-32600)
  })

  test('a tool that throws is a tool error (isError), not a protocol error', async () => {
    setup()
    const response = await server.handle(
      modernRequest('tools/call', { name: 'fail', arguments: {} }),
    )
    expect(response.status).toBe(200)
    const body = await json(response)
    expect(body.result.isError).toBe(true)
  })

  test('a ProtocolError from a handler stays in-band with HTTP 200', async () => {
    setup()
    const response = await server.handle(
      modernRequest('tools/call', { name: 'protocol_fail', arguments: {} }, { id: 9 }),
    )
    expect(response.status).toBe(200)
    expect(await json(response)).toMatchObject({ id: 9, error: { code: -32602 } })
  })

  test('a missing client capability is 400 with -32021 and a capabilities object', async () => {
    setup()
    const response = await server.handle(
      modernRequest('tools/call', { name: 'ask', arguments: {} }, { id: 401 }),
    )
    expect(response.status).toBe(400)
    const body = await json(response)
    expect(body).toMatchObject({ id: 401, error: { code: -32021 } })
    expect(body.error.data.requiredCapabilities).toHaveProperty('elicitation')
    expect(typeof body.error.data.requiredCapabilities.elicitation).toBe('object')
  })

  test('Mcp-Session-Id and Last-Event-ID are ignored and never echoed', async () => {
    setup()
    const response = await server.handle(
      modernRequest(
        'tools/list',
        {},
        { headers: { 'mcp-session-id': 'nope', 'last-event-id': 'x_1' } },
      ),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('mcp-session-id')).toBeNull()
    expect(server.sessions.size).toBe(0)
  })
})

describe('modern SSE replies', () => {
  test('progress before the result upgrades the reply to SSE carrying only this request', async () => {
    setup()
    const response = await server.handle(
      modernRequest(
        'tools/call',
        { name: 'progress', arguments: {} },
        { id: 11, meta: { progressToken: 'tok' } },
      ),
    )
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(response.headers.get('x-accel-buffering')).toBe('no')
    const events = await new SseReader(response).rest()
    const messages = events.map((event) => JSON.parse(event.data))
    expect(messages.map((m) => m.method ?? 'response')).toEqual([
      'notifications/progress',
      'notifications/progress',
      'notifications/progress',
      'response',
    ])
    expect(messages[3]).toMatchObject({ id: 11, result: { resultType: 'complete' } })
    expect(events.every((event) => event.id === undefined)).toBe(true)
  })

  test('log messages are sent only at or above the request logLevel, never without one', async () => {
    setup()
    const without = await server.handle(modernRequest('tools/call', { name: 'log', arguments: {} }))
    expect(without.headers.get('content-type')).toBe('application/json')
    expect((await json(without)).result.content[0].text).toBe('logged')

    const withLevel = await server.handle(
      modernRequest(
        'tools/call',
        { name: 'log', arguments: {} },
        {
          meta: { 'io.modelcontextprotocol/logLevel': 'warning' },
        },
      ),
    )
    const messages = (await new SseReader(withLevel).rest()).map((e) => JSON.parse(e.data))
    expect(messages.filter((m) => m.method === 'notifications/message')).toHaveLength(1)
    expect(messages[0].params.level).toBe('error')
  })

  test('closing the SSE reply cancels the request and sends nothing more', async () => {
    setup()
    const response = await server.handle(
      modernRequest('tools/call', { name: 'gate', arguments: {} }, { meta: { progressToken: 1 } }),
    )
    const reader = new SseReader(response)
    const first = await reader.nextMessage()
    expect(first?.method).toBe('notifications/progress')
    expect(server.stats.inFlight).toBe(1)
    await reader.cancel()
    await delay(0)
    expect(server.stats.inFlight).toBe(0)
    expect(server.stats.openStreams).toBe(0)
    probes.release()
  })
})

describe('modern header validation (SEP-2243)', () => {
  test('Mcp-Method missing, mismatched or differently cased gets 400 -32020', async () => {
    setup()
    for (const headers of [{ 'mcp-method': 'prompts/list' }, { 'mcp-method': 'TOOLS/LIST' }]) {
      const response = await server.handle(modernRequest('tools/list', {}, { headers }))
      expect(response.status).toBe(400)
      expect((await json(response)).error.code).toBe(-32020)
    }
    const request = modernRequest('tools/list')
    request.headers.delete('mcp-method')
    const response = await server.handle(request)
    expect(response.status).toBe(400)
    expect((await json(response)).error.code).toBe(-32020)
  })

  test('header names match case-insensitively', async () => {
    setup()
    const request = modernRequest('tools/list')
    request.headers.delete('mcp-method')
    request.headers.set('MCP-METHOD', 'tools/list')
    expect((await server.handle(request)).status).toBe(200)
  })

  test('Mcp-Name is required for tools/call and must match params.name', async () => {
    setup()
    const mismatched = await server.handle(
      modernRequest(
        'tools/call',
        { name: 'echo', arguments: { text: 'a' } },
        { headers: { 'mcp-name': 'other' } },
      ),
    )
    expect(mismatched.status).toBe(400)
    expect((await json(mismatched)).error.code).toBe(-32020)
    const missing = modernRequest('tools/call', { name: 'echo', arguments: { text: 'a' } })
    missing.headers.delete('mcp-name')
    const response = await server.handle(missing)
    expect(response.status).toBe(400)
    expect((await json(response)).error.code).toBe(-32020)
  })

  test('Mcp-Name for resources/read mirrors params.uri, Base64 sentinel decoded', async () => {
    setup()
    const encoded = `=?base64?${btoa('test://watched')}?=`
    const response = await server.handle(
      modernRequest(
        'resources/read',
        { uri: 'test://watched' },
        { headers: { 'mcp-name': encoded } },
      ),
    )
    expect(response.status).toBe(200)
    expect((await json(response)).result.contents[0].text).toBe('watched')
  })

  test('Mcp-Param headers must be present and match the arguments', async () => {
    setup()
    const call = (args: Record<string, unknown>, headers: Record<string, string>) =>
      server.handle(
        modernRequest('tools/call', { name: 'header_tool', arguments: args }, { headers }),
      )
    const ok = await call(
      { region: 'us-west1', count: 42, flag: true, nested: { zone: 'b' } },
      {
        'Mcp-Param-Region': 'us-west1',
        'mcp-param-count': '42.0',
        'Mcp-Param-Flag': 'true',
        'Mcp-Param-Zone': 'b',
      },
    )
    expect(ok.status).toBe(200)
    expect((await json(ok)).result.isError).toBeUndefined()

    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ region: 'us-west1' }, {}],
      [{ region: 'us-west1' }, { 'Mcp-Param-Region': 'eu' }],
      [{ count: 42 }, { 'Mcp-Param-Count': '43' }],
      [{ flag: false }, { 'Mcp-Param-Flag': 'False' }],
      [{}, { 'Mcp-Param-Region': 'us-west1' }],
      [{ region: 'Hello' }, { 'Mcp-Param-Region': '=?base64?SGVsbG8?=' }],
      [{ region: 'Hello' }, { 'Mcp-Param-Region': '=?base64?SGVs!!!bG8=?=' }],
    ]
    for (const [args, headers] of cases) {
      const response = await call(args, headers)
      expect(response.status, JSON.stringify(headers)).toBe(400)
      expect((await json(response)).error.code).toBe(-32020)
    }
  })

  test('Base64 and literal-looking values: sentinel decoded, anything else literal', async () => {
    setup()
    const call = (region: string, header: string) =>
      server.handle(
        modernRequest(
          'tools/call',
          { name: 'header_tool', arguments: { region } },
          {
            headers: { 'Mcp-Param-Region': header },
          },
        ),
      )
    expect((await call('Hello', `=?base64?${btoa('Hello')}?=`)).status).toBe(200)
    expect((await call('SGVsbG8=', 'SGVsbG8=')).status).toBe(200)
    expect((await call('=?base64?SGVsbG8=', '=?base64?SGVsbG8=')).status).toBe(200)
    const unicode = 'Hello, 世界'
    const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(unicode)))
    expect((await call(unicode, `=?base64?${b64}?=`)).status).toBe(200)
  })

  test('a null argument needs no header', async () => {
    setup()
    const response = await server.handle(
      modernRequest('tools/call', { name: 'header_tool', arguments: { region: null } }),
    )
    expect(response.status).toBe(200)
  })
})
