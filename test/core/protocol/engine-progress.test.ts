import { afterEach, describe, expect, test, vi } from 'vitest'
import { createInMemoryPair } from '../../../src/core/in-memory.ts'
import { createJsonRpcEngine, type JsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import type { ProgressParams } from '../../../src/core/protocol/messages.ts'
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

describe('outgoing requests with progress', () => {
  test('onProgress adds _meta.progressToken without touching the caller params', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const params = { name: 'slow', _meta: { trace: 't-1' } }
    void engine.request('tools/call', params, { onProgress: () => {} }).catch(() => {})
    expect(await script.waitForSent(1)).toEqual({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'slow', _meta: { trace: 't-1', progressToken: 1 } },
    })
    expect(params).toEqual({ name: 'slow', _meta: { trace: 't-1' } })
  })

  test('resetTimeoutOnProgress alone also asks for progress; plain requests do not', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    void engine.request('a', undefined, { resetTimeoutOnProgress: true }).catch(() => {})
    void engine.request('b').catch(() => {})
    await script.waitForSent(2)
    expect(script.sent).toEqual([
      { jsonrpc: '2.0', id: 1, method: 'a', params: { _meta: { progressToken: 1 } } },
      { jsonrpc: '2.0', id: 2, method: 'b' },
    ])
  })

  test('progress is routed to the request it belongs to', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const first: ProgressParams[] = []
    const second: ProgressParams[] = []
    const a = engine.request('a', {}, { onProgress: (p) => void first.push(p) })
    const b = engine.request('b', {}, { onProgress: (p) => void second.push(p) })
    await script.waitForSent(2)
    const progress = (progressToken: number, value: number, extra = {}) =>
      script.value({
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken, progress: value, ...extra },
      })
    progress(2, 10, { total: 100, message: 'b going' })
    progress(1, 1)
    progress(2, 20)
    script.value({ jsonrpc: '2.0', id: 1, result: 'a' })
    script.value({ jsonrpc: '2.0', id: 2, result: 'b' })
    await Promise.all([a, b])
    expect(first).toEqual([{ progressToken: 1, progress: 1 }])
    expect(second).toEqual([
      { progressToken: 2, progress: 10, total: 100, message: 'b going' },
      { progressToken: 2, progress: 20 },
    ])
  })

  test('unknown, foreign and malformed progress is ignored and reported', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const events = recordEvents(engine)
    const onProgress = vi.fn()
    const tracked = engine.request('a', {}, { onProgress })
    void engine.request('b').catch(() => {})
    await script.waitForSent(2)
    const notify = (params: unknown) =>
      script.value({ jsonrpc: '2.0', method: 'notifications/progress', params })
    notify({ progressToken: 99, progress: 1 })
    notify({ progressToken: '1', progress: 1 })
    notify({ progressToken: 2, progress: 1 })
    notify({ progressToken: 1 })
    notify({ progressToken: 1, progress: 'half' })
    script.value({ jsonrpc: '2.0', id: 1, result: 'done' })
    await expect(tracked).resolves.toBe('done')
    expect(onProgress).not.toHaveBeenCalled()
    expect(eventsOfType(events, 'message:dropped').map((e) => e.reason)).toEqual([
      'unknown-progress-token',
      'unknown-progress-token',
      'unknown-progress-token',
      'invalid-progress',
      'invalid-progress',
    ])
  })

  test('an onProgress callback that throws fails the request and cancels it', async () => {
    const script = scriptedConnection()
    const engine = track(createJsonRpcEngine({ connection: script.connection }))
    const pending = engine.request(
      'a',
      {},
      {
        onProgress: () => {
          throw new Error('bad callback')
        },
      },
    )
    await script.waitForSent(1)
    script.value({
      jsonrpc: '2.0',
      method: 'notifications/progress',
      params: { progressToken: 1, progress: 1 },
    })
    await expect(pending).rejects.toThrow('bad callback')
    expect(await script.waitForSent(2)).toMatchObject({
      method: 'notifications/cancelled',
      params: { requestId: 1, reason: 'bad callback' },
    })
  })
})

describe('incoming requests with progress', () => {
  test('the handler reports progress with the peer token, related to the request', async () => {
    const script = scriptedConnection()
    track(
      createJsonRpcEngine({
        connection: script.connection,
        onRequest: async (request) => {
          expect(request.progressToken).toBe('tok-7')
          await request.reportProgress({ progress: 50, total: 100, message: 'half' })
          return 'done'
        },
      }),
    )
    script.value({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { _meta: { progressToken: 'tok-7' } },
    })
    await script.waitForSent(2)
    expect(script.sent).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progress: 50, total: 100, message: 'half', progressToken: 'tok-7' },
      },
      { jsonrpc: '2.0', id: 3, result: 'done' },
    ])
    expect(script.sendOptions).toEqual([{ relatedRequestId: 3 }, { relatedRequestId: 3 }])
  })

  test('reportProgress without a token, or after the response, sends nothing', async () => {
    const script = scriptedConnection()
    const captured = deferred<RequestContext>()
    track(
      createJsonRpcEngine({
        connection: script.connection,
        onRequest: async (request) => {
          await request.reportProgress({ progress: 1 })
          captured.resolve(request)
          return 'done'
        },
      }),
    )
    script.value({ jsonrpc: '2.0', id: 1, method: 'no-token' })
    await script.waitForSent(1)
    const context = await captured.promise
    await context.reportProgress({ progress: 2 })
    await flush()
    expect(script.sent).toEqual([{ jsonrpc: '2.0', id: 1, result: 'done' }])
  })

  test('end to end: progress flows from a server handler to the client callback', async () => {
    const [a, b] = createInMemoryPair({ encoding: 'text' })
    track(
      createJsonRpcEngine({
        connection: b,
        onRequest: async (request) => {
          for (let step = 1; step <= 3; step += 1) {
            await request.reportProgress({ progress: step, total: 3 })
          }
          return { ok: true }
        },
      }),
    )
    const client = track(createJsonRpcEngine({ connection: a }))
    const seen: number[] = []
    await expect(
      client.request('tools/call', {}, { onProgress: (p) => void seen.push(p.progress) }),
    ).resolves.toEqual({ ok: true })
    expect(seen).toEqual([1, 2, 3])
  })
})
