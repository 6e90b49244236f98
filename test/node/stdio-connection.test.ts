import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { once } from 'node:events'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import type { InboundFrame } from '../../src/core/connection.ts'
import { createJsonRpcEngine, type JsonRpcEngine } from '../../src/core/protocol/engine.ts'
import { createStdioConnection } from '../../src/node/stdio-connection.ts'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

// A real stdio server in a child process, built from the same sources.
const SERVER = `
const { createStdioConnection } = await import(${JSON.stringify(`${SRC}node/stdio-connection.ts`)})
const { createJsonRpcEngine } = await import(${JSON.stringify(`${SRC}core/protocol/engine.ts`)})
const maxMessageBytes = Number(process.env.MAX_BYTES ?? 1048576)
const engine = createJsonRpcEngine({
  connection: createStdioConnection({ maxMessageBytes }),
  onRequest: async (request) => {
    switch (request.method) {
      case 'echo': return request.params
      case 'big': return { data: 'é'.repeat(request.params.size) }
      case 'progress':
        for (let i = 1; i <= 3; i += 1) await request.reportProgress({ progress: i, total: 3 })
        return { done: true }
      case 'ask': return { answer: await request.request('client/question', { q: 'name?' }) }
      case 'hang': return new Promise(() => {})
    }
    throw new Error('unknown method ' + request.method)
  },
})
await engine.closed
process.stderr.write('server closed\\n')
`

interface Peer {
  readonly child: ChildProcessWithoutNullStreams
  readonly client: JsonRpcEngine
  readonly stderr: () => string
}

const peers: Peer[] = []
afterEach(async () => {
  for (const { child, client } of peers.splice(0)) {
    await client.close()
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await once(child, 'exit')
    }
  }
})

function startServer(env: Record<string, string> = {}): Peer {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SERVER], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, ...env },
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const client = createJsonRpcEngine({
    connection: createStdioConnection({ stdin: child.stdout, stdout: child.stdin }),
    onRequest: (request) => (request.method === 'client/question' ? 'mcpkit' : undefined),
    defaultTimeoutMs: 20_000,
  })
  const peer = { child, client, stderr: () => stderr }
  peers.push(peer)
  return peer
}

describe('createStdioConnection against a real child process', () => {
  test('requests, progress and server-to-client requests cross the pipes', async () => {
    const { client } = startServer()
    const params = { text: 'ünïcödé 😀 and a\nnewline' }
    await expect(client.request('echo', params)).resolves.toEqual(params)
    const progress: number[] = []
    await expect(
      client.request('progress', {}, { onProgress: (p) => void progress.push(p.progress) }),
    ).resolves.toEqual({ done: true })
    expect(progress).toEqual([1, 2, 3])
    await expect(client.request('ask')).resolves.toEqual({ answer: 'mcpkit' })
    await expect(client.request('nope')).rejects.toMatchObject({
      code: -32603,
      message: 'unknown method nope',
    })
  })

  test('large messages in both directions and many concurrent requests', async () => {
    const { client } = startServer({ MAX_BYTES: String(8 * 1024 * 1024) })
    const size = 1_500_000
    const big = (await client.request('big', { size })) as { data: string }
    expect(big.data.length).toBe(size)
    const payload = { blob: 'z'.repeat(2_000_000) }
    await expect(client.request('echo', payload)).resolves.toEqual(payload)
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => client.request('echo', { i })),
    )
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => ({ i })))
  })

  test('garbage and oversized lines are answered while a legit request completes', async () => {
    const { child, client } = startServer({ MAX_BYTES: '256' })
    const replies: unknown[] = []
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n'))
        if (line.includes('"id":null')) replies.push(JSON.parse(line))
    })
    const legit = client.request('echo', { ok: true })
    child.stdin.write('this is not json\n')
    child.stdin.write(
      `{"jsonrpc":"2.0","id":99,"method":"echo","params":{"x":"${'x'.repeat(1000)}"}}\n`,
    )
    await expect(legit).resolves.toEqual({ ok: true })
    await expect(client.request('echo', { after: 1 })).resolves.toEqual({ after: 1 })
    await expect.poll(() => replies.length).toBe(2)
    expect(replies).toEqual([
      { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: Invalid JSON' } },
      {
        jsonrpc: '2.0',
        id: null,
        error: expect.objectContaining({
          code: -32600,
          message: expect.stringMatching(/too large/),
        }),
      },
    ])
  })

  test('closing the client ends the child stdin and the server exits cleanly', async () => {
    const { child, client, stderr } = startServer()
    await expect(client.request('echo', {})).resolves.toEqual({})
    const exited = once(child, 'exit')
    await client.close()
    const [code] = await exited
    expect(code).toBe(0)
    expect(stderr()).toContain('server closed')
  })

  test('a crashing server closes the client and rejects what was pending', async () => {
    const { child, client } = startServer()
    await expect(client.request('echo', {})).resolves.toEqual({})
    const pending = client.request('hang').catch((e: unknown) => e)
    child.kill('SIGKILL')
    await client.closed
    expect(await pending).toMatchObject({ name: 'TransportError', code: 'CONNECTION_CLOSED' })
  })
})

describe('createStdioConnection with in-process streams', () => {
  test('reads lines from the input and writes lines to the output', async () => {
    const input = new PassThrough()
    const output = new PassThrough()
    const connection = createStdioConnection({ stdin: input, stdout: output })
    const written: string[] = []
    output.on('data', (chunk: Buffer) => written.push(chunk.toString()))
    input.write('{"a":1}\n{"b":')
    input.end('2}\n')
    const frames: InboundFrame[] = []
    for await (const frame of connection) frames.push(frame)
    expect(frames).toEqual([
      { type: 'text', text: '{"a":1}' },
      { type: 'text', text: '{"b":2}' },
    ])
    await connection.closed
    await expect(connection.send({ jsonrpc: '2.0', method: 'x' })).rejects.toMatchObject({
      code: 'CONNECTION_CLOSED',
    })
    await expect.poll(() => output.writableEnded).toBe(true)
  })

  test('pauses the input while frames wait to be read', async () => {
    const input = new PassThrough({ highWaterMark: 64 })
    const connection = createStdioConnection({ stdin: input, stdout: new PassThrough() })
    const line = `${JSON.stringify({ pad: 'p'.repeat(100) })}\n`
    let accepted = 0
    while (input.write(line) && accepted < 10_000) accepted += 1
    // The writer was told to back off long before 10 000 lines: nobody is reading frames.
    expect(accepted).toBeLessThan(100)
    await connection.close()
    expect(input.destroyed).toBe(true)
  })

  test('an output error closes the connection instead of crashing', async () => {
    const output = new PassThrough()
    const connection = createStdioConnection({ stdin: new PassThrough(), stdout: output })
    output.destroy(new Error('EPIPE'))
    await connection.closed
    expect(connection.signal.reason).toMatchObject({ code: 'TRANSPORT' })
  })
})
