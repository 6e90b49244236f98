// The legacy GET stream for server-initiated messages (SPEC §4.3): reconnection with Last-Event-ID,
// the server's retry, bounded attempts, and the statuses that stop it.
import { afterEach, describe, expect, test } from 'vitest'
import { isHttpError, isTransportError } from '../../../src/core/errors/guards.ts'
import { createStreamableHttpTransport } from '../../../src/transports/streamable-http/client-transport.ts'
import type { TransportEvent } from '../../../src/transports/streamable-http/transport-events.ts'
import {
  type LoopbackServer,
  sseEvent,
  startLoopbackServer,
  startSse,
} from '../support/loopback-server.ts'
import { ManualEnvironment } from '../support/manual-environment.ts'

const servers: LoopbackServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

async function serve(handler: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler)
  servers.push(server)
  return server
}

const note = (n: number) => ({ jsonrpc: '2.0', method: 'notifications/message', params: { n } })
const headers = { 'mcp-session-id': 's1', 'mcp-protocol-version': '2025-11-25' }

function setup(url: string, options: { maxRetries?: number } = {}) {
  const environment = new ManualEnvironment()
  const events: TransportEvent[] = []
  const transport = createStreamableHttpTransport({
    url,
    environment,
    random: () => 1,
    reconnect: { initialDelayMs: 100, maxDelayMs: 1000, maxRetries: options.maxRetries ?? 3 },
    onEvent: (event) => events.push(event),
  })
  return { environment, events, transport }
}

