import { afterEach, describe, expect, test } from 'vitest'
import { isAbortError } from '../../../src/core/errors/guards.ts'
import { createInMemoryPair } from '../../../src/core/in-memory.ts'
import { createJsonRpcEngine, type JsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import type { JsonRpcNotification } from '../../../src/core/protocol/messages.ts'
import type { RequestContext } from '../../../src/core/protocol/request-context.ts'
import { deferred, eventsOfType, flush, recordEvents, scriptedConnection } from './harness.ts'

const engines: JsonRpcEngine[] = []
function track(engine: JsonRpcEngine): JsonRpcEngine {
  engines.push(engine)
  return engine
}
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()))
})

describe('outgoing cancellation', () => {
  test('a signal aborted before sending rejects at once and sends nothing', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const controller = new AbortController()
    controller.abort('user gave up')
    const error = await engine
      .request('x', undefined, { signal: controller.signal })
      .catch((e) => e)
    expect(isAbortError(error)).toBe(true)
    expect(error).toMatchObject({ operation: 'x', reason: 'user gave up' })
    await flush()
    expect(script.sent).toEqual([])
    expect(engine.inFlight.outgoing).toBe(0)
  })

  test('aborting in flight rejects with the reason and sends notifications/cancelled', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const controller = new AbortController()
    const pending = engine.request('tools/call', {}, { signal: controller.signal }).catch((e) => e)
    await script.waitForSent(1)
    controller.abort(new Error('user pressed stop'))
    const error = await pending
    expect(isAbortError(error)).toBe(true)
    expect((error as { reason: unknown }).reason).toEqual(new Error('user pressed stop'))
    expect(await script.waitForSent(2)).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 1, reason: 'user pressed stop' },
    })
    expect(engine.inFlight.outgoing).toBe(0)
  })

  test('a reason that is neither string nor error is left out of the notification', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const controller = new AbortController()
    const pending = engine.request('x', {}, { signal: controller.signal }).catch((e) => e)
    await script.waitForSent(1)
    controller.abort({ code: 42 })
    await pending
    expect(await script.waitForSent(2)).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 1 },
    })
  })

  test('sendCancelled: false (modern HTTP) cancels locally without a notification', async () => {
    const script = scriptedConnection()
    const engine = track(
      createJsonRpcEngine({ connection: script.connection, sendCancelled: false }),
    )
    const controller = new AbortController()
    const pending = engine.request('x', {}, { signal: controller.signal }).catch((e) => e)
    await script.waitForSent(1)
    controller.abort()
    expect(isAbortError(await pending)).toBe(true)
    await flush()
    expect(script.sent).toHaveLength(1)
  })

  test('a per-request sendCancelled: false wins over the engine default (initialize)', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const controller = new AbortController()
    const pending = engine
      .request('initialize', {}, { signal: controller.signal, sendCancelled: false })
      .catch((e) => e)
    await script.waitForSent(1)
    controller.abort()
    await pending
    await flush()
    expect(script.sent).toHaveLength(1)
  })

  test('a late response after a cancel is dropped and reported', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const events = recordEvents(engine)
    const controller = new AbortController()
    const pending = engine.request('x', {}, { signal: controller.signal }).catch((e) => e)
    await script.waitForSent(1)
    controller.abort()
    await pending
    script.value({ jsonrpc: '2.0', id: 1, result: 'too late' })
    await expect
      .poll(() => eventsOfType(events, 'message:dropped').map((e) => e.reason))
      .toEqual(['unknown-response-id'])
  })

  test('aborting after the response arrived changes nothing', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const controller = new AbortController()
    const pending = engine.request('x', {}, { signal: controller.signal })
    await script.waitForSent(1)
    script.value({ jsonrpc: '2.0', id: 1, result: 'ok' })
    await expect(pending).resolves.toBe('ok')
    controller.abort()
    await flush()
    expect(script.sent).toHaveLength(1)
  })
})

