// The official SDK v1 client (`@modelcontextprotocol/sdk` 1.32.2, legacy era only) against mcpkit
// over real loopback HTTP: Streamable HTTP, and the 2024-11-05 HTTP+SSE transport.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js'
import { serve } from 'mcpkit/node'
import type { McpServer } from 'mcpkit/server'
import { afterEach, describe, expect, test } from 'vitest'
import { createExampleServer } from '../../examples/stdio-server/server.ts'
import {
  exerciseExampleServer,
  expectCountdownProgress,
  type OfficialClient,
  type ProgressUpdate,
} from './support.ts'

let server: McpServer | undefined
let served: Awaited<ReturnType<typeof serve>> | undefined
let client: Client | undefined

afterEach(async () => {
  await client?.close()
  await server?.close()
  await served?.close()
  client = undefined
  server = undefined
  served = undefined
})

async function start(legacySse: boolean): Promise<string> {
  server = createExampleServer(legacySse ? { config: { legacySse: true } } : {})
  served = await serve(server, { host: '127.0.0.1', port: 0 })
  return served.url
}

async function connect(transport: Transport): Promise<Client> {
  client = new Client({ name: 'interop-v1', version: '1.0.0' })
  await client.connect(transport)
  return client
}

describe('SDK v1 client', { timeout: 15_000 }, () => {
  test('Streamable HTTP: initialize, then tools, resources and prompts', async () => {
    const url = await start(false)
    const c = await connect(new StreamableHTTPClientTransport(new URL(`${url}mcp`)))
    expect(c.getServerCapabilities()).toMatchObject({ tools: {}, resources: {}, prompts: {} })
    await exerciseExampleServer(c as unknown as OfficialClient)
  })

  test('Streamable HTTP: progress, log messages, and ending the session with DELETE', async () => {
    const url = await start(false)
    const transport = new StreamableHTTPClientTransport(new URL(`${url}mcp`))
    const c = await connect(transport)
    const logs: unknown[] = []
    c.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logs.push(notification.params.data)
    })
    const progress: ProgressUpdate[] = []
    await c.callTool({ name: 'countdown', arguments: { from: 3 } }, undefined, {
      onprogress: (p) => progress.push(p),
    })
    expectCountdownProgress(progress)
    expect(logs).toEqual(['countdown: 3', 'countdown: 2', 'countdown: 1'])
    expect(server?.sessions.size).toBe(1)
    await transport.terminateSession()
    expect(server?.sessions.size).toBe(0)
  })

  test('Streamable HTTP with replay off (eventStore: false): progress and logs arrive on the POST stream', async () => {
    server = createExampleServer({ eventStore: false })
    served = await serve(server, { host: '127.0.0.1', port: 0 })
    const c = await connect(new StreamableHTTPClientTransport(new URL(`${served.url}mcp`)))
    const logs: unknown[] = []
    c.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logs.push(notification.params.data)
    })
    const progress: ProgressUpdate[] = []
    const result = await c.callTool({ name: 'countdown', arguments: { from: 3 } }, undefined, {
      onprogress: (p) => progress.push(p),
    })
    expectCountdownProgress(progress)
    expect(logs).toEqual(['countdown: 3', 'countdown: 2', 'countdown: 1'])
    expect(result.isError).not.toBe(true)
    await exerciseExampleServer(c as unknown as OfficialClient)
  })

  test('HTTP+SSE (2024-11-05): the GET stream names the POST endpoint; same answers', async () => {
    const url = await start(true)
    const c = await connect(new SSEClientTransport(new URL(`${url}sse`)))
    await exerciseExampleServer(c as unknown as OfficialClient)
    const progress: ProgressUpdate[] = []
    await c.callTool({ name: 'countdown', arguments: { from: 3 } }, undefined, {
      onprogress: (p) => progress.push(p),
    })
    expectCountdownProgress(progress)
  })
})
