import { expect, test } from 'vitest'
import { createStreamConnection } from '../../../src/core/framing/stream-connection.ts'
import { createInMemoryPair } from '../../../src/core/in-memory.ts'
import { createJsonRpcEngine } from '../../../src/core/protocol/engine.ts'

// The engine, the framing and the in-memory pair use only web standards: prove it in a real browser.

test('two engines over the in-memory pair in Chromium', async () => {
  const [a, b] = createInMemoryPair({ encoding: 'text' })
  const server = createJsonRpcEngine({
    connection: b,
    onRequest: async (request) => {
      await request.reportProgress({ progress: 1 })
      return { echo: request.params }
    },
  })
  const client = createJsonRpcEngine({ connection: a })
  const progress: number[] = []
  await expect(
    client.request('x', { text: 'ünïcödé' }, { onProgress: (p) => void progress.push(p.progress) }),
  ).resolves.toEqual({ echo: { text: 'ünïcödé', _meta: { progressToken: 1 } } })
  expect(progress).toEqual([1])
  const controller = new AbortController()
  const hanging = client.request('hang', {}, { signal: controller.signal }).catch((e: unknown) => e)
  controller.abort('stop')
  expect(await hanging).toMatchObject({ name: 'AbortError', reason: 'stop' })
  await client.close()
  await server.closed
})

test('stdio framing over web streams in Chromium, with bad input answered', async () => {
  const toServer = new TransformStream<Uint8Array, Uint8Array>()
  const toClient = new TransformStream<Uint8Array, Uint8Array>()
  const server = createJsonRpcEngine({
    connection: createStreamConnection({
      readable: toServer.readable,
      writable: toClient.writable,
    }),
    onRequest: (request) => ({ method: request.method }),
  })
  const writer = toServer.writable.getWriter()
  await writer.write(new TextEncoder().encode('garbage\n{"jsonrpc":"2.0","id":1,"method":"ok"}\n'))
  const reader = toClient.readable.getReader()
  let text = ''
  while (text.split('\n').length < 3) {
    const { value } = await reader.read()
    text += new TextDecoder().decode(value)
  }
  expect(
    text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)),
  ).toEqual([
    { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: Invalid JSON' } },
    { jsonrpc: '2.0', id: 1, result: { method: 'ok' } },
  ])
  await server.close()
})
