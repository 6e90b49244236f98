import { describe, expect, test, vi } from 'vitest'
import { isAbortError, isTimeoutError } from '../../../src/core/errors/guards.ts'
import { TransportError } from '../../../src/core/errors/transport-error.ts'
import { abortedError, linkSignals, sleep } from '../../../src/transports/streamable-http/abort.ts'
import { ManualEnvironment } from '../support/manual-environment.ts'

describe('linkSignals', () => {
  test('aborts with the first source that aborts, and then detaches from all', () => {
    const a = new AbortController()
    const b = new AbortController()
    const removeA = vi.spyOn(a.signal, 'removeEventListener')
    const removeB = vi.spyOn(b.signal, 'removeEventListener')
    const link = linkSignals(a.signal, undefined, b.signal)
    b.abort('stop')
    expect(link.signal.aborted).toBe(true)
    expect(link.signal.reason).toBe('stop')
    expect(removeA).toHaveBeenCalledTimes(1)
    expect(removeB).toHaveBeenCalledTimes(1)
  })

  test('release detaches without aborting; many links leave no listeners behind', () => {
    const lifetime = new AbortController()
    const add = vi.spyOn(lifetime.signal, 'addEventListener')
    const remove = vi.spyOn(lifetime.signal, 'removeEventListener')
    for (let i = 0; i < 100; i += 1) linkSignals(lifetime.signal).release()
    expect(add).toHaveBeenCalledTimes(100)
    expect(remove).toHaveBeenCalledTimes(100)
    const link = linkSignals(lifetime.signal)
    link.release()
    lifetime.abort()
    expect(link.signal.aborted).toBe(false)
  })

  test('its own abort leaves the sources alone; an aborted source aborts it at once', () => {
    const source = new AbortController()
    const link = linkSignals(source.signal)
    link.abort('mine')
    expect(link.signal.reason).toBe('mine')
    expect(source.signal.aborted).toBe(false)
    expect(linkSignals(AbortSignal.abort('early')).signal.reason).toBe('early')
  })
})

describe('abortedError and sleep', () => {
  test('keeps mcpkit reasons, maps timeouts, wraps the rest as AbortError', () => {
    const closed = new TransportError('closed')
    expect(abortedError(AbortSignal.abort(closed), 'op')).toBe(closed)
    const timeout = new DOMException('timed out', 'TimeoutError')
    expect(isTimeoutError(abortedError(AbortSignal.abort(timeout), 'op'))).toBe(true)
    expect(isAbortError(abortedError(AbortSignal.abort('why'), 'op'))).toBe(true)
  })

  test('sleep waits on the environment and stops (clearing its timer) on abort', async () => {
    const environment = new ManualEnvironment()
    const done = sleep(environment, 300, new AbortController().signal)
    environment.advance(300)
    await expect(done).resolves.toBeUndefined()

    const controller = new AbortController()
    const stopped = sleep(environment, 300, controller.signal)
    expect(environment.pending).toHaveLength(1)
    controller.abort()
    await expect(stopped).rejects.toSatisfy(isAbortError)
    expect(environment.pending).toHaveLength(0)
  })
})
