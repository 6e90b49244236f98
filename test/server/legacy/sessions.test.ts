import { afterEach, describe, expect, test } from 'vitest'
import type { McpServer } from '../../../src/server/http/create-server.ts'
import {
  ENDPOINT,
  initializeBody,
  type Json,
  legacyPost,
  openSession,
  post,
  SseReader,
  testServer,
} from '../http/harness.ts'

let server: McpServer

afterEach(async () => {
  await server?.close({ deadlineMs: 0 })
})

const V = '2025-11-25'

function call(id: number | string, name: string, args: Record<string, unknown> = {}) {
  return { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } }
}

describe('legacy session lifecycle (SPEC §4.5)', () => {
  test('initialize opens a session with a visible-ASCII Mcp-Session-Id', async () => {
    ;({ server } = testServer())
    const response = await server.handle(post(initializeBody(V)))
    expect(response.status).toBe(200)
    const id = response.headers.get('mcp-session-id')
    expect(id).toMatch(/^[\x21-\x7e]+$/)
    const body = await response.json()
    expect(body).toMatchObject({
      id: 0,
      result: { protocolVersion: V, serverInfo: { name: 'http-test' } },
    })
    expect(server.sessions.size).toBe(1)
  })

  test('an old client offering an unknown version gets the newest legacy revision', async () => {
    ;({ server } = testServer())
    const response = await server.handle(post(initializeBody('2099-01-01')))
    expect((await response.json()).result.protocolVersion).toBe('2025-11-25')
  })

  test('a non-initialize request without a session id gets 400, echoing the id', async () => {
    ;({ server } = testServer())
    const response = await server.handle(legacyPost(call(9, 'echo', { text: 'x' }), { version: V }))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ id: 9, error: { code: -32000 } })
  })

  test('an unknown session id gets 404 (-32001)', async () => {
    ;({ server } = testServer())
    const response = await server.handle(
      legacyPost(call(1, 'echo', { text: 'x' }), { id: 'nope', version: V }),
    )
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ id: 1, error: { code: -32001 } })
  })

  test('requests in a session are answered; DELETE ends it and the id then gets 404', async () => {
    ;({ server } = testServer())
    const id = await openSession(server.handle)
    const answer = await server.handle(
      legacyPost(call(1, 'echo', { text: 'hi' }), { id, version: V }),
    )
    expect(answer.status).toBe(200)
    expect((await answer.json()).result.content[0].text).toBe('echo: hi')

    const deleted = await server.handle(
      new Request(ENDPOINT, {
        method: 'DELETE',
        headers: { 'mcp-session-id': id, 'mcp-protocol-version': V },
      }),
    )
    expect(deleted.status).toBe(204)
    const after = await server.handle(
      legacyPost(call(2, 'echo', { text: 'hi' }), { id, version: V }),
    )
    expect(after.status).toBe(404)
    const again = await server.handle(
      new Request(ENDPOINT, { method: 'DELETE', headers: { 'mcp-session-id': id } }),
    )
    expect(again.status).toBe(404)
  })

  test('DELETE without a session id is 400', async () => {
    ;({ server } = testServer())
    const response = await server.handle(new Request(ENDPOINT, { method: 'DELETE' }))
    expect(response.status).toBe(400)
  })

  test('a missing MCP-Protocol-Version means 2025-03-26; an unknown one is 400', async () => {
    ;({ server } = testServer())
    const id = await openSession(server.handle)
    const missing = await server.handle(legacyPost(call(1, 'echo', { text: 'a' }), { id }))
    expect(missing.status).toBe(200)
    const unknown = await server.handle(
      legacyPost(call(2, 'echo', { text: 'a' }), { id, version: '1999-01-01' }),
    )
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ id: 2, error: { code: -32600 } })
  })

  test('responses and notifications get 202 with no body', async () => {
    ;({ server } = testServer())
    const id = await openSession(server.handle)
    const note = await server.handle(
      legacyPost(
        { jsonrpc: '2.0', method: 'notifications/roots/list_changed' },
        { id, version: V },
      ),
    )
    expect(note.status).toBe(202)
    expect(await note.text()).toBe('')
    const stray = await server.handle(
      legacyPost({ jsonrpc: '2.0', id: 77, result: {} }, { id, version: V }),
    )
    expect(stray.status).toBe(202)
  })

  test('ping, logging/setLevel and unknown methods follow the legacy rules (in-band errors)', async () => {
    ;({ server } = testServer())
    const id = await openSession(server.handle)
    const ping = await server.handle(
      legacyPost({ jsonrpc: '2.0', id: 1, method: 'ping' }, { id, version: V }),
    )
    expect(await ping.json()).toEqual({ jsonrpc: '2.0', id: 1, result: {} })
    const level = await server.handle(
      legacyPost(
        { jsonrpc: '2.0', id: 2, method: 'logging/setLevel', params: { level: 'error' } },
        { id, version: V },
      ),
    )
    expect(level.status).toBe(200)
    expect(server.sessions.peek(id)?.logLevel).toBe('error')
    const unknown = await server.handle(
      legacyPost({ jsonrpc: '2.0', id: 3, method: 'nope' }, { id, version: V }),
    )
    expect(unknown.status).toBe(200)
    expect(await unknown.json()).toMatchObject({ id: 3, error: { code: -32601 } })
  })

  test('resources/subscribe is persisted through the session record', async () => {
    ;({ server } = testServer())
    const id = await openSession(server.handle)
    const response = await server.handle(
      legacyPost(
        { jsonrpc: '2.0', id: 1, method: 'resources/subscribe', params: { uri: 'test://watched' } },
        { id, version: V },
      ),
    )
    expect(response.status).toBe(200)
    expect(server.sessions.peek(id)?.subscriptions).toEqual(['test://watched'])
  })
})

