import { afterEach, describe, expect, test, vi } from 'vitest'
import type { Environment } from '../../../src/core/environment.ts'
import { ProtocolError } from '../../../src/core/errors/protocol-error.ts'
import { Subscribable } from '../../../src/core/events/subscribable.ts'
import { createInMemoryPair } from '../../../src/core/in-memory.ts'
import { createJsonRpcEngine, type JsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import { eventsOfType, recordEvents, scriptedConnection } from './harness.ts'

const engines: JsonRpcEngine[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(engines.splice(0).map((engine) => engine.close()))
})

function manualClock(): Environment & { advance(ms: number): void } {
  let now = 1000
  return {
    now: () => now,
    setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    advance: (ms) => {
      now += ms
    },
  }
}

describe('engine events', () => {
  test('with no listeners no event is emitted at all', async () => {
    const emit = vi.spyOn(Subscribable.prototype, 'emit')
    const [a, b] = createInMemoryPair()
    const server = createJsonRpcEngine({
      connection: b,
      onRequest: (request) => {
        if (request.method === 'fail') throw new Error('x')
        return {}
      },
    })
    const client = createJsonRpcEngine({ connection: a })
    engines.push(server, client)
    await client.request('ok')
    await client.request('fail').catch(() => {})
    await client.notify('notifications/x')
    await client.request('ok', {}, { onProgress: () => {} })
    expect(emit).not.toHaveBeenCalled()
  })

  test('a request round trip reports started, sent, received and settled with its duration', async () => {
    const clock = manualClock()
    const script = scriptedConnection()
    const engine = createJsonRpcEngine({ connection: script.connection, environment: clock })
    engines.push(engine)
    const events = recordEvents(engine)
    const pending = engine.request('tools/list')
    await script.waitForSent(1)
    clock.advance(42)
    script.value({ jsonrpc: '2.0', id: 1, result: { tools: [] } })
    await pending
    expect(events.map((e) => e.type)).toEqual([
      'request:started',
      'message:sent',
      'message:received',
      'request:settled',
    ])
    expect(eventsOfType(events, 'request:settled')[0]).toEqual({
      type: 'request:settled',
      direction: 'outgoing',
      id: 1,
      method: 'tools/list',
      outcome: 'result',
      durationMs: 42,
    })
  })

  test('incoming requests report their outcome, and error:sent carries the wire error', async () => {
    const script = scriptedConnection()
    const engine = createJsonRpcEngine({
      connection: script.connection,
      onRequest: (request) => {
        if (request.method === 'bad') throw ProtocolError.invalidParams('nope')
        throw new Error('internal detail')
      },
    })
    engines.push(engine)
    const events = recordEvents(engine)
    script.value({ jsonrpc: '2.0', id: 1, method: 'bad' })
    script.value({ jsonrpc: '2.0', id: 2, method: 'crash' })
    await script.waitForSent(2)
    expect(eventsOfType(events, 'error:sent')).toEqual([
      { type: 'error:sent', id: 1, error: { code: -32602, message: 'nope' } },
      { type: 'error:sent', id: 2, error: { code: -32603, message: 'internal detail' } },
    ])
    const settled = eventsOfType(events, 'request:settled')
    expect(settled.map((e) => [e.direction, e.outcome])).toEqual([
      ['incoming', 'error'],
      ['incoming', 'error'],
    ])
    // Observers see the original error, stack and all; the wire never does.
    expect(settled[1]?.error).toBeInstanceOf(Error)
  })

  test('a throwing listener breaks neither the engine nor the other listeners', async () => {
    const script = scriptedConnection()
    const engine = createJsonRpcEngine({ connection: script.connection, onRequest: () => 'ok' })
    engines.push(engine)
    const reportError = vi.fn()
    vi.stubGlobal('reportError', reportError)
    engine.events.subscribe(() => {
      throw new Error('listener bug')
    })
    const events = recordEvents(engine)
    script.value({ jsonrpc: '2.0', id: 1, method: 'x' })
    expect(await script.waitForSent(1)).toEqual({ jsonrpc: '2.0', id: 1, result: 'ok' })
    expect(events.length).toBeGreaterThan(0)
    expect(reportError).toHaveBeenCalled()
    vi.unstubAllGlobals()
  })
})
