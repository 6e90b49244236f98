import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { Environment } from '../../../src/core/environment.ts'
import { ConfigError } from '../../../src/core/errors/config-error.ts'
import { isTimeoutError } from '../../../src/core/errors/guards.ts'
import { createJsonRpcEngine, type JsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import { flush, type ScriptedConnection, scriptedConnection } from './harness.ts'

let script: ScriptedConnection
let engine: JsonRpcEngine | undefined

function start(options: Partial<Parameters<typeof createJsonRpcEngine>[0]> = {}): JsonRpcEngine {
  script = scriptedConnection()
  const started = createJsonRpcEngine({ connection: script.connection, ...options })
  engine = started
  return started
}

function progress(token: number, value: number) {
  script.value({
    jsonrpc: '2.0',
    method: 'notifications/progress',
    params: { progressToken: token, progress: value },
  })
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(async () => {
  await engine?.close()
  engine = undefined
  vi.useRealTimers()
})

describe('idle timeout', () => {
  test('rejects with a TimeoutError (kind idle) and cancels at the peer', async () => {
    const engine = start({ defaultTimeoutMs: 1000 })
    const pending = engine.request('tools/call').catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(999)
    expect(engine.inFlight.outgoing).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    const error = await pending
    expect(isTimeoutError(error)).toBe(true)
    expect(error).toMatchObject({ operation: 'tools/call', timeoutMs: 1000, kind: 'idle' })
    expect(await script.waitForSent(2)).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 1, reason: 'tools/call timed out after 1000 ms' },
    })
    expect(vi.getTimerCount()).toBe(0)
  })

  test('a per-request timeoutMs overrides the default', async () => {
    const engine = start({ defaultTimeoutMs: 60_000 })
    const pending = engine.request('x', undefined, { timeoutMs: 50 }).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(50)
    expect(await pending).toMatchObject({ kind: 'idle', timeoutMs: 50 })
  })

  test('a response in time clears the timer', async () => {
    const engine = start({ defaultTimeoutMs: 1000 })
    const pending = engine.request('x')
    await script.waitForSent(1)
    expect(vi.getTimerCount()).toBe(1)
    script.value({ jsonrpc: '2.0', id: 1, result: {} })
    await expect(pending).resolves.toEqual({})
    expect(vi.getTimerCount()).toBe(0)
  })

  test('Infinity disables the timeout entirely', async () => {
    const engine = start({
      defaultTimeoutMs: Number.POSITIVE_INFINITY,
      maxTotalTimeoutMs: Number.POSITIVE_INFINITY,
    })
    const pending = engine.request('x')
    await script.waitForSent(1)
    expect(vi.getTimerCount()).toBe(0)
    script.value({ jsonrpc: '2.0', id: 1, result: 1 })
    await expect(pending).resolves.toBe(1)
  })

  test('progress does not extend the timeout unless resetTimeoutOnProgress is set', async () => {
    const engine = start({ defaultTimeoutMs: 1000 })
    const onProgress = vi.fn()
    const pending = engine.request('x', undefined, { onProgress }).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(800)
    progress(1, 1)
    await vi.advanceTimersByTimeAsync(200)
    expect(onProgress).toHaveBeenCalledOnce()
    expect(await pending).toMatchObject({ kind: 'idle' })
  })
})

describe('reset on progress, with a hard maximum', () => {
  test('each progress notification restarts the idle timer', async () => {
    const engine = start({ defaultTimeoutMs: 1000, maxTotalTimeoutMs: 60_000 })
    const pending = engine.request('slow', undefined, { resetTimeoutOnProgress: true })
    await script.waitForSent(1)
    for (let step = 1; step <= 5; step += 1) {
      await vi.advanceTimersByTimeAsync(900)
      progress(1, step)
      await flush()
    }
    // 4.5 s have passed, well over the 1 s idle limit, yet the request is alive.
    expect(engine.inFlight.outgoing).toBe(1)
    script.value({ jsonrpc: '2.0', id: 1, result: 'done' })
    await expect(pending).resolves.toBe('done')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('the idle timer still fires when progress stops', async () => {
    const engine = start({ defaultTimeoutMs: 1000 })
    const pending = engine
      .request('slow', undefined, { resetTimeoutOnProgress: true })
      .catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(900)
    progress(1, 1)
    await vi.advanceTimersByTimeAsync(999)
    expect(engine.inFlight.outgoing).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await pending).toMatchObject({ kind: 'idle', timeoutMs: 1000 })
  })

  test('the total limit fires even though progress keeps arriving', async () => {
    const engine = start({ defaultTimeoutMs: 1000, maxTotalTimeoutMs: 3000 })
    const pending = engine
      .request('slow', undefined, { resetTimeoutOnProgress: true })
      .catch((e: unknown) => e)
    for (let step = 1; step <= 6; step += 1) {
      await vi.advanceTimersByTimeAsync(500)
      progress(1, step)
    }
    const error = await pending
    expect(isTimeoutError(error)).toBe(true)
    expect(error).toMatchObject({ kind: 'total', timeoutMs: 3000, operation: 'slow' })
    expect(vi.getTimerCount()).toBe(0)
  })

  test('a per-request maxTotalTimeoutMs below the idle timeout fires as total', async () => {
    const engine = start({ defaultTimeoutMs: 10_000 })
    const pending = engine
      .request('x', undefined, { maxTotalTimeoutMs: 100 })
      .catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(100)
    expect(await pending).toMatchObject({ kind: 'total', timeoutMs: 100 })
  })
})

describe('the environment seam', () => {
  test('timers and the clock come from the injected environment', async () => {
    const timers = new Map<number, { callback: () => void; delayMs: number }>()
    let nextHandle = 0
    let clock = 0
    const environment: Environment = {
      now: () => clock,
      setTimeout: (callback, delayMs) => {
        nextHandle += 1
        timers.set(nextHandle, { callback, delayMs })
        return nextHandle
      },
      clearTimeout: (handle) => void timers.delete(handle as number),
    }
    const engine = start({ environment, defaultTimeoutMs: 250 })
    const durations: number[] = []
    engine.events.subscribe((event) => {
      if (event.type === 'request:settled') durations.push(event.durationMs)
    })
    const pending = engine.request('x').catch((e: unknown) => e)
    expect([...timers.values()].map((t) => t.delayMs)).toEqual([250])
    clock = 250
    for (const timer of timers.values()) timer.callback()
    expect(await pending).toMatchObject({ kind: 'idle', timeoutMs: 250 })
    expect(timers.size).toBe(0)
    expect(durations).toEqual([250])
  })
})

describe('validation', () => {
  test.each([
    ['defaultTimeoutMs', 0],
    ['defaultTimeoutMs', -5],
    ['defaultTimeoutMs', 1.5],
    ['defaultTimeoutMs', 2 ** 31],
    ['maxTotalTimeoutMs', Number.NaN],
    ['maxMessageBytes', 0],
  ] as const)('%s = %s is refused with a ConfigError naming it', async (option, value) => {
    const connection = scriptedConnection().connection
    let thrown: unknown
    try {
      createJsonRpcEngine({ connection, [option]: value })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConfigError)
    expect(thrown).toMatchObject({ option, value })
    expect(String((thrown as Error).message)).toContain(option)
    await connection.close()
  })

  test('bad per-request timeouts reject the call', async () => {
    const engine = start()
    await expect(engine.request('x', undefined, { timeoutMs: -1 })).rejects.toBeInstanceOf(
      ConfigError,
    )
  })
})
