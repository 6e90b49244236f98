import { afterEach, describe, expect, test } from 'vitest'
import type { McpServer } from '../../../src/server/http/create-server.ts'
import {
  delay,
  ENDPOINT,
  type Json,
  legacyPost,
  openSession,
  SseReader,
  testServer,
} from '../http/harness.ts'

const V = '2025-11-25'
let server: McpServer

afterEach(async () => {
  await server?.close({ deadlineMs: 0 })
})

function get(sessionId: string | undefined, headers: Record<string, string> = {}) {
  const all: Record<string, string> = {
    accept: 'text/event-stream',
    'mcp-protocol-version': V,
    ...headers,
  }
  if (sessionId !== undefined) all['mcp-session-id'] = sessionId
  return new Request(ENDPOINT, { method: 'GET', headers: all })
}

describe('the legacy GET stream (SPEC §4.3)', () => {
  test('carries list changes and updates of subscribed resources, primed first', async () => {
    ;({ server } = testServer())
    const session = await openSession(server.handle)
    await server.handle(
      legacyPost(
        { jsonrpc: '2.0', id: 1, method: 'resources/subscribe', params: { uri: 'test://watched' } },
        { id: session, version: V },
      ),
    )
    const response = await server.handle(get(session))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const reader = new SseReader(response)
    expect(await reader.next()).toMatchObject({ data: '', retry: 1000 })
    server.tool('new_tool', () => 'x')
    expect(await reader.nextMessage()).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/tools/list_changed',
    })
    server.resourceUpdated('test://other')
    server.resourceUpdated('test://watched')
    expect(await reader.nextMessage()).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: 'test://watched' },
    })
    await reader.cancel()
  })

  test('carries server.log messages at the level each session set', async () => {
    ;({ server } = testServer())
    const quiet = await openSession(server.handle)
    const chatty = await openSession(server.handle)
    const setLevel = await server.handle(
      legacyPost(
        { jsonrpc: '2.0', id: 1, method: 'logging/setLevel', params: { level: 'warning' } },
        { id: quiet, version: V },
      ),
    )
    expect(setLevel.status).toBe(200)
    const quietReader = new SseReader(await server.handle(get(quiet)))
    const chattyReader = new SseReader(await server.handle(get(chatty)))
    await quietReader.next()
    await chattyReader.next()
    server.log('info', 'routine')
    server.log('error', { failed: 'backup' }, { logger: 'jobs' })
    const message = (level: string, data: unknown, logger?: string) => ({
      jsonrpc: '2.0',
      method: 'notifications/message',
      params: logger === undefined ? { level, data } : { level, data, logger },
    })
    // The session that asked for warnings skips `info`; the one that set no level gets both.
    expect(await quietReader.nextMessage()).toEqual(message('error', { failed: 'backup' }, 'jobs'))
    expect(await chattyReader.nextMessage()).toEqual(message('info', 'routine'))
    expect(await chattyReader.nextMessage()).toEqual(message('error', { failed: 'backup' }, 'jobs'))
    await quietReader.cancel()
    await chattyReader.cancel()
  })

  test('a second GET stream in the same session gets 409 until the first closes', async () => {
    ;({ server } = testServer())
    const session = await openSession(server.handle)
    const first = new SseReader(await server.handle(get(session)))
    await first.next()
    const second = await server.handle(get(session))
    expect(second.status).toBe(409)
    await first.cancel()
    await delay(0)
    const third = await server.handle(get(session))
    expect(third.status).toBe(200)
    await new SseReader(third).cancel()
  })

  test('GET needs Accept: text/event-stream, a session id and a live session', async () => {
    ;({ server } = testServer())
    const session = await openSession(server.handle)
    expect((await server.handle(get(session, { accept: 'application/json' }))).status).toBe(406)
    expect((await server.handle(get(undefined))).status).toBe(400)
    expect((await server.handle(get('unknown'))).status).toBe(404)
  })

  test('a GET stream resumed with Last-Event-ID replays what it missed', async () => {
    ;({ server } = testServer())
    const session = await openSession(server.handle)
    const reader = new SseReader(await server.handle(get(session)))
    const priming = await reader.next()
    await reader.cancel()
    await delay(0)
    // Sent while no GET connection is open: not delivered, since the stream was closed.
    server.tool('while_away', () => 'x')
    await delay(0)
    const resumed = new SseReader(
      await server.handle(get(session, { 'last-event-id': priming?.id ?? '' })),
    )
    server.tool('after_resume', () => 'x')
    expect(await resumed.nextMessage()).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/tools/list_changed',
    })
    await resumed.cancel()
  })

  test('the server drops every live object of the session when the stream closes', async () => {
    ;({ server } = testServer())
    const session = await openSession(server.handle)
    const reader = new SseReader(await server.handle(get(session)))
    await reader.next()
    expect(server.stats.liveSessions).toBe(1)
    await reader.cancel()
    await delay(0)
    expect(server.stats.liveSessions).toBe(0)
    expect(server.stats.openStreams).toBe(0)
  })
})