describe('legacy batches (2025-03-26 only)', () => {
  test('a 2025-03-26 session accepts a batch and answers with an array', async () => {
    ;({ server } = testServer())
    const id = await openSession(server.handle, { version: '2025-03-26' })
    const response = await server.handle(
      legacyPost(
        [
          call(1, 'echo', { text: 'a' }),
          { jsonrpc: '2.0', method: 'notifications/x' },
          call(2, 'echo', { text: 'b' }),
        ],
        { id, version: '2025-03-26' },
      ),
    )
    expect(response.status).toBe(200)
    const body = (await response.json()) as Json[]
    expect(body.map((item) => item.id).sort()).toEqual([1, 2])
  })

  test('a batch of notifications only gets 202', async () => {
    ;({ server } = testServer())
    const id = await openSession(server.handle, { version: '2025-03-26' })
    const response = await server.handle(
      legacyPost([{ jsonrpc: '2.0', method: 'notifications/x' }], { id, version: '2025-03-26' }),
    )
    expect(response.status).toBe(202)
  })

  test('later revisions refuse batches with 400 -32600', async () => {
    ;({ server } = testServer())
    const id = await openSession(server.handle, { version: '2025-06-18' })
    const response = await server.handle(
      legacyPost([call(1, 'echo', { text: 'a' })], { id, version: '2025-06-18' }),
    )
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe(-32600)
  })

  test('a batch with progress upgrades to SSE and carries every response', async () => {
    ;({ server } = testServer())
    const id = await openSession(server.handle, { version: '2025-03-26' })
    const progress = {
      ...call(1, 'progress'),
      params: { name: 'progress', arguments: {}, _meta: { progressToken: 'p' } },
    }
    const response = await server.handle(
      legacyPost([progress, call(2, 'echo', { text: 'b' })], { id, version: '2025-03-26' }),
    )
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const messages = (await new SseReader(response).rest())
      .filter((e) => e.data !== '')
      .map((e) => JSON.parse(e.data))
    const responses = messages
      .filter((m) => 'result' in m)
      .map((m) => m.id)
      .sort()
    expect(responses).toEqual([1, 2])
  })
})

describe('legacy cancellation', () => {
  test('notifications/cancelled aborts the matching request; no response is sent for it', async () => {
    const created = testServer()
    server = created.server
    const id = await openSession(server.handle)
    const pending = server.handle(legacyPost(call(5, 'wait'), { id, version: V }))
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(server.stats.inFlight).toBe(1)
    const cancel = await server.handle(
      legacyPost(
        { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 5 } },
        { id, version: V },
      ),
    )
    expect(cancel.status).toBe(202)
    const response = await pending
    expect(response.status).toBe(202)
    expect(await response.text()).toBe('')
    expect(created.probes.aborted).toHaveLength(1)
    expect(server.stats.inFlight).toBe(0)
    expect(server.stats.liveSessions).toBe(0)
  })

  test('a dropped connection is not a cancellation in the legacy era', async () => {
    const created = testServer()
    server = created.server
    const id = await openSession(server.handle)
    const controller = new AbortController()
    const request = new Request(ENDPOINT, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': id,
        'mcp-protocol-version': V,
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 6,
        method: 'tools/call',
        params: { name: 'gate', arguments: {}, _meta: { progressToken: 1 } },
      }),
    })
    const response = await server.handle(request)
    controller.abort()
    const reader = new SseReader(response)
    await reader.next()
    await reader.cancel()
    expect(server.stats.inFlight).toBe(1)
    created.probes.release()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(server.stats.inFlight).toBe(0)
  })
})
