// The transport over real HTTP on loopback, through the Node adapter: disconnects, chunked bodies,
// and many abandoned streams.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, test } from 'vitest'
import { type ServedHandle, serve } from '../../../src/node/serve.ts'
import type { McpServer } from '../../../src/server/http/create-server.ts'
import {
  delay,
  initializeBody,
  type Json,
  META,
  MODERN,
  SseReader,
  type ToolProbes,
  testServer,
} from './harness.ts'

let server: McpServer
let probes: ToolProbes
let served: ServedHandle | undefined

afterEach(async () => {
  probes?.release()
  await server?.close({ deadlineMs: 0 })
  served?.server.closeAllConnections()
  await served?.close()
  served = undefined
})

async function start(options: Parameters<typeof testServer>[0] = {}): Promise<string> {
  ;({ server, probes } = testServer(options))
  served = await serve(server, { host: '127.0.0.1', port: 0 })
  return `${served.url}mcp`
}

function modernInit(
  method: string,
  params: Record<string, unknown>,
  id: number | string = 1,
): RequestInit {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': MODERN,
    'mcp-method': method,
  }
  if (typeof params.name === 'string') headers['mcp-name'] = params.name
  return {
    method: 'POST',
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method,
      params: { ...params, _meta: { ...META, ...(params._meta as object) } },
    }),
  }
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await delay(5)
  }
}

describe('over real HTTP', () => {
  test('a modern call is answered with JSON', async () => {
    const url = await start()
    const response = await fetch(
      url,
      modernInit('tools/call', { name: 'echo', arguments: { text: 'net' } }),
    )
    expect(response.status).toBe(200)
    expect(((await response.json()) as Json).result.content[0].text).toBe('echo: net')
  })

  test('closing a modern SSE reply cancels the tool', async () => {
    const url = await start()
    const controller = new AbortController()
    const response = await fetch(url, {
      ...modernInit('tools/call', { name: 'gate', arguments: {}, _meta: { progressToken: 'p' } }),
      signal: controller.signal,
    })
    const reader = new SseReader(response)
    expect((await reader.nextMessage())?.method).toBe('notifications/progress')
    controller.abort()
    await until(() => server.stats.inFlight === 0 && server.stats.openStreams === 0)
    expect(server.stats.slotsInUse).toBe(0)
  })

  test('a client that disconnects while a JSON answer is pending cancels the request', async () => {
    const url = await start()
    const controller = new AbortController()
    const pending = fetch(url, {
      ...modernInit('tools/call', { name: 'wait', arguments: {} }),
      signal: controller.signal,
    })
    await until(() => server.stats.inFlight === 1)
    controller.abort()
    await expect(pending).rejects.toThrow()
    await until(() => probes.aborted.length === 1)
    await until(() => server.stats.inFlight === 0)
  })

  test('413 for a chunked body past maxBodyBytes, and for a declared one', async () => {
    const url = await start({ config: { maxBodyBytes: 2048 } })
    const chunk = new TextEncoder().encode(' '.repeat(1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++
        if (sent > 64) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const chunked = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    const declared = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: ' '.repeat(4096),
    })
    expect(declared.status).toBe(413)
  })

  test('a legacy session: initialize, SSE reply, DELETE, then 404', async () => {
    const url = await start()
    const init = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify(initializeBody('2025-06-18')),
    })
    const session = init.headers.get('mcp-session-id') ?? ''
    expect(session).not.toBe('')
    const headers = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-session-id': session,
      'mcp-protocol-version': '2025-06-18',
    }
    const call = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'progress', arguments: {}, _meta: { progressToken: 9 } },
      }),
    })
    const events = await new SseReader(call).rest()
    expect(events[0]).toMatchObject({ data: '' })
    expect(JSON.parse(events.at(-1)?.data ?? '')).toMatchObject({ id: 1, result: {} })
    expect((await fetch(url, { method: 'DELETE', headers })).status).toBe(204)
    const after = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }),
    })
    expect(after.status).toBe(404)
  })

  test('1,000 abandoned SSE streams leave the server and its heap at baseline', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    ;({ server, probes } = testServer({ config: { maxClients: 2000 } }))
    // Every stream body the server hands out, weakly: a stream the server kept would stay alive.
    const bodies: WeakRef<object>[] = []
    served = await serve(
      async (request: Request) => {
        const response = await server.handle(request)
        if (response.body !== null) bodies.push(new WeakRef(response.body))
        return response
      },
      { host: '127.0.0.1', port: 0 },
    )
    const url = `${served.url}mcp`
    const heapAfterGc = async () => {
      for (let i = 0; i < 3; i++) {
        gc()
        await delay(10)
      }
      return process.memoryUsage().heapUsed
    }
    // Warm-up: the first few hundred streams grow code, caches and connection pools that stay.
    for (let round = 0; round < 5; round++) await openAndAbandon(url, 100)
    await until(() => server.stats.openStreams === 0)
    const baseline = await heapAfterGc()
    bodies.length = 0
    for (let round = 0; round < 10; round++) await openAndAbandon(url, 100)
    expect(bodies).toHaveLength(1000)
    await until(() => server.stats.openStreams === 0 && server.stats.slotsInUse === 0, 15_000)
    const after = await heapAfterGc()
    expect(server.stats).toMatchObject({
      openStreams: 0,
      inFlight: 0,
      slotsInUse: 0,
      liveSessions: 0,
    })
    expect(bodies.filter((body) => body.deref() !== undefined).length).toBeLessThanOrEqual(5)
    // A kept stream costs several KB with its connection; 1,000 of them would show plainly.
    expect(after - baseline).toBeLessThan(2 * 1024 * 1024)
  }, 60_000)
})

/** Opens `count` listen streams at once, reads each acknowledgement, then drops every connection. */
async function openAndAbandon(url: string, count: number): Promise<void> {
  const controllers = Array.from({ length: count }, () => new AbortController())
  await Promise.all(
    controllers.map(async (controller, index) => {
      const response = await fetch(url, {
        ...modernInit('subscriptions/listen', { notifications: { toolsListChanged: true } }, index),
        signal: controller.signal,
      })
      const reader = new SseReader(response)
      await reader.nextMessage()
    }),
  )
  for (const controller of controllers) controller.abort()
}
