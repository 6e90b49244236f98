// The 2024-11-05 HTTP+SSE transport against a real server: the endpoint event, POSTs to it,
// messages on the stream, and the ways it can go wrong.
import type { ServerResponse } from 'node:http'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { InboundFrame } from '../../../src/core/connection.ts'
import { ErrorCode } from '../../../src/core/errors/codes.ts'
import {
  isAbortError,
  isHttpError,
  isTimeoutError,
  isTransportError,
} from '../../../src/core/errors/guards.ts'
import { createJsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import { connectLegacySse } from '../../../src/transports/streamable-http/legacy-sse.ts'
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
  await new Promise((resolve) => setTimeout(resolve, 20))
  guard.stop()
  expect(guard.seen).toEqual([])
})

/** A tiny 2024-11-05 server: GET /sse announces /messages, POSTs are answered on the stream. */
async function legacyServer(
  endpoint: string | ((host: string) => string) = '/messages?sessionId=abc',
): Promise<LoopbackServer> {
  let stream: ServerResponse | undefined
  const server = await startLoopbackServer((req, res) => {
    if (req.method === 'GET') {
      stream = res
      startSse(res)
      const data = typeof endpoint === 'string' ? endpoint : endpoint(req.headers.host ?? '')
      res.write(sseEvent({ event: 'endpoint', data }))
      return
    }
    res.writeHead(202)
    res.end('Accepted')
    const message = JSON.parse(req.body) as { id?: number; method: string; params?: unknown }
    if (message.id !== undefined) {
      stream?.write(
        sseEvent({
          event: 'message',
          data: { jsonrpc: '2.0', id: message.id, result: { echo: message.params } },
        }),
      )
    }
  })
  servers.push(server)
  return server
}

async function serve(handler: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler)
  servers.push(server)
  return server
}

describe('connectLegacySse', () => {
  test('POSTs to the announced endpoint; the engine runs over the connection', async () => {
    const server = await legacyServer()
    const connection = await connectLegacySse({
      url: `${server.origin}/sse`,
      headers: { authorization: 'Bearer x' },
    })
    const engine = createJsonRpcEngine({ connection })
    await expect(engine.request('tools/list', { cursor: 'c' })).resolves.toEqual({
      echo: { cursor: 'c' },
    })
    const post = server.requests.find((r) => r.method === 'POST')
    expect(post?.path).toBe('/messages?sessionId=abc')
    expect(post?.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer x',
    })
    expect(server.requests[0]?.headers).toMatchObject({
      accept: 'text/event-stream',
      authorization: 'Bearer x',
    })
    await engine.close()
    await server.requests[0]?.closed // closing ends the GET stream
  })

  test('an absolute same-origin endpoint is fine; another origin is refused', async () => {
    const same = await legacyServer((host) => `http://${host}/elsewhere/messages`)
    const sameOrigin = await connectLegacySse({ url: `${same.origin}/sse` })
    await sameOrigin.send({ jsonrpc: '2.0', method: 'notifications/initialized' })
    expect(same.requests.at(-1)?.path).toBe('/elsewhere/messages')
    await sameOrigin.close()

    const evil = await legacyServer('http://evil.example/messages')
    const error = await connectLegacySse({ url: `${evil.origin}/sse` }).catch((e: unknown) => e)
    expect(isTransportError(error)).toBe(true)
    expect((error as Error).message).toMatch(/evil\.example/)
    await evil.requests[0]?.closed
  })

  test('no endpoint event in time is a TimeoutError', async () => {
    const server = await serve((_, res) => {
      startSse(res)
      res.write(': waiting\n\n')
    })
    const error = await connectLegacySse({ url: server.url, endpointTimeoutMs: 100 }).catch(
      (e: unknown) => e,
    )
    expect(isTimeoutError(error)).toBe(true)
    await server.requests[0]?.closed
  })

  test('the caller can abort connecting', async () => {
    const server = await serve((_, res) => startSse(res))
    const controller = new AbortController()
    const connecting = connectLegacySse({ url: server.url, signal: controller.signal })
    await server.waitForRequests(1)
    controller.abort()
    await expect(connecting).rejects.toSatisfy(isAbortError)
  })

  test('a refused GET is an HttpError, a non-SSE answer a TransportError', async () => {
    const refused = await serve((_, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('no such endpoint')
    })
    await expect(connectLegacySse({ url: refused.url })).rejects.toSatisfy(isHttpError)
    const html = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>')
    })
    await expect(connectLegacySse({ url: html.url })).rejects.toSatisfy(isTransportError)
  })

  test('the stream ending closes the connection with a TransportError', async () => {
    let stream: ServerResponse | undefined
    const server = await serve((_, res) => {
      stream = res
      startSse(res)
      res.write(sseEvent({ event: 'endpoint', data: '/post' }))
      res.write(sseEvent({ data: { jsonrpc: '2.0', method: 'notifications/message', params: {} } }))
    })
    const connection = await connectLegacySse({ url: server.url })
    const frames: InboundFrame[] = []
    const reading = (async () => {
      for await (const frame of connection) frames.push(frame)
    })()
    stream?.end()
    await reading
    expect(frames).toEqual([
      { type: 'text', text: '{"jsonrpc":"2.0","method":"notifications/message","params":{}}' },
    ])
    const reason = connection.signal.reason as Error & { code: string }
    expect(isTransportError(reason)).toBe(true)
    expect(reason.code).toBe(ErrorCode.ConnectionClosed)
    expect(reason.message).toMatch(/SSE stream ended/)
  })

  test('a refused POST rejects send with a TransportError carrying the HttpError', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'GET') {
        startSse(res)
        res.write(sseEvent({ event: 'endpoint', data: '/post' }))
        return
      }
      res.writeHead(500, { 'content-type': 'text/html' })
      res.end('<h1>boom</h1>')
    })
    const connection = await connectLegacySse({ url: server.url })
    const error = (await connection
      .send({ jsonrpc: '2.0', method: 'notifications/initialized' })
      .catch((e: unknown) => e)) as Error
    expect(isTransportError(error)).toBe(true)
    expect(isHttpError(error.cause)).toBe(true)
    expect(error.cause).toMatchObject({ status: 500, body: '<h1>boom</h1>' })
    await connection.close()
  })
})
