import { describe, expect, test } from 'vitest'
import type { InboundFrame } from '../../src/core/connection.ts'
import { ConfigError } from '../../src/core/errors/config-error.ts'
import { createInMemoryPair } from '../../src/core/in-memory.ts'

const message = { jsonrpc: '2.0', method: 'notifications/initialized' } as const

async function next(iterable: AsyncIterable<InboundFrame>): Promise<InboundFrame | undefined> {
  for await (const frame of iterable) return frame
  return undefined
}

describe('createInMemoryPair', () => {
  test('value encoding hands over the very object', async () => {
    const [left, right] = createInMemoryPair()
    await left.send(message)
    const frame = await next(right)
    expect(frame).toEqual({ type: 'value', value: message })
    expect(frame?.type === 'value' && frame.value).toBe(message)
    await left.close()
  })

  test('text encoding serialises to JSON text frames, in both directions', async () => {
    const [left, right] = createInMemoryPair({ encoding: 'text' })
    await left.send(message)
    await right.send([message, message])
    expect(await next(right)).toEqual({ type: 'text', text: JSON.stringify(message) })
    expect(await next(left)).toEqual({ type: 'text', text: JSON.stringify([message, message]) })
    await right.close()
  })

  test('text encoding refuses values JSON cannot represent', async () => {
    const [left] = createInMemoryPair({ encoding: 'text' })
    await expect(left.send(undefined as never)).rejects.toMatchObject({ code: 'TRANSPORT' })
    await left.close()
  })

  test('closing one end closes both; the other end still drains what it received', async () => {
    const [left, right] = createInMemoryPair()
    await left.send(message)
    await left.close()
    await right.closed
    expect(right.signal.reason).toMatchObject({
      code: 'CONNECTION_CLOSED',
      message: 'The peer closed the connection',
    })
    const frames: InboundFrame[] = []
    for await (const frame of right) frames.push(frame)
    expect(frames).toEqual([{ type: 'value', value: message }])
    await expect(right.send(message)).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' })
  })

  test('the signal option closes both ends', async () => {
    const controller = new AbortController()
    const [left, right] = createInMemoryPair({ signal: controller.signal })
    controller.abort()
    await Promise.all([left.closed, right.closed])
    expect(left.signal.aborted && right.signal.aborted).toBe(true)
  })

  test('an unknown encoding is refused', () => {
    expect(() => createInMemoryPair({ encoding: 'binary' as never })).toThrow(ConfigError)
  })
})
