import { afterEach, describe, expect, test, vi } from 'vitest'
import { ConfigError } from '../../src/core/errors/config-error.ts'
import { serveStdio } from '../../src/node/stdio-server.ts'
import { delay, MODERN_META, StdioHarness, testServer } from './stdio-server-harness.ts'

let harness: StdioHarness | undefined

function start(...args: ConstructorParameters<typeof StdioHarness>): StdioHarness {
  harness = new StdioHarness(...args)
  return harness
}

afterEach(async () => {
  if (harness === undefined) return
  await harness.stdio.close()
  expect(harness.strayLines).toEqual([])
  harness = undefined
})

describe('bad input', () => {
  test('a malformed line gets -32700 without an id, and the server keeps serving', async () => {
    const h = start(testServer())
    h.write('{"jsonrpc":"2.0","id":1,"method":\n')
    const error = await h.next((m) => m.error !== undefined)
    expect(error).toEqual({
      jsonrpc: '2.0',
      error: { code: -32700, message: 'Parse error: Invalid JSON' },
    })
    expect(h.logs.some((line) => line.includes('parse-error'))).toBe(true)
    const next = await h.modern('tools/call', { name: 'echo', arguments: { text: 'still here' } })
    expect(next.result?.content).toEqual([{ type: 'text', text: 'still here' }])
  })

  test('an invalid message gets -32600 and a line over the limit is skipped', async () => {
    const h = start(testServer(), { maxMessageBytes: 200 })
    h.write({ jsonrpc: '1.0', id: 7, method: 'ping' })
    expect((await h.next((m) => m.id === 7)).error?.code).toBe(-32600)
    h.write(`{"jsonrpc":"2.0","id":8,"method":"ping","params":{"pad":"${'x'.repeat(300)}"}}\n`)
    expect((await h.next((m) => m.error !== undefined)).error?.code).toBe(-32600)
    expect((await h.request('ping')).result).toEqual({})
  })
})

describe('batches', () => {
  test('refused before initialize and after a revision without batches', async () => {
    const h = start(testServer())
    h.write([{ jsonrpc: '2.0', id: 1, method: 'ping' }])
    const refused = await h.next((m) => m.error !== undefined)
    expect(refused).toEqual({
      jsonrpc: '2.0',
      error: { code: -32600, message: expect.stringMatching(/batches are not supported/) },
    })
    await h.initialize('2025-06-18')
    h.write([{ jsonrpc: '2.0', id: 2, method: 'ping' }])
    expect((await h.next((m) => m.error !== undefined)).error?.code).toBe(-32600)
  })

  test('served to a client that negotiated 2025-03-26', async () => {
    const h = start(testServer())
    await h.initialize('2025-03-26')
    const answers: unknown[] = []
    h.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n'))
        if (line.startsWith('[')) answers.push(JSON.parse(line))
    })
    h.write([
      { jsonrpc: '2.0', id: 'a', method: 'ping' },
      {
        jsonrpc: '2.0',
        id: 'b',
        method: 'tools/call',
        params: { name: 'echo', arguments: { text: 'x' } },
      },
      { jsonrpc: '2.0', method: 'notifications/roots/list_changed' },
    ])
    await vi.waitFor(() => expect(answers.length).toBeGreaterThan(0))
    expect(answers).toEqual([
      [
        { jsonrpc: '2.0', id: 'a', result: {} },
        { jsonrpc: '2.0', id: 'b', result: { content: [{ type: 'text', text: 'x' }] } },
      ],
    ])
  })
})

