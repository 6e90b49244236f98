import { describe, expect, test, vi } from 'vitest'
import { createConnection, type InboundFrame } from '../../src/core/connection.ts'
import { isTransportError } from '../../src/core/errors/guards.ts'
import { TransportError } from '../../src/core/errors/transport-error.ts'

const ping = { jsonrpc: '2.0', id: 1, method: 'ping' } as const

describe('createConnection (push mode)', () => {
  test('delivers frames in order through the readable and async iteration', async () => {
    const { connection, deliver } = createConnection({ send: () => {} })
    deliver({ type: 'text', text: 'a' })
    deliver({ type: 'value', value: 2 })
    const reader = connection.readable.getReader()
    expect(await reader.read()).toEqual({ done: false, value: { type: 'text', text: 'a' } })
    reader.releaseLock()
    const seen: InboundFrame[] = []
    for await (const frame of connection) {
      seen.push(frame)
      break
    }
    expect(seen).toEqual([{ type: 'value', value: 2 }])
    // Breaking out of iteration releases the reader without closing the connection.
    expect(connection.signal.aborted).toBe(false)
    await connection.close()
  })

  test('close() is idempotent, ends the readable, resolves closed and aborts signal', async () => {
    const teardown = vi.fn()
    const { connection, deliver } = createConnection({ send: () => {}, teardown })
    deliver({ type: 'text', text: 'buffered' })
    const first = connection.close('bye')
    expect(connection.close()).toBe(first)
    await connection.closed
    expect(teardown).toHaveBeenCalledOnce()
    expect(connection.signal.aborted).toBe(true)
    const reason = connection.signal.reason
    expect(isTransportError(reason)).toBe(true)
    expect(reason).toMatchObject({ code: 'CONNECTION_CLOSED', cause: 'bye' })
    // Frames received before the close are still delivered, then the stream ends.
    const frames: InboundFrame[] = []
    for await (const frame of connection) frames.push(frame)
    expect(frames).toEqual([{ type: 'text', text: 'buffered' }])
    deliver({ type: 'text', text: 'after close' })
  })

  test('a TransportError reason is kept as is', async () => {
    const { connection } = createConnection({ send: () => {} })
    const failure = new TransportError('broken pipe')
    await connection.close(failure)
    expect(connection.signal.reason).toBe(failure)
  })

  test('send after close rejects with CONNECTION_CLOSED and never reaches the transport', async () => {
    const send = vi.fn()
    const { connection } = createConnection({ send })
    await connection.close()
    const error = await connection.send(ping).catch((e: unknown) => e)
    expect(isTransportError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'CONNECTION_CLOSED' })
    expect(send).not.toHaveBeenCalled()
  })

  test('transport send failures become TransportErrors, sync or async', async () => {
    const sync = createConnection({
      send: () => {
        throw new Error('sync')
      },
    }).connection
    const async = createConnection({ send: () => Promise.reject(new Error('async')) }).connection
    await expect(sync.send(ping)).rejects.toMatchObject({
      code: 'TRANSPORT',
      message: 'Sending failed: sync',
    })
    await expect(async.send(ping)).rejects.toMatchObject({
      code: 'TRANSPORT',
      cause: new Error('async'),
    })
    await Promise.all([sync.close(), async.close()])
  })

  test('passes send options through', async () => {
    const send = vi.fn()
    const { connection } = createConnection({ send })
    await connection.send(ping, { relatedRequestId: 4 })
    expect(send).toHaveBeenCalledWith(ping, { relatedRequestId: 4 })
    await connection.close()
  })

  test('the signal option closes the connection; an aborted one closes it at once', async () => {
    const controller = new AbortController()
    const live = createConnection({ send: () => {}, signal: controller.signal }).connection
    controller.abort('stop')
    await live.closed
    expect(live.signal.reason).toMatchObject({ cause: 'stop' })
    const dead = createConnection({ send: () => {}, signal: AbortSignal.abort() }).connection
    await dead.closed
    expect(dead.signal.aborted).toBe(true)
  })

  test('cancelling the readable closes the connection', async () => {
    const { connection } = createConnection({ send: () => {} })
    await connection.readable.cancel('reader done')
    await connection.closed
    expect(connection.signal.reason).toMatchObject({ cause: 'reader done' })
  })

  test('a teardown failure still resolves closed', async () => {
    const { connection } = createConnection({
      send: () => {},
      teardown: () => Promise.reject(new Error('teardown failed')),
    })
    await expect(connection.close()).resolves.toBeUndefined()
  })
})

describe('createConnection (pull mode)', () => {
  test('reads only as fast as the consumer, and closes at the end of input', async () => {
    const frames: InboundFrame[] = [
      { type: 'text', text: '1' },
      { type: 'text', text: '2' },
    ]
    const read = vi.fn(async () => frames.shift())
    const { connection } = createConnection({ send: () => {}, read })
    const reader = connection.readable.getReader()
    expect((await reader.read()).value).toEqual({ type: 'text', text: '1' })
    // One frame of read-ahead at most.
    expect(read.mock.calls.length).toBeLessThanOrEqual(2)
    expect((await reader.read()).value).toEqual({ type: 'text', text: '2' })
    expect((await reader.read()).done).toBe(true)
    await connection.closed
    expect(connection.signal.reason).toMatchObject({ code: 'CONNECTION_CLOSED' })
  })

  test('a read failure closes the connection with a TRANSPORT error', async () => {
    const { connection } = createConnection({
      send: () => {},
      read: () => Promise.reject(new Error('EIO')),
    })
    const reader = connection.readable.getReader()
    expect((await reader.read()).done).toBe(true)
    await connection.closed
    expect(connection.signal.reason).toMatchObject({ code: 'TRANSPORT', cause: new Error('EIO') })
  })
})
