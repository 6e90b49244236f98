import { describe, expect, test } from 'vitest'
import { ConfigError } from '../../../src/core/errors/config-error.ts'
import { createServer } from '../../../src/server/http/create-server.ts'
import { InMemoryNotificationBus } from '../../../src/server/modern/bus.ts'
import { FakeEnvironment } from './fake-environment.ts'
import {
  delay,
  ENDPOINT,
  type Json,
  legacyPost,
  modernRequest,
  openSession,
  SseReader,
  testServer,
} from './harness.ts'

const V = '2025-11-25'

function gateCall(id: number) {
  return {
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name: 'gate', arguments: {}, _meta: { progressToken: id } },
  }
}

describe('close()', () => {
  test('ends streams, aborts requests at the deadline and leaves no timer, stream or listener', async () => {
    const environment = new FakeEnvironment()
    const bus = new InMemoryNotificationBus()
    const { server, probes } = testServer({ environment, bus, config: { keepAliveIntervalMs: 50 } })
    const session = await openSession(server.handle, { capabilities: { elicitation: {} } })

    const asking = new SseReader(
      await server.handle(
        legacyPost(
          { jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'ask', arguments: {} } },
          { id: session, version: V },
        ),
      ),
    )
    expect((await asking.nextMessage())?.method).toBe('elicitation/create')
    const jsonPending = server.handle(
      modernRequest('tools/call', { name: 'wait', arguments: {} }, { id: 1 }),
    )
    const legacySse = new SseReader(
      await server.handle(legacyPost(gateCall(2), { id: session, version: V })),
    )
    await legacySse.next()
    const listen = new SseReader(
      await server.handle(
        modernRequest(
          'subscriptions/listen',
          { notifications: { toolsListChanged: true } },
          { id: 3 },
        ),
      ),
    )
    await listen.nextMessage()
    const get = new SseReader(
      await server.handle(
        new Request(ENDPOINT, {
          headers: {
            accept: 'text/event-stream',
            'mcp-session-id': session,
            'mcp-protocol-version': V,
          },
        }),
      ),
    )
    await get.next()
    expect(server.stats).toMatchObject({ inFlight: 3, openStreams: 4 })
    expect(bus.size).toBe(1)

    const closing = server.close({ deadlineMs: 1000 })
    expect(await listen.nextMessage()).toMatchObject({ id: 3, result: { resultType: 'complete' } })
    expect(await listen.next()).toBeUndefined()
    expect(await get.next()).toMatchObject({ retry: 1000 })
    expect(await get.next()).toBeUndefined()
    const refused = await server.handle(modernRequest('tools/list', {}, { id: 4 }))
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('1')

    await delay(5)
    expect(server.stats.inFlight).toBe(3)
    environment.advance(1000)
    const aborted = await jsonPending
    expect(aborted.status).toBe(503)
    expect(((await aborted.json()) as Json).error.message).toMatch(/shutting down/)
    const last = (await legacySse.rest())
      .filter((e) => e.data !== '')
      .map((e) => JSON.parse(e.data))
    expect(last.at(-1)).toMatchObject({ id: 2, error: { code: -32603 } })
    const asked = (await asking.rest()).filter((e) => e.data !== '').map((e) => JSON.parse(e.data))
    expect(asked.map((m) => m.method ?? m.id)).toEqual(['notifications/cancelled', 9])
    await closing

    expect(probes.aborted).toHaveLength(1)
    expect(server.stats).toEqual({
      inFlight: 0,
      openStreams: 0,
      slotsInUse: 0,
      liveSessions: 0,
      sessions: 0,
    })
    expect(environment.pending).toBe(0)
    expect(bus.size).toBe(0)
    probes.release()
  })

  test('waits for in-flight requests that finish before the deadline', async () => {
    const environment = new FakeEnvironment()
    const { server, probes } = testServer({ environment })
    const session = await openSession(server.handle)
    const reader = new SseReader(
      await server.handle(legacyPost(gateCall(7), { id: session, version: V })),
    )
    await reader.next()
    let closed = false
    const closing = server.close().then(() => {
      closed = true
    })
    await delay(5)
    expect(closed).toBe(false)
    probes.release()
    const messages = (await reader.rest())
      .filter((e) => e.data !== '')
      .map((e) => JSON.parse(e.data))
    expect(messages.at(-1)).toMatchObject({ id: 7, result: { content: [{ text: 'released' }] } })
    await closing
    expect(environment.pending).toBe(0)
  })

  test('an aborted signal option closes the server', async () => {
    const controller = new AbortController()
    const environment = new FakeEnvironment()
    const { server } = testServer({ environment, signal: controller.signal })
    expect((await server.handle(modernRequest('tools/list'))).status).toBe(200)
    controller.abort()
    await delay(5)
    expect((await server.handle(modernRequest('tools/list'))).status).toBe(503)
    await server.close()
    expect(environment.pending).toBe(0)
  })

  test('close() is idempotent', async () => {
    const { server } = testServer({ environment: new FakeEnvironment() })
    const first = server.close()
    expect(server.close()).toBeInstanceOf(Promise)
    await first
    await server.close()
  })
})

describe('request timeouts (requestTimeoutMs)', () => {
  test('a request past its deadline is aborted and answered with an error', async () => {
    const environment = new FakeEnvironment()
    const { server, probes } = testServer({ environment, config: { requestTimeoutMs: 100 } })
    const pending = server.handle(
      modernRequest('tools/call', { name: 'wait', arguments: {} }, { id: 'slow' }),
    )
    await delay(5)
    environment.advance(99)
    expect(server.stats.inFlight).toBe(1)
    environment.advance(1)
    const response = await pending
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      id: 'slow',
      error: { code: -32603, message: 'Request timed out' },
    })
    expect(probes.aborted).toHaveLength(1)
    expect(server.stats.inFlight).toBe(0)
    await server.close()
    expect(environment.pending).toBe(0)
  })
})

describe('createServer options', () => {
  test('bad settings fail at creation, naming the option', () => {
    expect(() => createServer({ name: 'x', version: '1', config: { maxClients: 0 } })).toThrow(
      ConfigError,
    )
    expect(() => createServer({ name: 'x', version: '1', endpoint: 'mcp' })).toThrow(/endpoint/)
    expect(() => createServer({ name: 'x', version: '1', legacySsePath: '/mcp' })).toThrow(
      /must differ/,
    )
    expect(() =>
      createServer({ name: 'x', version: '1', config: { legacySse: true, legacy: false } }),
    ).toThrow(ConfigError)
  })

  test('an injected session manager and bus stay the caller’s', async () => {
    const { SessionManager } = await import('../../../src/sessions/session-manager.ts')
    const environment = new FakeEnvironment()
    const sessions = new SessionManager({ environment })
    const bus = new InMemoryNotificationBus()
    const { server } = testServer({ environment, sessionManager: sessions, bus })
    expect(server.sessions).toBe(sessions)
    const id = await openSession(server.handle)
    await server.close()
    expect(sessions.peek(id)).toBeDefined()
    await sessions.close()
    expect(environment.pending).toBe(0)
  })
})