describe('subscriptions/listen over stdio', () => {
  test('acknowledged, tagged with its id, ended by notifications/cancelled', async () => {
    const server = testServer()
    const h = start(server)
    h.write({
      jsonrpc: '2.0',
      id: 'listen-1',
      method: 'subscriptions/listen',
      params: {
        _meta: MODERN_META,
        notifications: { toolsListChanged: true, resourceSubscriptions: ['test://greeting'] },
      },
    })
    const ack = await h.next((m) => m.method === 'notifications/subscriptions/acknowledged')
    expect(ack.params).toEqual({
      _meta: { 'io.modelcontextprotocol/subscriptionId': 'listen-1' },
      notifications: { toolsListChanged: true, resourceSubscriptions: ['test://greeting'] },
    })
    server.tool('added', () => 'x')
    const changed = await h.next((m) => m.method === 'notifications/tools/list_changed')
    expect(changed.params).toEqual({
      _meta: { 'io.modelcontextprotocol/subscriptionId': 'listen-1' },
    })
    server.resourceUpdated('test://greeting')
    const updated = await h.next((m) => m.method === 'notifications/resources/updated')
    expect(updated.params).toEqual({
      _meta: { 'io.modelcontextprotocol/subscriptionId': 'listen-1' },
      uri: 'test://greeting',
    })
    // Prompts were not asked for: nothing is sent.
    server.prompt('new-prompt', {}, () => [])
    h.notify('notifications/cancelled', { requestId: 'listen-1' })
    await delay(20)
    server.tool('after-cancel', () => 'x')
    await delay(20)
    expect(h.messages.map((m) => m.method)).toEqual([])
    expect(h.messages.some((m) => m.id === 'listen-1')).toBe(false)
  })

  test('ends with a complete result when the server stops', async () => {
    const h = start(testServer())
    const closing = h.next((m) => m.id === 7)
    h.write({
      jsonrpc: '2.0',
      id: 7,
      method: 'subscriptions/listen',
      params: { _meta: MODERN_META, notifications: { promptsListChanged: true } },
    })
    await h.next((m) => m.method === 'notifications/subscriptions/acknowledged')
    await h.stdio.close()
    expect(await closing).toEqual({
      jsonrpc: '2.0',
      id: 7,
      result: { resultType: 'complete', _meta: { 'io.modelcontextprotocol/subscriptionId': 7 } },
    })
  })

  test('is a modern method: a legacy client gets -32601', async () => {
    const h = start(testServer())
    await h.initialize()
    const response = await h.request('subscriptions/listen', { notifications: {} })
    expect(response.error?.code).toBe(-32601)
  })
})

describe('stopping', () => {
  test('end of input: what was read is answered, then stdout ends and closed resolves', async () => {
    const h = start(testServer())
    const slow = h.next((m) => m.id === 'slow')
    h.write({
      jsonrpc: '2.0',
      id: 'slow',
      method: 'tools/call',
      params: { name: 'wait', arguments: { ms: 100 }, _meta: MODERN_META },
    })
    // The last line has no newline: it still counts.
    const last = {
      jsonrpc: '2.0',
      id: 'last',
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'last' }, _meta: MODERN_META },
    }
    h.stdin.end(JSON.stringify(last))
    await h.stdio.closed
    await h.stdoutEnded
    expect((await slow).result?.content).toEqual([{ type: 'text', text: 'waited 100 ms' }])
    expect(h.messages.find((m) => m.id === 'last')?.result?.content).toEqual([
      { type: 'text', text: 'last' },
    ])
  })

  test('aborting the signal stops the server; requests still running past the deadline are cut off', async () => {
    const controller = new AbortController()
    const h = start(testServer(), { signal: controller.signal, shutdownTimeoutMs: 100 })
    h.write({
      jsonrpc: '2.0',
      id: 'forever',
      method: 'tools/call',
      params: { name: 'wait', arguments: { ms: 60_000 }, _meta: MODERN_META },
    })
    await delay(20)
    const started = Date.now()
    controller.abort()
    await h.stdio.closed
    // The deadline was honoured (no earlier), and the 60 s tool was cut off rather than awaited:
    // its response never appears below.
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
    await h.stdoutEnded
    expect(h.messages.some((m) => m.id === 'forever')).toBe(false)
  })

  test('close() is idempotent and resolves closed; an aborted signal stops at once', async () => {
    const h = start(testServer())
    await Promise.all([h.stdio.close(), h.stdio.close()])
    await expect(h.stdio.closed).resolves.toBeUndefined()
    const stopped = new StdioHarness(testServer(), { signal: AbortSignal.abort() })
    await stopped.stdio.closed
    await stopped.stdoutEnded
  })

  test('options are checked once', () => {
    expect(() => serveStdio(testServer(), { shutdownTimeoutMs: -1 })).toThrow(ConfigError)
    expect(() => serveStdio(testServer(), { requestTimeoutMs: 0 })).toThrow(/requestTimeoutMs/)
    expect(() => serveStdio(testServer(), { log: 'x' as never })).toThrow(/`log`/)
  })
})
