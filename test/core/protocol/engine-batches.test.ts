import { afterEach, describe, expect, test } from 'vitest'
import { createJsonRpcEngine, type JsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import type { JsonRpcNotification } from '../../../src/core/protocol/messages.ts'
import type { RequestContext } from '../../../src/core/protocol/request-context.ts'
import { deferred, eventsOfType, flush, recordEvents, scriptedConnection } from './harness.ts'

const engines: JsonRpcEngine[] = []
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()))
})

function start(batches: 'accept' | 'reject') {
  const script = scriptedConnection()
  const notifications: JsonRpcNotification[] = []
  const engine = createJsonRpcEngine({
    connection: script.connection,
    batches,
    onRequest: async (request) => {
      if (request.method === 'fail') throw new Error('failed on purpose')
      if (request.method === 'late') await new Promise((resolve) => setTimeout(resolve, 10))
      return { echo: request.method }
    },
    onNotification: (n) => void notifications.push(n),
  })
  engines.push(engine)
  return { script, engine, notifications }
}

describe("batches: 'reject' (every revision but 2025-03-26)", () => {
  test('a batch gets one -32600 with id null, and the engine keeps serving', async () => {
    const { script, engine } = start('reject')
    const events = recordEvents(engine)
    script.value([{ jsonrpc: '2.0', id: 1, method: 'a' }])
    script.text('[{"jsonrpc":"2.0","id":2,"method":"b"}]')
    script.value({ jsonrpc: '2.0', id: 3, method: 'c' })
    await script.waitForSent(3)
    expect(script.sent).toEqual([
      {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32600, message: 'Invalid Request: batches are not supported' },
      },
      {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32600, message: 'Invalid Request: batches are not supported' },
      },
      { jsonrpc: '2.0', id: 3, result: { echo: 'c' } },
    ])
    expect(eventsOfType(events, 'message:invalid').map((e) => e.reason)).toEqual([
      'batch-rejected',
      'batch-rejected',
    ])
  })
})

describe("batches: 'accept' (2025-03-26)", () => {
  test('every element is processed and the responses come back as one array', async () => {
    const { script, notifications } = start('accept')
    script.text(
      JSON.stringify([
        { jsonrpc: '2.0', id: 1, method: 'late' },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', id: 'two', method: 'fail' },
        { jsonrpc: '2.0', id: 3, method: 'quick' },
      ]),
    )
    const sent = await script.waitForSent(1)
    expect(Array.isArray(sent)).toBe(true)
    expect(sent).toHaveLength(3)
    expect(sent).toEqual(
      expect.arrayContaining([
        { jsonrpc: '2.0', id: 1, result: { echo: 'late' } },
        { jsonrpc: '2.0', id: 'two', error: { code: -32603, message: 'failed on purpose' } },
        { jsonrpc: '2.0', id: 3, result: { echo: 'quick' } },
      ]),
    )
    expect(notifications.map((n) => n.method)).toEqual(['notifications/initialized'])
    await flush()
    expect(script.sent).toHaveLength(1)
  })

  test('invalid elements get their error inside the array', async () => {
    const { script } = start('accept')
    script.value([
      { jsonrpc: '2.0', id: 1, method: 'ok' },
      42,
      { jsonrpc: '2.0', id: 2, method: 7 },
      [{ jsonrpc: '2.0', id: 3, method: 'nested' }],
    ])
    const sent = await script.waitForSent(1)
    expect(sent).toEqual([
      expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32600 }) }),
      expect.objectContaining({ id: 2, error: expect.objectContaining({ code: -32600 }) }),
      {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32600, message: 'Invalid Request: a batch cannot contain a batch' },
      },
      { jsonrpc: '2.0', id: 1, result: { echo: 'ok' } },
    ])
  })

  test('a batch of notifications sends nothing', async () => {
    const { script, notifications } = start('accept')
    script.value([
      { jsonrpc: '2.0', method: 'notifications/a' },
      { jsonrpc: '2.0', method: 'notifications/b' },
    ])
    script.value({ jsonrpc: '2.0', id: 9, method: 'marker' })
    expect(await script.waitForSent(1)).toEqual({
      jsonrpc: '2.0',
      id: 9,
      result: { echo: 'marker' },
    })
    expect(script.sent).toHaveLength(1)
    expect(notifications).toHaveLength(2)
  })

  test('an empty array is -32600 with id null, not an array', async () => {
    const { script, engine } = start('accept')
    const events = recordEvents(engine)
    script.text('[]')
    expect(await script.waitForSent(1)).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32600, message: 'Invalid Request: empty batch' },
    })
    expect(eventsOfType(events, 'message:invalid')[0]?.reason).toBe('empty-batch')
  })

  test('responses inside a batch settle our pending requests', async () => {
    const { script, engine } = start('accept')
    const a = engine.request('x')
    const b = engine.request('y')
    await script.waitForSent(2)
    script.value([
      { jsonrpc: '2.0', id: 2, result: 'for y' },
      { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'no x' } },
    ])
    await expect(b).resolves.toBe('for y')
    await expect(a).rejects.toMatchObject({ code: -32601, message: 'no x' })
    await flush()
    expect(script.sent).toHaveLength(2)
  })

  test('a duplicate id inside one batch gets -32600 and the first still answers', async () => {
    const { script } = start('accept')
    script.value([
      { jsonrpc: '2.0', id: 1, method: 'late' },
      { jsonrpc: '2.0', id: 1, method: 'dup' },
    ])
    expect(await script.waitForSent(1)).toEqual([
      {
        jsonrpc: '2.0',
        id: 1,
        error: { code: -32600, message: 'Invalid Request: request id 1 is in use' },
      },
      { jsonrpc: '2.0', id: 1, result: { echo: 'late' } },
    ])
  })

  test('a cancelled batch element contributes no response', async () => {
    const script = scriptedConnection()
    const started = deferred<RequestContext>()
    const engine = createJsonRpcEngine({
      connection: script.connection,
      batches: 'accept',
      onRequest: async (request) => {
        if (request.method !== 'hang') return 'ok'
        started.resolve(request)
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve))
        return 'never sent'
      },
    })
    engines.push(engine)
    script.value([
      { jsonrpc: '2.0', id: 1, method: 'hang' },
      { jsonrpc: '2.0', id: 2, method: 'quick' },
    ])
    await started.promise
    script.value({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } })
    expect(await script.waitForSent(1)).toEqual([{ jsonrpc: '2.0', id: 2, result: 'ok' }])
  })
})