describe('incoming cancellation', () => {
  test('aborts the handler signal with the reason and suppresses the response', async () => {
    const script = scriptedConnection()
    const notes: JsonRpcNotification[] = []
    const started = deferred<RequestContext>()
    const release = deferred<void>()
    const engine = track(
      createJsonRpcEngine({
        connection: script.connection,
        onRequest: async (request) => {
          if (request.method === 'quick') return 'quick'
          started.resolve(request)
          await release.promise
          return 'slow result that must not be sent'
        },
        onNotification: (n) => void notes.push(n),
      }),
    )
    const events = recordEvents(engine)
    script.value({ jsonrpc: '2.0', id: 'slow-1', method: 'slow' })
    const context = await started.promise
    expect(context.signal.aborted).toBe(false)
    script.value({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 'slow-1', reason: 'no longer needed' },
    })
    await expect.poll(() => context.signal.aborted).toBe(true)
    expect(context.signal.reason).toBe('no longer needed')
    release.resolve()
    script.value({ jsonrpc: '2.0', id: 2, method: 'quick' })
    expect(await script.waitForSent(1)).toEqual({ jsonrpc: '2.0', id: 2, result: 'quick' })
    await flush()
    expect(script.sent).toHaveLength(1)
    expect(notes.map((n) => n.method)).toEqual(['notifications/cancelled'])
    const settled = eventsOfType(events, 'request:settled').find((e) => e.id === 'slow-1')
    expect(settled?.outcome).toBe('cancelled')
  })

  test('a handler that reads its signal only after the cancel still sees it aborted', async () => {
    const script = scriptedConnection()
    const release = deferred<void>()
    let seen: AbortSignal | undefined
    track(
      createJsonRpcEngine({
        connection: script.connection,
        onRequest: async (request) => {
          await release.promise
          seen = request.signal
          throw new Error('fails after the cancel')
        },
      }),
    )
    script.value({ jsonrpc: '2.0', id: 1, method: 'slow' })
    script.value({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } })
    await flush()
    release.resolve()
    await expect.poll(() => seen?.aborted).toBe(true)
    expect(seen?.reason).toBe('Cancelled by the peer')
    await flush()
    expect(script.sent).toEqual([])
  })

  test('a cancel for an unknown id is ignored but still reaches onNotification', async () => {
    const script = scriptedConnection()
    const notes: JsonRpcNotification[] = []
    track(
      createJsonRpcEngine({
        connection: script.connection,
        onNotification: (n) => void notes.push(n),
        onRequest: () => 'alive',
      }),
    )
    script.value({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 99 } })
    script.value({ jsonrpc: '2.0', id: 1, method: 'x' })
    expect(await script.waitForSent(1)).toEqual({ jsonrpc: '2.0', id: 1, result: 'alive' })
    expect(notes).toHaveLength(1)
  })

  test('a cancel without a usable requestId is dropped and not forwarded', async () => {
    const script = scriptedConnection()
    const notes: JsonRpcNotification[] = []
    const engine = track(
      createJsonRpcEngine({
        connection: script.connection,
        onNotification: (n) => void notes.push(n),
      }),
    )
    const events = recordEvents(engine)
    script.value({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: null } })
    script.value({ jsonrpc: '2.0', method: 'notifications/cancelled' })
    await expect
      .poll(() => eventsOfType(events, 'message:dropped').map((e) => e.reason))
      .toEqual(['invalid-cancel', 'invalid-cancel'])
    expect(notes).toEqual([])
  })

  test('cancelling a handler also cancels the requests it sent to the peer', async () => {
    const [a, b] = createInMemoryPair()
    const childStarted = deferred<RequestContext>()
    const parentStarted = deferred<RequestContext>()
    const client = track(
      createJsonRpcEngine({
        connection: a,
        onRequest: (request) => {
          childStarted.resolve(request)
          return new Promise(() => {})
        },
      }),
    )
    track(
      createJsonRpcEngine({
        connection: b,
        onRequest: (request) => {
          parentStarted.resolve(request)
          return request.request('sampling/createMessage')
        },
      }),
    )
    const controller = new AbortController()
    const call = client.request('tools/call', {}, { signal: controller.signal }).catch((e) => e)
    const child = await childStarted.promise
    const parent = await parentStarted.promise
    controller.abort('stop')
    expect(isAbortError(await call)).toBe(true)
    await expect.poll(() => parent.signal.aborted).toBe(true)
    // The server's related request was cancelled in turn, so the client's handler sees the cancel.
    await expect.poll(() => child.signal.aborted).toBe(true)
    expect(child.signal.reason).toBe('stop')
  })
})
