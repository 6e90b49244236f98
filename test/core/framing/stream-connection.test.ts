import { describe, expect, test, vi } from 'vitest'
import type { InboundFrame } from '../../../src/core/connection.ts'
import { ConfigError } from '../../../src/core/errors/config-error.ts'
import { createStreamConnection, encodeLine } from '../../../src/core/framing/stream-connection.ts'
import { createJsonRpcEngine } from '../../../src/core/protocol/engine.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function readableOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

function collectingWritable() {
  const written: string[] = []
  const close = vi.fn()
  const writable = new WritableStream<Uint8Array>({
    write: (chunk) => void written.push(decoder.decode(chunk)),
    close,
  })
  return { writable, written, close }
}

async function readAll(iterable: AsyncIterable<InboundFrame>): Promise<InboundFrame[]> {
  const frames: InboundFrame[] = []
  for await (const frame of iterable) frames.push(frame)
  return frames
}

describe('createStreamConnection', () => {
  test('yields one text frame per line and closes at the end of input', async () => {
    const { writable, close } = collectingWritable()
    const connection = createStreamConnection({
      readable: readableOf(['{"a":1}\n{"b"', ':2}\r\n', '\n{"c":3}']),
      writable,
    })
    expect(await readAll(connection)).toEqual([
      { type: 'text', text: '{"a":1}' },
      { type: 'text', text: '{"b":2}' },
      { type: 'text', text: '{"c":3}' },
    ])
    await connection.closed
    expect(connection.signal.reason).toMatchObject({ code: 'CONNECTION_CLOSED' })
    await expect.poll(() => close.mock.calls.length).toBe(1)
  })

  test('writes each message as compact JSON on its own line', async () => {
    const { writable, written } = collectingWritable()
    const connection = createStreamConnection({ readable: readableOf([]), writable })
    const message = { jsonrpc: '2.0', method: 'x', params: { text: 'line1\nline2' } } as const
    await connection.send(message)
    expect(written).toEqual(['{"jsonrpc":"2.0","method":"x","params":{"text":"line1\\nline2"}}\n'])
    expect(decoder.decode(encodeLine(message)).split('\n')).toHaveLength(2)
    await connection.close()
  })

  test('an oversized line reaches the reader as an oversized frame', async () => {
    const { writable } = collectingWritable()
    const connection = createStreamConnection({
      readable: readableOf([`${'x'.repeat(40)}\n`, '{"ok":true}\n']),
      writable,
      maxMessageBytes: 16,
    })
    expect(await readAll(connection)).toEqual([
      { type: 'oversized', byteLength: 40 },
      { type: 'text', text: '{"ok":true}' },
    ])
  })

  test('reads the byte stream only as fast as frames are consumed', async () => {
    let pulls = 0
    const readable = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls += 1
          controller.enqueue(encoder.encode(`{"n":${pulls}}\n`))
        },
      },
      { highWaterMark: 0 },
    )
    const connection = createStreamConnection({ readable, writable: collectingWritable().writable })
    const reader = connection.readable.getReader()
    expect(await reader.read()).toEqual({ done: false, value: { type: 'text', text: '{"n":1}' } })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(pulls).toBeLessThanOrEqual(3)
    reader.releaseLock()
    await connection.close()
  })

  test('close() cancels the input and closes the output', async () => {
    const cancel = vi.fn()
    const readable = new ReadableStream<Uint8Array>({ cancel })
    const { writable, close } = collectingWritable()
    const connection = createStreamConnection({ readable, writable })
    await connection.close()
    expect(cancel).toHaveBeenCalledOnce()
    await expect.poll(() => close.mock.calls.length).toBe(1)
    await expect(connection.send({ jsonrpc: '2.0', method: 'x' })).rejects.toMatchObject({
      code: 'CONNECTION_CLOSED',
    })
  })

  test('close() does not hang on an output that stopped draining', async () => {
    const writable = new WritableStream<Uint8Array>({ write: () => new Promise(() => {}) })
    const connection = createStreamConnection({ readable: new ReadableStream(), writable })
    const stuck = connection.send({ jsonrpc: '2.0', method: 'x' })
    await expect(connection.close()).resolves.toBeUndefined()
    expect(connection.signal.aborted).toBe(true)
    void stuck
  })

  test('a failing output closes the connection with a TRANSPORT error', async () => {
    const writable = new WritableStream<Uint8Array>({
      write: () => Promise.reject(new Error('EPIPE')),
    })
    const connection = createStreamConnection({ readable: new ReadableStream(), writable })
    await expect(connection.send({ jsonrpc: '2.0', method: 'x' })).rejects.toMatchObject({
      code: 'TRANSPORT',
    })
    await connection.closed
    expect(connection.signal.reason).toMatchObject({ code: 'TRANSPORT' })
  })

  test('the signal option closes it', async () => {
    const controller = new AbortController()
    const connection = createStreamConnection({
      readable: new ReadableStream(),
      writable: collectingWritable().writable,
      signal: controller.signal,
    })
    controller.abort()
    await connection.closed
    expect(connection.signal.aborted).toBe(true)
  })

  test('maxMessageBytes is validated', () => {
    expect(() =>
      createStreamConnection({
        readable: new ReadableStream(),
        writable: collectingWritable().writable,
        maxMessageBytes: -1,
      }),
    ).toThrow(ConfigError)
  })

  test('two engines talk over a pair of byte pipes', async () => {
    const toServer = new TransformStream<Uint8Array, Uint8Array>()
    const toClient = new TransformStream<Uint8Array, Uint8Array>()
    const server = createJsonRpcEngine({
      connection: createStreamConnection({
        readable: toServer.readable,
        writable: toClient.writable,
      }),
      onRequest: async (request) => {
        await request.reportProgress({ progress: 1 })
        return { echo: request.params }
      },
    })
    const client = createJsonRpcEngine({
      connection: createStreamConnection({
        readable: toClient.readable,
        writable: toServer.writable,
      }),
    })
    const progress: number[] = []
    const params = { text: 'multi-line\nand ünïcödé 😀' }
    await expect(
      client.request('echo', params, { onProgress: (p) => void progress.push(p.progress) }),
    ).resolves.toEqual({ echo: { ...params, _meta: { progressToken: 1 } } })
    expect(progress).toEqual([1])
    await client.close()
    await server.closed
  })
})
