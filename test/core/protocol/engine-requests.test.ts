import { afterEach, describe, expect, test } from 'vitest'
import { isProtocolError } from '../../../src/core/errors/guards.ts'
import { ProtocolError } from '../../../src/core/errors/protocol-error.ts'
import { createInMemoryPair } from '../../../src/core/in-memory.ts'
import { createJsonRpcEngine, type JsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import type { JsonRpcNotification } from '../../../src/core/protocol/messages.ts'
import type { RequestContext, RequestHandler } from '../../../src/core/protocol/request-context.ts'
import { type Deferred, deferred, scriptedConnection } from './harness.ts'

const engines: JsonRpcEngine[] = []
function track<TEngine extends JsonRpcEngine>(engine: TEngine): TEngine {
  engines.push(engine)
  return engine
}
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()))
})

function linkedEngines(server: RequestHandler, encoding: 'value' | 'text' = 'value') {
  const [a, b] = createInMemoryPair({ encoding })
  const client = track(createJsonRpcEngine({ connection: a }))
  const serverEngine = track(createJsonRpcEngine({ connection: b, onRequest: server }))
  return { client, server: serverEngine }
}

describe('request/response correlation', () => {
  test.each(['value', 'text'] as const)(
    'concurrent requests settle with their own results when answered out of order (%s)',
    async (encoding) => {
      const gates = new Map<string, Deferred<void>>()
      const { client } = linkedEngines(async (request) => {
        const name = String(request.params?.name)
        const gate = deferred<void>()
        gates.set(name, gate)
        await gate.promise
        return { echo: name }
      }, encoding)
      const first = client.request('echo', { name: 'first' })
      const second = client.request('echo', { name: 'second' })
      const third = client.request('echo', { name: 'third' })
      await expect.poll(() => gates.size).toBe(3)
      gates.get('third')?.resolve()
      await expect(third).resolves.toEqual({ echo: 'third' })
      gates.get('first')?.resolve()
      gates.get('second')?.resolve()
      await expect(first).resolves.toEqual({ echo: 'first' })
      await expect(second).resolves.toEqual({ echo: 'second' })
      expect(client.inFlight).toEqual({ incoming: 0, outgoing: 0 })
    },
  )

  test('outgoing ids are integers from a counter', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    void engine.request('a').catch(() => {})
    void engine.request('b', { x: 1 }).catch(() => {})
    void engine.request('c').catch(() => {})
    await script.waitForSent(3)
    expect(script.sent).toEqual([
      { jsonrpc: '2.0', id: 1, method: 'a' },
      { jsonrpc: '2.0', id: 2, method: 'b', params: { x: 1 } },
      { jsonrpc: '2.0', id: 3, method: 'c' },
    ])
  })

  test('a response with a string id does not settle the integer-id request', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const pending = engine.request('a')
    await script.waitForSent(1)
    script.value({ jsonrpc: '2.0', id: '1', result: 'wrong' })
    script.value({ jsonrpc: '2.0', id: 1, result: 'right' })
    await expect(pending).resolves.toBe('right')
  })

  test('a null result is a valid result', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const pending = engine.request('a')
    await script.waitForSent(1)
    script.text('{"jsonrpc":"2.0","id":1,"result":null}')
    await expect(pending).resolves.toBeNull()
  })
})

describe('error responses', () => {
  test('an error response rejects the call with ProtocolError.fromJsonRpc', async () => {
    const { client } = linkedEngines(() => {
      throw ProtocolError.invalidParams('bad cursor', { cursor: 'x' })
    })
    const error = await client.request('tools/list').catch((e: unknown) => e)
    expect(isProtocolError(error)).toBe(true)
    expect(error).toMatchObject({ code: -32602, message: 'bad cursor', data: { cursor: 'x' } })
  })

  test('a plain Error becomes -32603 with only its message, never its stack or data', async () => {
    const script = scriptedConnection()
    track(
      createJsonRpcEngine({
        connection: script.connection,
        onRequest: () => {
          const error = new Error('database unreachable') as Error & { secret: string }
          error.secret = 'password'
          throw error
        },
      }),
    )
    script.value({ jsonrpc: '2.0', id: 7, method: 'x' })
    expect(await script.waitForSent(1)).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32603, message: 'database unreachable' },
    })
  })

  test('a rejected non-Error becomes -32603 "Internal error"', async () => {
    const script = scriptedConnection()
    track(
      createJsonRpcEngine({
        connection: script.connection,
        onRequest: () => Promise.reject('a string with internals'),
      }),
    )
    script.value({ jsonrpc: '2.0', id: 'r', method: 'x' })
    expect(await script.waitForSent(1)).toEqual({
      jsonrpc: '2.0',
      id: 'r',
      error: { code: -32603, message: 'Internal error' },
    })
  })

  test('a thrown client-fault ProtocolError keeps its code', async () => {
    const { client } = linkedEngines(() => {
      throw ProtocolError.methodNotFound('nope')
    })
    await expect(client.request('nope')).rejects.toMatchObject({ code: -32601 })
  })

  test('without onRequest every request gets -32601', async () => {
    const script = scriptedConnection()
    track(createJsonRpcEngine({ connection: script.connection }))
    script.value({ jsonrpc: '2.0', id: 1, method: 'tools/list' })
    expect(await script.waitForSent(1)).toMatchObject({
      id: 1,
      error: { code: -32601, message: 'Method not found: tools/list' },
    })
  })
})

