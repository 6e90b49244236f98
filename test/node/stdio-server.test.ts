import { afterEach, describe, expect, test } from 'vitest'
import { delay, type Message, StdioHarness, testServer } from './stdio-server-harness.ts'

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

describe('modern era (2026-07-28) over stdio', () => {
  test('server/discover is answered statelessly, with no initialize', async () => {
    const h = start(testServer())
    const response = await h.modern('server/discover')
    expect(response.result).toMatchObject({
      supportedVersions: expect.arrayContaining(['2026-07-28']),
      capabilities: { tools: {}, resources: {}, prompts: {} },
      resultType: 'complete',
    })
    expect(h.stdio.legacyRevision).toBeUndefined()
  })

  test('tools, resources and prompts', async () => {
    const h = start(testServer())
    const list = await h.modern('tools/list')
    expect((list.result?.tools as { name: string }[] | undefined)?.map((t) => t.name)).toEqual([
      'echo',
      'count',
      'wait',
      'ask',
    ])
    const call = await h.modern('tools/call', { name: 'echo', arguments: { text: 'hi' } })
    expect(call.result).toMatchObject({
      content: [{ type: 'text', text: 'hi' }],
      resultType: 'complete',
    })
    const read = await h.modern('resources/read', { uri: 'test://greeting' })
    expect(read.result?.contents).toEqual([
      { uri: 'test://greeting', mimeType: 'text/plain', text: 'Hello from stdio' },
    ])
    const prompt = await h.modern('prompts/get', { name: 'greet', arguments: { who: 'Ada' } })
    expect(prompt.result?.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Greet Ada' } },
    ])
  })

  test('progress, and log messages only at the level the request asked for', async () => {
    const h = start(testServer())
    const response = await h.modern(
      'tools/call',
      { name: 'count', arguments: { to: 2 } },
      { progressToken: 'p1', 'io.modelcontextprotocol/logLevel': 'info' },
    )
    expect(response.result?.content).toEqual([{ type: 'text', text: 'counted to 2' }])
    const progress = h.messages.filter((m) => m.method === 'notifications/progress')
    expect(progress.map((m) => m.params)).toEqual([
      { progressToken: 'p1', progress: 1, total: 2, message: 'step 1' },
      { progressToken: 'p1', progress: 2, total: 2, message: 'step 2' },
    ])
    const logs = h.messages.filter((m) => m.method === 'notifications/message')
    expect(logs.map((m) => m.params?.data)).toEqual(['counted 1', 'counted 2'])

    h.messages.length = 0
    await h.modern('tools/call', { name: 'count', arguments: { to: 1 } })
    expect(h.messages.filter((m) => m.method === 'notifications/message')).toEqual([])
  })

  test('bad _meta: -32602 for a missing field, -32022 for an unknown version', async () => {
    const h = start(testServer())
    const missing = await h.request('tools/list', {
      _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
    })
    expect(missing.error?.code).toBe(-32602)
    const unknown = await h.modern(
      'tools/list',
      {},
      {
        'io.modelcontextprotocol/protocolVersion': '1999-01-01',
      },
    )
    expect(unknown.error).toMatchObject({
      code: -32022,
      data: { supported: ['2026-07-28'], requested: '1999-01-01' },
    })
  })

  test('methods removed in 2026-07-28 are unknown (-32601)', async () => {
    const h = start(testServer())
    for (const method of ['ping', 'initialize', 'logging/setLevel', 'resources/subscribe']) {
      const response = await h.modern(
        method,
        method === 'logging/setLevel' ? { level: 'info' } : {},
      )
      expect(response.error?.code, method).toBe(-32601)
    }
  })

  test('client input is a multi round-trip result; the server never writes a request', async () => {
    const h = start(testServer())
    const response = await h.modern(
      'tools/call',
      { name: 'ask', arguments: {} },
      { 'io.modelcontextprotocol/clientCapabilities': { elicitation: {} } },
    )
    expect(response.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { 'elicit-1': { method: 'elicitation/create' } },
    })
    expect(h.messages.some((m) => m.method !== undefined && m.id !== undefined)).toBe(false)
  })

  test('notifications/cancelled aborts the handler and suppresses its response', async () => {
    const h = start(testServer())
    const id = 'slow-1'
    h.write({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'wait', arguments: { ms: 10_000 }, _meta: { ...harnessMeta() } },
    })
    await delay(50)
    h.notify('notifications/cancelled', { requestId: id, reason: 'changed my mind' })
    const after = await h.modern('tools/call', { name: 'echo', arguments: { text: 'next' } })
    expect(after.result?.content).toEqual([{ type: 'text', text: 'next' }])
    await delay(50)
    expect(h.messages.some((m) => m.id === id)).toBe(false)
  })
})

