import { describe, expect, test } from 'vitest'
import {
  isAbortError,
  isHttpError,
  isProtocolError,
  isTimeoutError,
  isTransportError,
} from '../../src/core/errors/guards.ts'
import type { Json } from './support/fake-fetch.ts'
import { json, result, sse } from './support/fake-fetch.ts'
import { clientOn, MODERN, metaOf, recordEvents, routes } from './support/harness.ts'

const done = (id: unknown) => ({
  jsonrpc: '2.0',
  id,
  result: { resultType: 'complete', content: [] },
})
const progress = (token: unknown, value: number) => ({
  jsonrpc: '2.0',
  method: 'notifications/progress',
  params: { progressToken: token, progress: value, total: 100 },
})

/** A tools/call answered on an SSE stream the test script drives. */
function streamingTool(
  script: (send: (m: unknown) => void, message: Json, stream: ReturnType<typeof sse>) => void,
) {
  const requests: Request[] = []
  const fake = routes({
    'tools/call': (message, request) => {
      requests.push(request)
      const stream = sse()
      script((m) => stream.send(m), message, stream)
      return stream.response
    },
  })
  return { fake, requests }
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('modern HTTP requests', () => {
  test('progress resets the idle timeout and reaches onProgress', async () => {
    const { fake } = streamingTool(async (send, message) => {
      const token = metaOf(message).progressToken
      for (const value of [25, 50, 75]) {
        await tick(60)
        send(progress(token, value))
      }
      await tick(60)
      send(done(message.id))
    })
    const client = clientOn(fake, { protocolVersion: MODERN, requestTimeoutMs: 100 })
    const seen: number[] = []
    await expect(
      client.callTool({ name: 'slow' }, { onProgress: (p) => seen.push(p.progress) }),
    ).resolves.toMatchObject({ content: [] })
    expect(seen).toEqual([25, 50, 75])
    await client.close()
  })

  test('without resetting on progress the idle timeout fires', async () => {
    const { fake } = streamingTool(async (send, message) => {
      for (let i = 0; i < 5; i++) {
        await tick(40)
        send(progress(metaOf(message).progressToken, i))
      }
    })
    const client = clientOn(fake, {
      protocolVersion: MODERN,
      requestTimeoutMs: 100,
      resetTimeoutOnProgress: false,
    })
    const error = await client.callTool({ name: 'slow' }).catch((e: unknown) => e)
    expect(isTimeoutError(error) && error.kind).toBe('idle')
    await client.close()
  })

  test('a progress token is sent even without a callback, so progress keeps the request alive', async () => {
    const { fake } = streamingTool(async (send, message) => {
      const token = metaOf(message).progressToken
      expect(token).toBeDefined()
      for (let i = 0; i < 3; i++) {
        await tick(50)
        send(progress(token, i))
      }
      send(done(message.id))
    })
    const client = clientOn(fake, { protocolVersion: MODERN, requestTimeoutMs: 80 })
    await expect(client.callTool({ name: 'slow' })).resolves.toMatchObject({ content: [] })
    await client.close()
  })

  test('the hard maximum ends a request however much progress arrives', async () => {
    const { fake, requests } = streamingTool(async (send, message, stream) => {
      for (let i = 0; i < 50 && !requests[0]?.signal.aborted; i++) {
        await tick(20)
        send(progress(metaOf(message).progressToken, i))
      }
      stream.close()
    })
    const client = clientOn(fake, {
      protocolVersion: MODERN,
      requestTimeoutMs: 60,
      maxTotalTimeoutMs: 150,
    })
    const error = await client.callTool({ name: 'slow' }).catch((e: unknown) => e)
    // `total`, not `idle`: progress every 20 ms kept resetting the 60 ms idle timer, so only the
    // hard maximum can have ended it.
    expect(isTimeoutError(error) && error.kind).toBe('total')
    expect(isTimeoutError(error) && error.timeoutMs).toBe(150)
    await client.close()
  })

  test('aborting the signal cancels by closing the POST', async () => {
    const { fake, requests } = streamingTool(() => {})
    const client = clientOn(fake, { protocolVersion: MODERN })
    const controller = new AbortController()
    const call = client.callTool({ name: 'slow' }, { signal: controller.signal })
    setTimeout(() => controller.abort('user gave up'), 30)
    const error = await call.catch((e: unknown) => e)
    expect(isAbortError(error)).toBe(true)
    expect(requests[0]?.signal.aborted).toBe(true)
    // HTTP cancellation is the closed stream: nothing else is sent.
    expect(fake.posts().map((m) => m.method)).not.toContain('notifications/cancelled')
    await client.close()
  })

  test('a stream that breaks before the response is re-issued under a new id', async () => {
    let calls = 0
    const { fake } = streamingTool((send, message, stream) => {
      calls += 1
      if (calls === 1) stream.fail()
      else {
        send(done(message.id))
        stream.close()
      }
    })
    const client = clientOn(fake, { protocolVersion: MODERN })
    const events = recordEvents(client)
    await expect(client.callTool({ name: 'x' })).resolves.toMatchObject({ content: [] })
    const ids = fake
      .posts()
      .filter((m) => m.method === 'tools/call')
      .map((m) => m.id)
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(2)
    expect(events).toContainEqual({
      type: 'request:retried',
      method: 'tools/call',
      reason: 'stream-broken',
    })
    await client.close()
  })

  test('responses to unknown ids are dropped, the right one still answers', async () => {
    const { fake } = streamingTool((send, message, stream) => {
      send({ jsonrpc: '2.0', id: 'not-mine', result: {} })
      send(done(message.id))
      stream.close()
    })
    const client = clientOn(fake, { protocolVersion: MODERN })
    const events = recordEvents(client)
    await expect(client.callTool({ name: 'x' })).resolves.toMatchObject({ content: [] })
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'message:dropped', reason: 'unknown-response-id' }),
    )
    await client.close()
  })

  test.each([
    ['a 500', () => new Response('boom', { status: 500 }), isHttpError],
    [
      'the wrong content type',
      () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }),
      isTransportError,
    ],
    [
      'garbage JSON in SSE',
      () => new Response('data: {nope\n\n', { headers: { 'content-type': 'text/event-stream' } }),
      isTransportError,
    ],
    [
      'a stream that ends without a response',
      () => new Response('', { headers: { 'content-type': 'text/event-stream' } }),
      isTransportError,
    ],
  ])('%s gives a typed error', async (_name, respond, guard) => {
    const fake = routes({ 'tools/call': () => respond() })
    const client = clientOn(fake, { protocolVersion: MODERN, requestTimeoutMs: 500 })
    const error = await client.callTool({ name: 'x' }).catch((e: unknown) => e)
    expect(guard(error)).toBe(true)
    await client.close()
  })

  test('a stream that never ends times out', async () => {
    const { fake } = streamingTool((_send, _message, stream) => {
      const timer = setInterval(() => stream.comment(), 10)
      setTimeout(() => clearInterval(timer), 500)
    })
    const client = clientOn(fake, { protocolVersion: MODERN, requestTimeoutMs: 80 })
    const error = await client.callTool({ name: 'x' }).catch((e: unknown) => e)
    expect(isTimeoutError(error)).toBe(true)
    await client.close()
  })

  test('a JSON-RPC error is a ProtocolError with the server code', async () => {
    const fake = routes({
      'tools/call': (message) =>
        json({ jsonrpc: '2.0', id: message.id, error: { code: -32602, message: 'bad' } }),
    })
    const client = clientOn(fake, { protocolVersion: MODERN })
    const error = await client.callTool({ name: 'x' }).catch((e: unknown) => e)
    expect(isProtocolError(error) && error.code).toBe(-32602)
    await client.close()
  })

  test('a per-call timeout overrides the default, and a bad one is refused', async () => {
    const { fake } = streamingTool(() => {})
    const client = clientOn(fake, { protocolVersion: MODERN, requestTimeoutMs: 5000 })
    const error = await client.callTool({ name: 'x' }, { timeoutMs: 30 }).catch((e: unknown) => e)
    expect(isTimeoutError(error) && error.timeoutMs).toBe(30)
    await expect(client.callTool({ name: 'x' }, { timeoutMs: -1 })).rejects.toThrow(/timeoutMs/)
    await client.close()
  })

  test('closing the client fails calls in flight', async () => {
    const { fake } = streamingTool(() => {})
    const client = clientOn(fake, { protocolVersion: MODERN })
    const call = client.callTool({ name: 'x' })
    await tick(20)
    await client.close()
    expect(isAbortError(await call.catch((e: unknown) => e))).toBe(true)
    await expect(client.listTools()).rejects.toThrow(/closed/)
  })

  test('logLevel goes into _meta, per call or from setLoggingLevel', async () => {
    const fake = routes({
      'tools/call': (message) => result(message.id, { resultType: 'complete', content: [] }),
    })
    const client = clientOn(fake, { protocolVersion: MODERN })
    await client.callTool({ name: 'x' }, { logLevel: 'debug' })
    await client.setLoggingLevel('warning')
    await client.callTool({ name: 'x' })
    const [first, second] = fake.posts().filter((m) => m.method === 'tools/call')
    expect(metaOf(first)['io.modelcontextprotocol/logLevel']).toBe('debug')
    expect(metaOf(second)['io.modelcontextprotocol/logLevel']).toBe('warning')
    await client.close()
  })

  test('log notifications on a response stream reach client.notifications', async () => {
    const { fake } = streamingTool((send, message, stream) => {
      send({
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'hello' },
      })
      send(done(message.id))
      stream.close()
    })
    const client = clientOn(fake, { protocolVersion: MODERN })
    const logs: unknown[] = []
    client.notifications.subscribe((n) => logs.push(n.params?.data))
    await client.callTool({ name: 'x' }, { logLevel: 'info' })
    expect(logs).toEqual(['hello'])
    await client.close()
  })
})
