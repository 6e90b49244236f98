// Legacy resumption (SPEC §4.2, §4.4) end to end against a real node:http server: the POST's SSE
// stream closes after the priming event with `retry: 500`, and the rest is served on GET with
// `Last-Event-ID`. The wait is asserted on the injected clock, not on wall-clock time.
import { afterEach, describe, expect, test } from 'vitest'
import { ErrorCode } from '../../../src/core/errors/codes.ts'
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

const call = { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'test_reconnection' } }
const progress = { jsonrpc: '2.0', method: 'notifications/progress', params: { progress: 1 } }
const answer = { jsonrpc: '2.0', id: 7, result: { content: [] } }
const legacyHeaders = {
  'mcp-session-id': 'session-1',
  'mcp-protocol-version': '2025-11-25',
  'mcp-method': 'tools/call', // a modern-only header: must not reach the GET
}

async function collect(messages: AsyncIterable<unknown>, into: unknown[]): Promise<void> {
  for await (const message of messages) into.push(message)
}

describe('POST SSE resumption with GET + Last-Event-ID', () => {
  test("waits exactly the server's retry, resumes from the last id, and stops at the response", async () => {
    const server = await startLoopbackServer((req, res) => {
      startSse(res)
      if (req.method === 'POST') {
        res.write(sseEvent({ id: 'post-1', retry: 500, data: '' }))
        res.end(sseEvent({ id: 'post-2', data: progress }))
        return
      }
      // Like the conformance `sse-retry` server: a priming event, the answer, and the stream stays open.
      res.write(sseEvent({ id: 'get-1', retry: 500, data: '' }))
      res.write(sseEvent({ id: 'get-2', data: answer }))
    })
    servers.push(server)
    const environment = new ManualEnvironment()
    const events: TransportEvent[] = []
    const transport = createStreamableHttpTransport({
      url: server.url,
      environment,
      random: () => 0,
      onEvent: (event) => events.push(event),
    })
    const result = await transport.post(call, { headers: legacyHeaders, resumable: true })
    const received: unknown[] = []
    const reading = collect(result.messages, received)

    const timer = await environment.waitForTimer((t) => t.delayMs === 500)
    expect(timer.delayMs).toBe(500)
    expect(received).toEqual([progress])
    environment.advance(499)
    expect(environment.pending).toContain(timer) // not due yet: no GET may have been sent
    expect(server.requests.map((r) => r.method)).toEqual(['POST'])
    environment.advance(1)

    await reading
    expect(received).toEqual([progress, answer])
    const get = server.requests[1]
    expect(get?.method).toBe('GET')
    expect(get?.headers).toMatchObject({
      accept: 'text/event-stream',
      'last-event-id': 'post-2',
      'mcp-session-id': 'session-1',
      'mcp-protocol-version': '2025-11-25',
    })
    expect(get?.headers['mcp-method']).toBeUndefined()
    expect(get?.headers['content-type']).toBeUndefined()
    await get?.closed // the open GET stream was closed once the answer arrived
    expect(events.map((e) => e.type)).toEqual([
      'stream:opened',
      'reconnect:scheduled',
      'reconnect:resumed',
      'stream:closed',
    ])
    expect(events[1]).toMatchObject({
      reason: 'server-closed',
      attempt: 1,
      delayMs: 500,
      lastEventId: 'post-2',
    })
  })

  test('a resumed stream that drops again resumes again from the newer id', async () => {
    let gets = 0
    const server = await startLoopbackServer((req, res) => {
      startSse(res)
      if (req.method === 'POST') {
        res.end(sseEvent({ id: 'e1', retry: 100, data: '' }))
        return
      }
      gets += 1
      if (gets === 1) res.end(sseEvent({ id: 'e2', data: progress }))
      else res.end(sseEvent({ id: 'e3', data: answer }))
    })
    servers.push(server)
    const environment = new ManualEnvironment()
    const transport = createStreamableHttpTransport({ url: server.url, environment })
    const result = await transport.post(call, { headers: legacyHeaders, resumable: true })
    const received: unknown[] = []
    const reading = collect(result.messages, received)
    for (let i = 0; i < 2; i += 1) {
      await environment.waitForTimer((t) => t.delayMs === 100)
      environment.advance(100)
    }
    await reading
    expect(received).toEqual([progress, answer])
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, 'e1', 'e2'])
  })

  test('resumption is bounded: exhaustion is a typed error and an event', async () => {
    const server = await startLoopbackServer((req, res) => {
      startSse(res)
      res.end(sseEvent({ id: `${req.method}-${Date.now()}`, retry: 50, data: '' }))
    })
    servers.push(server)
    const environment = new ManualEnvironment()
    const events: TransportEvent[] = []
    const transport = createStreamableHttpTransport({
      url: server.url,
      environment,
      reconnect: { maxRetries: 2, initialDelayMs: 10, maxDelayMs: 40 },
      onEvent: (event) => events.push(event),
    })
    const result = await transport.post(call, { headers: legacyHeaders, resumable: true })
    const failure = collect(result.messages, []).catch((e: unknown) => e)
    for (let i = 0; i < 2; i += 1) {
      const timer = await environment.waitForTimer((t) => t.delayMs >= 50)
      environment.advance(timer.delayMs)
    }
    const error = await failure
    expect(isTransportError(error)).toBe(true)
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET'])
    const exhausted = events.find((e) => e.type === 'reconnect:exhausted')
    expect(exhausted).toMatchObject({ stream: 'post', attempts: 2, error })
  })

  test('without an event id there is nothing to resume from', async () => {
    const server = await startLoopbackServer((_, res) => {
      startSse(res)
      res.end(sseEvent({ retry: 10, data: progress }))
    })
    servers.push(server)
    const transport = createStreamableHttpTransport({ url: server.url })
    const result = await transport.post(call, { headers: legacyHeaders, resumable: true })
    const received: unknown[] = []
    const error = await collect(result.messages, received).catch((e: unknown) => e)
    expect(received).toEqual([progress])
    expect(isTransportError(error)).toBe(true)
    expect((error as { code: string }).code).toBe(ErrorCode.ConnectionClosed)
    expect(server.requests).toHaveLength(1)
  })

  test('a 404 on the resumption GET (session gone) surfaces as an HttpError', async () => {
    const server = await startLoopbackServer((req, res) => {
      if (req.method === 'GET') {
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end('{"jsonrpc":"2.0","error":{"code":-32001,"message":"Session not found"}}')
        return
      }
      startSse(res)
      res.end(sseEvent({ id: 'p', retry: 0, data: '' }))
    })
    servers.push(server)
    const transport = createStreamableHttpTransport({ url: server.url })
    const result = await transport.post(call, { headers: legacyHeaders, resumable: true })
    const error = await collect(result.messages, []).catch((e: unknown) => e)
    expect(isHttpError(error)).toBe(true)
    expect(error).toMatchObject({ status: 404, method: 'GET', body: { error: { code: -32001 } } })
  })
})