describe('openGetStream', () => {
  test('delivers messages, reconnects after a graceful close with Last-Event-ID and retry', async () => {
    let connection = 0
    const server = await serve((_, res) => {
      connection += 1
      startSse(res)
      if (connection === 1) {
        res.write(sseEvent({ id: 'g1', retry: 250, data: '' }))
        res.end(sseEvent({ id: 'g2', data: note(1) }))
      } else {
        res.write(sseEvent({ id: 'g3', data: note(2) }))
      }
    })
    const { environment, events, transport } = setup(server.url)
    const controller = new AbortController()
    const received: unknown[] = []
    const running = transport.openGetStream({
      headers,
      signal: controller.signal,
      onMessage: (message) => {
        received.push(message)
        if (received.length === 2) controller.abort()
      },
    })
    const timer = await environment.waitForTimer()
    expect(timer.delayMs).toBe(250)
    environment.advance(250)
    await expect(running).resolves.toBeUndefined()
    expect(received).toEqual([note(1), note(2)])
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, 'g2'])
    expect(server.requests[0]?.headers).toMatchObject({ accept: 'text/event-stream', ...headers })
    expect(events.map((e) => e.type)).toEqual([
      'stream:opened',
      'reconnect:scheduled',
      'reconnect:resumed',
      'stream:closed',
    ])
    await server.requests[1]?.closed
  })

  test('405: the server offers no GET stream, so it ends quietly', async () => {
    const server = await serve((_, res) => {
      res.writeHead(405)
      res.end()
    })
    const { events, transport } = setup(server.url)
    const signal = new AbortController().signal
    await expect(
      transport.openGetStream({ headers, signal, onMessage: () => {} }),
    ).resolves.toBeUndefined()
    expect(server.requests).toHaveLength(1)
    expect(events).toEqual([{ type: 'stream:closed', stream: 'get', state: 'closed' }])
  })

  test('404: the session is gone, surfaced as an HttpError', async () => {
    const server = await serve((_, res) => {
      res.writeHead(404)
      res.end('Session not found')
    })
    const { events, transport } = setup(server.url)
    const signal = new AbortController().signal
    const error = await transport
      .openGetStream({ headers, signal, onMessage: () => {} })
      .catch((e: unknown) => e)
    expect(isHttpError(error)).toBe(true)
    expect(error).toMatchObject({ status: 404, body: 'Session not found' })
    expect(events.at(-1)).toMatchObject({ type: 'stream:closed', state: 'rejected' })
  })

  test('401 stops at once as auth-failed', async () => {
    const server = await serve((_, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' })
      res.end()
    })
    const { events, transport } = setup(server.url)
    const signal = new AbortController().signal
    const error = await transport
      .openGetStream({ headers, signal, onMessage: () => {} })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    })
    expect(events.at(-1)).toMatchObject({ type: 'stream:closed', state: 'auth-failed' })
    expect(server.requests).toHaveLength(1)
  })

  test('a server that accepts and closes at once cannot keep it reconnecting forever', async () => {
    let n = 0
    const server = await serve((_, res) => {
      startSse(res)
      n += 1
      res.end(sseEvent({ id: `prime-${n}`, data: '' })) // priming only, no message, graceful close
    })
    const { environment, events, transport } = setup(server.url, { maxRetries: 3 })
    const signal = new AbortController().signal
    const failure = transport
      .openGetStream({ headers, signal, onMessage: () => {} })
      .catch((e: unknown) => e)
    const delays: number[] = []
    for (let i = 0; i < 3; i += 1) {
      const timer = await environment.waitForTimer()
      delays.push(timer.delayMs)
      environment.advance(timer.delayMs)
    }
    const error = await failure
    expect(isTransportError(error)).toBe(true)
    expect(delays).toEqual([100, 200, 400]) // bounded exponential backoff (random = 1)
    expect(server.requests).toHaveLength(4)
    expect(events.filter((e) => e.type === 'reconnect:exhausted')).toEqual([
      { type: 'reconnect:exhausted', stream: 'get', attempts: 3, error },
    ])
  })

  test('messages refill the budget, so a polling server keeps working', async () => {
    let n = 0
    const server = await serve((_, res) => {
      n += 1
      startSse(res)
      res.end(sseEvent({ id: `m${n}`, data: note(n) }))
    })
    const { environment, transport } = setup(server.url, { maxRetries: 1 })
    const controller = new AbortController()
    const received: unknown[] = []
    const running = transport.openGetStream({
      headers,
      signal: controller.signal,
      onMessage: (message) => void received.push(message),
    })
    for (let i = 0; i < 5; i += 1) {
      const timer = await environment.waitForTimer()
      expect(timer.delayMs).toBe(100) // attempt counter reset by each message
      environment.advance(timer.delayMs)
    }
    await server.waitForRequests(6)
    controller.abort()
    await running
    expect(received.length).toBeGreaterThanOrEqual(5)
    expect(server.requests.at(-1)?.headers['last-event-id']).toBe('m5')
  })

  test('network failures back off and give up; the cause is kept', async () => {
    const server = await serve((_, res) => void res.end())
    await server.close() // nothing listens any more: connection refused
    const { environment, transport } = setup(server.url, { maxRetries: 2 })
    const signal = new AbortController().signal
    const failure = transport
      .openGetStream({ headers, signal, onMessage: () => {} })
      .catch((e: unknown) => e)
    for (let i = 0; i < 2; i += 1) {
      const timer = await environment.waitForTimer()
      environment.advance(timer.delayMs)
    }
    const error = (await failure) as Error
    expect(isTransportError(error)).toBe(true)
    expect(isTransportError(error.cause)).toBe(true)
  })

  test('5xx is retried; close() during the wait ends it quietly and clears the timer', async () => {
    const server = await serve((_, res) => {
      res.writeHead(503, { 'retry-after': '1' })
      res.end('busy')
    })
    const { environment, events, transport } = setup(server.url)
    const signal = new AbortController().signal
    const running = transport.openGetStream({ headers, signal, onMessage: () => {} })
    await environment.waitForTimer((t) => t.delayMs === 100)
    await transport.close()
    await expect(running).resolves.toBeUndefined()
    expect(environment.pending.filter((t) => t.delayMs === 100)).toEqual([])
    expect(events.at(-1)).toMatchObject({ type: 'stream:closed', state: 'closed' })
  })

  test('invalid JSON on the GET stream is reported and skipped', async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.write(sseEvent({ data: '{broken' }))
      res.write(sseEvent({ data: note(1) }))
    })
    const { events, transport } = setup(server.url)
    const controller = new AbortController()
    const received: unknown[] = []
    await transport.openGetStream({
      headers,
      signal: controller.signal,
      onMessage: (message) => {
        received.push(message)
        controller.abort()
      },
    })
    expect(received).toEqual([note(1)])
    expect(events).toContainEqual({ type: 'message:invalid', stream: 'get', data: '{broken' })
  })

  test('a throwing onMessage stops the stream and rejects with its error', async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.write(sseEvent({ data: note(1) }))
    })
    const { transport } = setup(server.url)
    const bug = new Error('handler bug')
    const signal = new AbortController().signal
    await expect(
      transport.openGetStream({
        headers,
        signal,
        onMessage: () => {
          throw bug
        },
      }),
    ).rejects.toBe(bug)
    await server.requests[0]?.closed
  })
})
