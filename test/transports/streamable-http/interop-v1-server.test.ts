// The transport against the official SDK v1 server (legacy era, with an event store and a retry
// interval): initialize, a tool call whose SSE stream the server closes mid-call (SEP-1699 polling)
// resumed with GET + Last-Event-ID, the standalone GET stream, and DELETE ending the session.
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { InMemoryEventStore } from '@modelcontextprotocol/sdk/examples/shared/inMemoryEventStore.js'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { afterEach, expect, test } from 'vitest'
import { isHttpError } from '../../../src/core/errors/guards.ts'
import { createStreamableHttpTransport } from '../../../src/transports/streamable-http/client-transport.ts'
import type { TransportEvent } from '../../../src/transports/streamable-http/transport-events.ts'

const RETRY_MS = 200
let httpServer: Server | undefined
afterEach(async () => {
  httpServer?.closeAllConnections()
  await new Promise((resolve) => httpServer?.close(resolve))
})

async function startOfficialServer(): Promise<{ url: string; mcp: McpServer }> {
  const mcp = new McpServer({ name: 'official-v1', version: '1.0.0' })
  mcp.registerTool('slow', { description: 'closes its stream, then answers' }, async (extra) => {
    extra.closeSSEStream?.()
    await new Promise((resolve) => setTimeout(resolve, 50))
    return { content: [{ type: 'text', text: 'done after reconnect' }] }
  })
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    eventStore: new InMemoryEventStore(),
    retryInterval: RETRY_MS,
  })
  await mcp.connect(transport)
  httpServer = createServer((req, res) => void transport.handleRequest(req, res))
  await new Promise<void>((resolve) => httpServer?.listen(0, '127.0.0.1', resolve))
  const { port } = httpServer.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/mcp`, mcp }
}

async function all(messages: AsyncIterable<unknown>): Promise<unknown[]> {
  const seen: unknown[] = []
  for await (const message of messages) seen.push(message)
  return seen
}

test('a full legacy session against the official v1 server, with resumption', async () => {
  const { url, mcp } = await startOfficialServer()
  const events: TransportEvent[] = []
  const transport = createStreamableHttpTransport({ url, onEvent: (event) => events.push(event) })

  const init = await transport.post({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'mcpkit-test', version: '0.0.0' },
    },
  })
  const sessionId = init.headers.get('mcp-session-id') ?? ''
  expect(sessionId).not.toBe('')
  expect(await all(init.messages)).toMatchObject([
    { id: 1, result: { protocolVersion: '2025-11-25' } },
  ])
  const headers = { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' }
  const initialized = await transport.post(
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { headers },
  )
  expect(initialized.status).toBe(202)

  // The standalone GET stream receives server-initiated notifications.
  const controller = new AbortController()
  const pushed: unknown[] = []
  const getStream = transport.openGetStream({
    headers,
    signal: controller.signal,
    onMessage: (message) => void pushed.push(message),
  })
  await expect
    .poll(() => events.some((e) => e.type === 'stream:opened' && e.stream === 'get'))
    .toBe(true)
  mcp.sendToolListChanged()
  await expect
    .poll(() => pushed)
    .toEqual([{ jsonrpc: '2.0', method: 'notifications/tools/list_changed' }])

  const call = await transport.post(
    { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'slow', arguments: {} } },
    { headers, resumable: true },
  )
  expect(await all(call.messages)).toEqual([
    {
      jsonrpc: '2.0',
      id: 2,
      result: { content: [{ type: 'text', text: 'done after reconnect' }] },
    },
  ])
  expect(events.find((e) => e.type === 'reconnect:scheduled' && e.stream === 'post')).toMatchObject(
    {
      delayMs: RETRY_MS,
      reason: 'server-closed',
    },
  )
  expect(events.some((e) => e.type === 'reconnect:resumed' && e.stream === 'post')).toBe(true)

  controller.abort()
  await getStream
  await transport.delete(headers)
  const gone = await transport
    .post({ jsonrpc: '2.0', id: 3, method: 'tools/list', params: {} }, { headers })
    .catch((e: unknown) => e)
  expect(isHttpError(gone)).toBe(true)
  expect((gone as { status: number }).status).toBe(404)
  await transport.close()
})