describe('session expiry', () => {
  test('an idle session expires: its GET stream ends and its id gets 404', async () => {
    ;({ server } = testServer({
      session: { idleTimeoutMs: 60, cleanupIntervalMs: 20 },
      config: { keepAliveIntervalMs: 0 },
    }))
    const session = await openSession(server.handle)
    const reader = new SseReader(await server.handle(get(session)))
    await reader.next()
    expect(await reader.next()).toBeUndefined()
    expect(server.stats.liveSessions).toBe(0)
    expect((await server.handle(get(session))).status).toBe(404)
  })

  test('keep-alives on an open GET stream keep the session in use', async () => {
    ;({ server } = testServer({
      session: { idleTimeoutMs: 60, cleanupIntervalMs: 20 },
      config: { keepAliveIntervalMs: 15 },
    }))
    const session = await openSession(server.handle)
    const reader = new SseReader(await server.handle(get(session)))
    await reader.next()
    await delay(200)
    expect(server.sessions.peek(session)).toBeDefined()
    await reader.cancel()
  })
})

describe('server→client requests (legacy)', () => {
  test('an elicitation goes out on the request stream and the POSTed response completes it', async () => {
    ;({ server } = testServer())
    const session = await openSession(server.handle, { capabilities: { elicitation: {} } })
    const response = await server.handle(
      legacyPost(
        { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'ask', arguments: {} } },
        { id: session, version: V },
      ),
    )
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const reader = new SseReader(response)
    const request = await reader.nextMessage()
    expect(request).toMatchObject({ method: 'elicitation/create', params: { message: 'Name?' } })
    const answer = await server.handle(
      legacyPost(
        { jsonrpc: '2.0', id: request?.id, result: { action: 'accept', content: { name: 'Ada' } } },
        { id: session, version: V },
      ),
    )
    expect(answer.status).toBe(202)
    const result = await reader.nextMessage()
    expect(result).toMatchObject({ id: 1 })
    expect(JSON.stringify(result)).toContain('Ada')
    expect(await reader.next()).toBeUndefined()
  })

  test('an error response from the client rejects the server request', async () => {
    ;({ server } = testServer())
    const session = await openSession(server.handle, { capabilities: { elicitation: {} } })
    const reader = new SseReader(
      await server.handle(
        legacyPost(
          { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'ask', arguments: {} } },
          { id: session, version: V },
        ),
      ),
    )
    const request = await reader.nextMessage()
    await server.handle(
      legacyPost(
        { jsonrpc: '2.0', id: request?.id, error: { code: -1, message: 'user said no' } },
        { id: session, version: V },
      ),
    )
    const result = (await reader.nextMessage()) as Json
    expect(result.id).toBe(2)
    expect(JSON.stringify(result)).toContain('user said no')
  })

  test('DELETE fails waiting server→client requests and ends the session streams', async () => {
    ;({ server } = testServer())
    const session = await openSession(server.handle, { capabilities: { elicitation: {} } })
    const reader = new SseReader(
      await server.handle(
        legacyPost(
          { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'ask', arguments: {} } },
          { id: session, version: V },
        ),
      ),
    )
    await reader.nextMessage()
    const deleted = await server.handle(
      new Request(ENDPOINT, { method: 'DELETE', headers: { 'mcp-session-id': session } }),
    )
    expect(deleted.status).toBe(204)
    await reader.rest()
    await delay(0)
    expect(server.stats.inFlight).toBe(0)
    expect(server.stats.liveSessions).toBe(0)
  })
})
