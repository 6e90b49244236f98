import { afterEach, describe, expect, test } from 'vitest'
import { ErrorCode } from '../../../src/core/errors/codes.ts'
import {
  isAbortError,
  isConfigError,
  isHttpError,
  isTransportError,
} from '../../../src/core/errors/guards.ts'
import type { HttpError } from '../../../src/core/errors/http-error.ts'
import { createStreamableHttpTransport } from '../../../src/transports/streamable-http/client-transport.ts'
import type { TransportEvent } from '../../../src/transports/streamable-http/transport-events.ts'
import {
  type LoopbackServer,
  sendJson,
  sseEvent,
  startLoopbackServer,
  startSse,
} from '../support/loopback-server.ts'

const servers: LoopbackServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

async function serve(handler: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler)
  servers.push(server)
  return server
}

async function all(messages: AsyncIterable<unknown>): Promise<unknown[]> {
  const seen: unknown[] = []
  for await (const message of messages) seen.push(message)
  return seen
}

const request = (id: number, method = 'tools/list') => ({ jsonrpc: '2.0', id, method, params: {} })
const result = (id: number, value: unknown = {}) => ({ jsonrpc: '2.0', id, result: value })

describe('post', () => {
  test('a JSON answer is one message; headers go out as given', async () => {
    const server = await serve((_, res) => {
      res.setHeader('mcp-session-id', 'session-1')
      sendJson(res, 200, result(1, { tools: [] }))
    })
    const transport = createStreamableHttpTransport({
      url: server.url,
      headers: () => ({ authorization: 'Bearer t0k3n' }),
    })
    const answer = await transport.post(request(1), {
      headers: { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' },
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('mcp-session-id')).toBe('session-1')
    expect(await all(answer.messages)).toEqual([result(1, { tools: [] })])
    const [seen] = server.requests
    expect(seen?.method).toBe('POST')
    expect(JSON.parse(seen?.body ?? '')).toEqual(request(1))
    expect(seen?.headers).toMatchObject({
      accept: 'application/json, text/event-stream',
      'content-type': 'application/json',
      authorization: 'Bearer t0k3n',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/list',
    })
  })

  test('a JSON array answer (2025-03-26 batch) yields each message', async () => {
    const server = await serve((_, res) => sendJson(res, 200, [result(1), result(2)]))
    const transport = createStreamableHttpTransport({ url: server.url })
    const answer = await transport.post([request(1), request(2)])
    expect(await all(answer.messages)).toEqual([result(1), result(2)])
  })

  test('202 yields nothing', async () => {
    const server = await serve((_, res) => {
      res.writeHead(202)
      res.end()
    })
    const transport = createStreamableHttpTransport({ url: server.url })
    const answer = await transport.post({ jsonrpc: '2.0', method: 'notifications/initialized' })
    expect(answer.status).toBe(202)
    expect(await all(answer.messages)).toEqual([])
  })

  test('SSE yields notifications then the response, and ends there even if the stream stays open', async () => {
    const server = await serve((_, res) => {
      startSse(res, { 'content-type': 'text/event-stream; charset=utf-8' })
      res.write(sseEvent({ id: 'a', data: '' }))
      res.write(
        sseEvent({
          data: { jsonrpc: '2.0', method: 'notifications/progress', params: { progress: 1 } },
        }),
      )
      res.write(sseEvent({ event: 'message', data: { jsonrpc: '2.0', id: 99, result: {} } }))
      res.write(sseEvent({ data: result(5) }))
      // never ends: the client must stop at the response and close the stream
    })
    const transport = createStreamableHttpTransport({ url: server.url })
    const answer = await transport.post(request(5))
    expect(await all(answer.messages)).toEqual([
      { jsonrpc: '2.0', method: 'notifications/progress', params: { progress: 1 } },
      { jsonrpc: '2.0', id: 99, result: {} },
      result(5),
    ])
    await server.requests[0]?.closed // the client closed the open stream
  })

  test('non-2xx is an HttpError with the parsed JSON body and useful headers, never a stream', async () => {
    const body = {
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32022, message: 'Unsupported', data: { supported: ['2026-07-28'] } },
    }
    const server = await serve((_, res) => {
      res.setHeader('www-authenticate', 'Bearer realm="mcp"')
      res.setHeader('retry-after', '3')
      res.setHeader('mcp-session-id', 's')
      res.setHeader('x-other', 'dropped')
      sendJson(res, 400, body)
    })
    const transport = createStreamableHttpTransport({ url: server.url })
    const error = (await transport.post(request(1)).catch((e: unknown) => e)) as HttpError
    expect(isHttpError(error)).toBe(true)
    expect(error).toMatchObject({ status: 400, method: 'POST', url: server.url, body })
    expect(error.headers).toEqual({
      'content-type': 'application/json',
      'www-authenticate': 'Bearer realm="mcp"',
      'retry-after': '3',
      'mcp-session-id': 's',
    })
  })

  test('an error body that is huge is capped, and not JSON stays text', async () => {
    const server = await serve((_, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('x'.repeat(200_000))
    })
    const transport = createStreamableHttpTransport({ url: server.url })
    const error = (await transport.post(request(1)).catch((e: unknown) => e)) as HttpError
    expect(error.status).toBe(404)
    expect(typeof error.body).toBe('string')
    expect((error.body as string).length).toBeLessThanOrEqual(4097)
  })

  test("aborting the POST's signal closes the response stream (modern cancellation)", async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.write(
        sseEvent({ data: { jsonrpc: '2.0', method: 'notifications/progress', params: {} } }),
      )
    })
    const transport = createStreamableHttpTransport({ url: server.url })
    const controller = new AbortController()
    const answer = await transport.post(request(1), { signal: controller.signal })
    const iterator = answer.messages[Symbol.asyncIterator]()
    expect((await iterator.next()).value).toMatchObject({ method: 'notifications/progress' })
    const pending = iterator.next()
    controller.abort()
    const error = await pending.catch((e: unknown) => e)
    expect(isAbortError(error)).toBe(true)
    await server.requests[0]?.closed
  })

  test('cancel() releases an answer nobody iterates', async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.write(': keep-alive\n\n')
    })
    const transport = createStreamableHttpTransport({ url: server.url })
    const answer = await transport.post(request(1))
    answer.cancel()
    await expect(all(answer.messages)).rejects.toSatisfy(isAbortError)
    await server.requests[0]?.closed
  })

  test('a modern stream that ends before the response fails CONNECTION_CLOSED without resuming', async () => {
    const events: TransportEvent[] = []
    const server = await serve((_, res) => {
      startSse(res)
      res.end(sseEvent({ id: 'x', retry: 10, data: '' }))
    })
    const transport = createStreamableHttpTransport({
      url: server.url,
      onEvent: (e) => events.push(e),
    })
    const answer = await transport.post(request(1))
    const error = await all(answer.messages).catch((e: unknown) => e)
    expect(isTransportError(error)).toBe(true)
    expect((error as { code: string }).code).toBe(ErrorCode.ConnectionClosed)
    expect(server.requests.map((r) => r.method)).toEqual(['POST'])
    expect(events.map((e) => e.type)).toEqual(['stream:opened', 'stream:closed'])
  })
})

