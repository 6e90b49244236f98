import { afterEach, describe, expect, test, vi } from 'vitest'
import { createConnection } from '../../../src/core/connection.ts'
import { isTransportError } from '../../../src/core/errors/guards.ts'
import { createInMemoryPair } from '../../../src/core/in-memory.ts'
import { createJsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import type { RequestContext } from '../../../src/core/protocol/request-context.ts'
import { deferred, eventsOfType, flush, recordEvents, scriptedConnection } from './harness.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('close()', () => {
  test('rejects pending requests with CONNECTION_CLOSED and leaves no timer behind', async () => {
    vi.useFakeTimers()
    const script = scriptedConnection()
    const engine = createJsonRpcEngine({ connection: script.connection, defaultTimeoutMs: 5000 })
    const a = engine.request('a', {}, { resetTimeoutOnProgress: true }).catch((e: unknown) => e)
    const b = engine.request('b').catch((e: unknown) => e)
    await script.waitForSent(2)
    expect(vi.getTimerCount()).toBe(3)
    await engine.close()
    for (const error of [await a, await b]) {
      expect(isTransportError(error)).toBe(true)
      expect(error).toMatchObject({ code: 'CONNECTION_CLOSED' })
    }
    expect(vi.getTimerCount()).toBe(0)
    expect(engine.inFlight).toEqual({ incoming: 0, outgoing: 0 })
    // Closing sends no cancellations: the connection is gone.
    expect(script.sent).toHaveLength(2)
  })

  test("aborts running handlers' signals and sends no response afterwards", async () => {
    const script = scriptedConnection()
    const started = deferred<RequestContext>()
    const finish = deferred<void>()
    const engine = createJsonRpcEngine({
      connection: script.connection,
      onRequest: async (request) => {
        started.resolve(request)
        await finish.promise
        return 'too late'
      },
    })
    const events = recordEvents(engine)
    script.value({ jsonrpc: '2.0', id: 1, method: 'slow' })
    const context = await started.promise
    const closing = engine.close('shutting down')
    expect(context.signal.aborted).toBe(true)
    expect(isTransportError(context.signal.reason)).toBe(true)
    expect(context.signal.reason).toMatchObject({
      code: 'CONNECTION_CLOSED',
      cause: 'shutting down',
    })
    finish.resolve()
    await closing
    await flush()
    expect(script.sent).toEqual([])
    expect(eventsOfType(events, 'request:settled')).toEqual([
      expect.objectContaining({ direction: 'incoming', outcome: 'closed' }),
    ])
  })

  test('is idempotent; closed and signal report it; the connection closes too', async () => {
    const script = scriptedConnection()
    const engine = createJsonRpcEngine({ connection: script.connection })
    const events = recordEvents(engine)
    const first = engine.close()
    const second = engine.close()
    expect(second).toBe(first)
    await engine.closed
    expect(engine.signal.aborted).toBe(true)
    expect(script.connection.signal.aborted).toBe(true)
    expect(eventsOfType(events, 'engine:closed')).toHaveLength(1)
  })

  test('request and notify after close reject with CONNECTION_CLOSED', async () => {
    const script = scriptedConnection()
    const engine = createJsonRpcEngine({ connection: script.connection })
    await engine.close()
    await expect(engine.request('x')).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' })
    await expect(engine.notify('x')).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' })
    expect(script.sent).toEqual([])
  })

  test('input that arrives after close is ignored', async () => {
    const script = scriptedConnection()
    const onRequest = vi.fn(() => 'x')
    const engine = createJsonRpcEngine({ connection: script.connection, onRequest })
    await engine.close()
    script.value({ jsonrpc: '2.0', id: 1, method: 'x' })
    await flush()
    expect(onRequest).not.toHaveBeenCalled()
  })
})

describe('closing from elsewhere', () => {
  test('the peer closing ends the engine and rejects its pending requests', async () => {
    const [a, b] = createInMemoryPair()
    const client = createJsonRpcEngine({ connection: a })
    const server = createJsonRpcEngine({ connection: b, onRequest: () => new Promise(() => {}) })
    const pending = client.request('hang').catch((e: unknown) => e)
    await expect.poll(() => server.inFlight.incoming).toBe(1)
    await server.close()
    await client.closed
    expect(await pending).toMatchObject({ code: 'CONNECTION_CLOSED' })
  })

  test('the signal option closes the engine', async () => {
    const script = scriptedConnection()
    const controller = new AbortController()
    const engine = createJsonRpcEngine({ connection: script.connection, signal: controller.signal })
    const pending = engine.request('x').catch((e: unknown) => e)
    controller.abort('app shutdown')
    await engine.closed
    expect(await pending).toMatchObject({ code: 'CONNECTION_CLOSED', cause: 'app shutdown' })
  })

  test('an already aborted signal closes the engine at once', async () => {
    const script = scriptedConnection()
    const engine = createJsonRpcEngine({
      connection: script.connection,
      signal: AbortSignal.abort('never started'),
    })
    await engine.closed
    expect(engine.signal.aborted).toBe(true)
  })

  test('a failing transport closes the engine with a TransportError', async () => {
    const { connection } = createConnection({
      send: () => {},
      read: () => Promise.reject(new Error('pipe broke')),
    })
    const engine = createJsonRpcEngine({ connection })
    const pending = engine.request('x').catch((e: unknown) => e)
    await engine.closed
    const error = await pending
    expect(error).toMatchObject({ code: 'CONNECTION_CLOSED' })
    expect((error as Error).cause).toMatchObject({ code: 'TRANSPORT' })
  })

  test('a send failure rejects that request only', async () => {
    const script = scriptedConnection()
    const engine = createJsonRpcEngine({ connection: script.connection })
    const events = recordEvents(engine)
    script.failSends(new Error('EPIPE'))
    await expect(engine.request('x')).rejects.toMatchObject({
      name: 'TransportError',
      code: 'TRANSPORT',
    })
    expect(eventsOfType(events, 'send:failed')).toHaveLength(1)
    expect(eventsOfType(events, 'request:settled')[0]?.outcome).toBe('send-failed')
    expect(engine.signal.aborted).toBe(false)
    await engine.close()
  })
})

describe('hand-written connections', () => {
  test('a send that throws and a close that rejects are contained', async () => {
    const readable = new ReadableStream()
    const connection = {
      readable,
      signal: new AbortController().signal,
      closed: Promise.resolve(),
      send: (): Promise<void> => {
        throw new Error('not a promise')
      },
      close: () => Promise.reject(new Error('close failed')),
      [Symbol.asyncIterator]: () => readable.values(),
    }
    const engine = createJsonRpcEngine({ connection })
    await expect(engine.request('x')).rejects.toMatchObject({
      name: 'TransportError',
      message: 'Sending failed',
    })
    await expect(engine.close()).resolves.toBeUndefined()
  })
})
