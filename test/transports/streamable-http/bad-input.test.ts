// Servers that misbehave: every case ends in a typed error within the caller's time limit, nothing
// hangs, and no promise is left rejected without a handler.
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { ErrorCode } from '../../../src/core/errors/codes.ts'
import { isHttpError, isTimeoutError, isTransportError } from '../../../src/core/errors/guards.ts'
import { createStreamableHttpTransport } from '../../../src/transports/streamable-http/client-transport.ts'
import type { TransportEvent } from '../../../src/transports/streamable-http/transport-events.ts'
import {
  guardUnhandledRejections,
  type LoopbackServer,
  sseEvent,
  startLoopbackServer,
  startSse,
} from '../support/loopback-server.ts'

const servers: LoopbackServer[] = []
let guard: ReturnType<typeof guardUnhandledRejections>
beforeEach(() => {
  guard = guardUnhandledRejections()
})
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
  // Let any stray rejection surface before checking.
  await new Promise((resolve) => setTimeout(resolve, 20))
  guard.stop()
  expect(guard.seen).toEqual([])
})

async function serve(handler: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler)
  servers.push(server)
  return server
}

const request = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x' } }

/** Posts and reads every message; resolves with the error it failed with. */
async function failureOf(
  server: LoopbackServer,
  options: { signal?: AbortSignal; resumable?: boolean } = {},
) {
  const events: TransportEvent[] = []
  const transport = createStreamableHttpTransport({
    url: server.url,
    onEvent: (event) => events.push(event),
    reconnect: { initialDelayMs: 5, maxDelayMs: 10, maxRetries: 1 },
  })
  try {
    const answer = await transport.post(request, options)
    for await (const _ of answer.messages) {
      // drain
    }
    return { error: undefined, events }
  } catch (error) {
    return { error, events }
  }
}

const code = (error: unknown) => (error as { code?: unknown }).code

describe('bad input from the server', () => {
  test('garbage SSE: nothing parses, the stream ends, the request fails CONNECTION_CLOSED', async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.end('<html><body>\u0000\u0001 not sse at all\nfoo bar\n\n\n')
    })
    const { error } = await failureOf(server)
    expect(isTransportError(error)).toBe(true)
    expect(code(error)).toBe(ErrorCode.ConnectionClosed)
    // and when resumable: with no event id there is nothing to resume from
    const resumable = await failureOf(server, { resumable: true })
    expect(code(resumable.error)).toBe(ErrorCode.ConnectionClosed)
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST'])
  })

  test('invalid JSON in a data field fails the request and is reported', async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.write(sseEvent({ id: '1', data: '{"jsonrpc":"2.0","id":1,"result":' }))
    })
    const { error, events } = await failureOf(server)
    expect(isTransportError(error)).toBe(true)
    expect((error as Error).message).toMatch(/not JSON/)
    expect(events).toContainEqual({
      type: 'message:invalid',
      stream: 'post',
      data: '{"jsonrpc":"2.0","id":1,"result":',
    })
    await server.requests[0]?.closed
  })

  test('invalid JSON in a JSON body fails typed', async () => {
    const server = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"jsonrpc":')
    })
    const { error } = await failureOf(server)
    expect(isTransportError(error)).toBe(true)
  })

  test('the wrong content type is refused and its body released', async () => {
    const server = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<html>')
      // never ends: the client must cancel the body itself
    })
    const { error } = await failureOf(server)
    expect(isTransportError(error)).toBe(true)
    expect((error as Error).message).toMatch(/text\/html/)
    await server.requests[0]?.closed
  })

  test("a stream that never ends is ended by the caller's timeout", async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.write(sseEvent({ id: '1', data: '' }))
      const keepAlive = setInterval(() => res.write(': ping\n\n'), 20)
      res.on('close', () => clearInterval(keepAlive))
    })
    const { error } = await failureOf(server, { signal: AbortSignal.timeout(150) })
    expect(isTimeoutError(error)).toBe(true)
    await server.requests[0]?.closed
  })

  test('a server that never answers at all is ended by the timeout too', async () => {
    const server = await serve(() => {
      // no answer
    })
    const { error } = await failureOf(server, { signal: AbortSignal.timeout(100) })
    expect(isTimeoutError(error)).toBe(true)
  })

  test('a 500 with HTML is an HttpError holding the text', async () => {
    const server = await serve((_, res) => {
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<html><h1>Internal Server Error</h1></html>')
    })
    const { error } = await failureOf(server)
    expect(isHttpError(error)).toBe(true)
    expect(error).toMatchObject({
      status: 500,
      body: '<html><h1>Internal Server Error</h1></html>',
    })
  })

  test('a 500 whose body never ends still fails promptly (the body read is capped)', async () => {
    const server = await serve((_, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      const chunk = 'x'.repeat(16 * 1024)
      const flood = setInterval(() => res.write(chunk), 1)
      res.on('close', () => clearInterval(flood))
    })
    const { error } = await failureOf(server, { signal: AbortSignal.timeout(5000) })
    expect(isHttpError(error)).toBe(true)
    await server.requests[0]?.closed
  })

  test("a redirect loop hits fetch's own limit and becomes a TransportError", async () => {
    const server = await serve((_, res) => {
      res.writeHead(307, { location: '/mcp' })
      res.end()
    })
    const { error } = await failureOf(server)
    expect(isTransportError(error)).toBe(true)
    expect((error as Error).message).toMatch(/redirect/i)
  })

  test('a connection dropped mid-stream fails typed (and is not resumed without an id)', async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.write(
        sseEvent({ data: { jsonrpc: '2.0', method: 'notifications/progress', params: {} } }),
      )
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const { error } = await failureOf(server, { resumable: true })
    expect(isTransportError(error)).toBe(true)
    expect(isTransportError((error as Error).cause)).toBe(true) // the network failure itself
  })

  test('a JSON body dropped halfway fails typed', async () => {
    const server = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"jsonrpc":"2.0",')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const { error } = await failureOf(server)
    expect(isTransportError(error)).toBe(true)
  })

  test('responses to unknown ids are handed on; the stream ends at our own', async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.write(sseEvent({ data: { jsonrpc: '2.0', id: 'stranger', result: {} } }))
      res.write(sseEvent({ data: { jsonrpc: '2.0', id: 1, result: { ok: true } } }))
    })
    const transport = createStreamableHttpTransport({ url: server.url })
    const answer = await transport.post(request)
    const seen: unknown[] = []
    for await (const message of answer.messages) seen.push(message)
    expect(seen).toEqual([
      { jsonrpc: '2.0', id: 'stranger', result: {} },
      { jsonrpc: '2.0', id: 1, result: { ok: true } },
    ])
  })
})