describe('results', () => {
  test('a synchronous handler result is sent', async () => {
    const { client } = linkedEngines(() => ({ sync: true }))
    await expect(client.request('x')).resolves.toEqual({ sync: true })
  })

  test('returning undefined sends the empty result {}', async () => {
    const script = scriptedConnection()
    track(createJsonRpcEngine({ connection: script.connection, onRequest: () => undefined }))
    script.value({ jsonrpc: '2.0', id: 1, method: 'ping' })
    expect(await script.waitForSent(1)).toEqual({ jsonrpc: '2.0', id: 1, result: {} })
  })

  test('the handler sees id, method and params; responses name the request as related', async () => {
    const script = scriptedConnection()
    let seen: RequestContext | undefined
    track(
      createJsonRpcEngine({
        connection: script.connection,
        onRequest: (request) => {
          seen = request
          return {}
        },
      }),
    )
    script.value({ jsonrpc: '2.0', id: 'abc', method: 'tools/call', params: { name: 'n' } })
    await script.waitForSent(1)
    expect(seen).toMatchObject({ requestId: 'abc', method: 'tools/call', params: { name: 'n' } })
    expect(seen?.progressToken).toBeUndefined()
    expect(script.sendOptions[0]).toEqual({ relatedRequestId: 'abc' })
  })
})

describe('notifications', () => {
  test('flow in both directions and get no response', async () => {
    const [a, b] = createInMemoryPair()
    const atA: JsonRpcNotification[] = []
    const atB: JsonRpcNotification[] = []
    const left = track(
      createJsonRpcEngine({ connection: a, onNotification: (n) => void atA.push(n) }),
    )
    const right = track(
      createJsonRpcEngine({ connection: b, onNotification: (n) => void atB.push(n) }),
    )
    await left.notify('notifications/initialized')
    await right.notify('notifications/tools/list_changed', { x: 1 })
    await expect.poll(() => atA.length + atB.length).toBe(2)
    expect(atB).toEqual([{ jsonrpc: '2.0', method: 'notifications/initialized' }])
    expect(atA).toEqual([
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed', params: { x: 1 } },
    ])
  })

  test('a failing notification handler is reported and does not stop the engine', async () => {
    const script = scriptedConnection()
    const engine = track(
      createJsonRpcEngine({
        connection: script.connection,
        onNotification: (n) => {
          if (n.method === 'sync') throw new Error('sync boom')
          return Promise.reject(new Error('async boom'))
        },
        onRequest: () => 'ok',
      }),
    )
    const failures: unknown[] = []
    engine.events.subscribe((event) => {
      if (event.type === 'notification:failed') failures.push(event.error)
    })
    script.value({ jsonrpc: '2.0', method: 'sync' })
    script.value({ jsonrpc: '2.0', method: 'async' })
    script.value({ jsonrpc: '2.0', id: 1, method: 'still-alive' })
    expect(await script.waitForSent(1)).toEqual({ jsonrpc: '2.0', id: 1, result: 'ok' })
    await expect.poll(() => failures.length).toBe(2)
  })
})

describe('two engines talking in both directions', () => {
  test('a handler can send related requests and notifications to the peer', async () => {
    const [a, b] = createInMemoryPair({ encoding: 'text' })
    const clientNotes: JsonRpcNotification[] = []
    const client = track(
      createJsonRpcEngine({
        connection: a,
        onRequest: (request) => {
          if (request.method === 'roots/list') return { roots: [{ uri: 'file:///x' }] }
          throw ProtocolError.methodNotFound(request.method)
        },
        onNotification: (n) => void clientNotes.push(n),
      }),
    )
    track(
      createJsonRpcEngine({
        connection: b,
        onRequest: async (request) => {
          await request.notify('notifications/message', { level: 'info', data: 'working' })
          const roots = await request.request('roots/list')
          return { fromClient: roots }
        },
      }),
    )
    await expect(client.request('tools/call')).resolves.toEqual({
      fromClient: { roots: [{ uri: 'file:///x' }] },
    })
    expect(clientNotes).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'working' },
      },
    ])
  })

  test('both sides issue requests at the same time with overlapping ids', async () => {
    const [a, b] = createInMemoryPair()
    const left = track(createJsonRpcEngine({ connection: a, onRequest: () => 'from-left' }))
    const right = track(createJsonRpcEngine({ connection: b, onRequest: () => 'from-right' }))
    const results = await Promise.all([
      left.request('x'),
      right.request('x'),
      left.request('y'),
      right.request('y'),
    ])
    expect(results).toEqual(['from-right', 'from-left', 'from-right', 'from-left'])
  })
})