describe('delete and close', () => {
  test('DELETE carries the session; 404 and 405 count as done; 500 fails typed', async () => {
    const statuses = [200, 404, 405, 500]
    const server = await serve((_, res) => {
      res.writeHead(statuses.shift() ?? 500)
      res.end()
    })
    const transport = createStreamableHttpTransport({ url: server.url })
    for (let i = 0; i < 3; i += 1) await transport.delete({ 'mcp-session-id': 'abc' })
    await expect(transport.delete({ 'mcp-session-id': 'abc' })).rejects.toSatisfy(isHttpError)
    expect(server.requests.map((r) => [r.method, r.headers['mcp-session-id']])).toEqual([
      ['DELETE', 'abc'],
      ['DELETE', 'abc'],
      ['DELETE', 'abc'],
      ['DELETE', 'abc'],
    ])
  })

  test('close() aborts in-flight streams and refuses later calls', async () => {
    const server = await serve((_, res) => startSse(res))
    const transport = createStreamableHttpTransport({ url: server.url })
    const answer = await transport.post(request(1))
    const reading = all(answer.messages).catch((e: unknown) => e)
    await transport.close()
    const error = await reading
    expect(isTransportError(error)).toBe(true)
    expect((error as { code: string }).code).toBe(ErrorCode.ConnectionClosed)
    await expect(transport.post(request(2))).rejects.toSatisfy(isTransportError)
  })
})

describe('options', () => {
  test('are validated once, naming the option', () => {
    for (const options of [
      { url: 'ftp://x' },
      { url: 'not a url' },
      { url: 'http://x', maxMessageBytes: 0 },
    ]) {
      let error: unknown
      try {
        createStreamableHttpTransport(options)
      } catch (caught) {
        error = caught
      }
      expect(isConfigError(error)).toBe(true)
    }
    expect(() =>
      createStreamableHttpTransport({ url: 'http://x', reconnect: { maxRetries: -1 } }),
    ).toThrow(/maxRetries/)
  })

  test('an injected fetch is used', async () => {
    const calls: string[] = []
    const transport = createStreamableHttpTransport({
      url: 'http://mcp.invalid/mcp',
      fetch: async (input, init) => {
        calls.push(`${init?.method} ${String(input)}`)
        return Response.json(result(1))
      },
    })
    const answer = await transport.post(request(1))
    expect(await all(answer.messages)).toEqual([result(1)])
    expect(calls).toEqual(['POST http://mcp.invalid/mcp'])
  })
})