describe('legacy era over stdio', () => {
  test('only ping before initialize', async () => {
    const h = start(testServer())
    expect((await h.request('ping')).result).toEqual({})
    const early = await h.request('tools/list')
    expect(early.error?.code).toBe(-32600)
    expect(early.error?.message).toMatch(/initialize/)
  })

  test('initialize negotiates the version; later requests follow it', async () => {
    const h = start(testServer())
    const init = await h.initialize('2025-06-18')
    expect(init.result).toMatchObject({
      protocolVersion: '2025-06-18',
      serverInfo: { name: 'stdio-test', version: '1.0.0' },
      capabilities: { tools: { listChanged: true } },
    })
    expect(h.stdio.legacyRevision).toBe('2025-06-18')
    const call = await h.request('tools/call', { name: 'echo', arguments: { text: 'legacy' } })
    expect(call.result).toEqual({ content: [{ type: 'text', text: 'legacy' }] })
    const read = await h.request('resources/read', { uri: 'test://missing' })
    expect(read.error?.code).toBe(-32002)
    const again = await h.initialize('2025-06-18')
    expect(again.error?.code).toBe(-32600)
  })

  test('an unknown version is answered with the newest legacy one', async () => {
    const h = start(testServer())
    const init = await h.initialize('2099-01-01')
    expect(init.result?.protocolVersion).toBe('2025-11-25')
  })

  test('logging/setLevel filters log messages for the process session', async () => {
    const h = start(testServer())
    await h.initialize()
    expect((await h.request('logging/setLevel', { level: 'warning' })).result).toEqual({})
    await h.request('tools/call', { name: 'count', arguments: { to: 1 } })
    expect(h.messages.filter((m) => m.method === 'notifications/message')).toEqual([])
  })

  test('server.log reaches the initialized client at its level, and no one before initialize', async () => {
    const server = testServer()
    const h = start(server)
    server.log('error', 'too early')
    await h.initialize()
    await h.request('logging/setLevel', { level: 'warning' })
    server.log('info', 'below the level')
    server.log('critical', { job: 'backup' }, { logger: 'jobs' })
    const logged = await h.next((m) => m.method === 'notifications/message')
    expect(logged.params).toEqual({ level: 'critical', data: { job: 'backup' }, logger: 'jobs' })
    expect(h.messages.some((m) => m.method === 'notifications/message')).toBe(false)
  })

  test('server→client requests go through the engine (elicitation)', async () => {
    const h = start(testServer())
    await h.initialize('2025-11-25', { elicitation: {} })
    const response = h.request('tools/call', { name: 'ask', arguments: {} })
    const ask = await h.next((m) => m.method === 'elicitation/create')
    expect(ask.params).toMatchObject({ message: 'Your name?' })
    h.write({ jsonrpc: '2.0', id: ask.id, result: { action: 'accept', content: { name: 'Ada' } } })
    expect((await response).result?.content).toEqual([{ type: 'text', text: 'hello Ada' }])
  })

  test('list changes and resource updates reach the initialized client', async () => {
    const server = testServer()
    const h = start(server)
    server.tool('early', () => 'x')
    await delay(10)
    expect(h.messages.filter((m) => m.method === 'notifications/tools/list_changed')).toEqual([])

    await h.initialize()
    server.tool('late', () => 'x')
    const changed = await h.next((m) => m.method === 'notifications/tools/list_changed')
    expect(changed.params).toBeUndefined()

    await h.request('resources/subscribe', { uri: 'test://greeting' })
    server.resourceUpdated('test://greeting')
    server.resourceUpdated('test://other')
    const updated = await h.next((m) => m.method === 'notifications/resources/updated')
    expect(updated.params).toEqual({ uri: 'test://greeting' })
    await delay(10)
    expect(h.messages.some((m) => m.method === 'notifications/resources/updated')).toBe(false)
  })
})

describe('both eras on one process', () => {
  test('a modern request after a legacy initialize is still served statelessly', async () => {
    const h = start(testServer())
    await h.initialize('2025-03-26')
    const legacy = await h.request('tools/call', { name: 'echo', arguments: { text: 'a' } })
    expect(legacy.result).not.toHaveProperty('resultType')
    const modern = await h.modern('tools/call', { name: 'echo', arguments: { text: 'b' } })
    expect(modern.result).toMatchObject({ resultType: 'complete' })
    expect(
      (modern.result?._meta as Message | undefined)?.['io.modelcontextprotocol/serverInfo'],
    ).toMatchObject({
      name: 'stdio-test',
    })
    expect(h.stdio.legacyRevision).toBe('2025-03-26')
  })
})

function harnessMeta(): Record<string, unknown> {
  return {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientCapabilities': {},
  }
}
