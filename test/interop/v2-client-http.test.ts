// The official SDK v2 client (`@modelcontextprotocol/client` 2.4.0) against mcpkit over real
// loopback HTTP, in the modern era (it probes with server/discover) and in the legacy era.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client'
import { serve } from 'mcpkit/node'
import type { McpServer } from 'mcpkit/server'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createExampleServer } from '../../examples/stdio-server/server.ts'
import {
  exerciseExampleServer,
  expectCountdownProgress,
  type OfficialClient,
  type ProgressUpdate,
} from './support.ts'

let server: McpServer
let served: Awaited<ReturnType<typeof serve>>
let client: Client | undefined

beforeEach(async () => {
  server = createExampleServer()
  served = await serve(server, { host: '127.0.0.1', port: 0 })
})

afterEach(async () => {
  await client?.close()
  client = undefined
  await server.close()
  await served.close()
})

async function connect(mode: 'auto' | 'legacy'): Promise<Client> {
  client = new Client(
    { name: 'interop-v2', version: '1.0.0' },
    { versionNegotiation: { mode }, capabilities: {} },
  )
  await client.connect(new StreamableHTTPClientTransport(new URL(`${served.url}mcp`)))
  return client
}

describe('SDK v2 client over Streamable HTTP', { timeout: 15_000 }, () => {
  test('modern era (versionNegotiation auto): discover, then stateless requests', async () => {
    const c = await connect('auto')
    expect(c.getProtocolEra()).toBe('modern')
    expect(c.getNegotiatedProtocolVersion()).toBe('2026-07-28')
    await exerciseExampleServer(c as unknown as OfficialClient)
    expect(server.sessions.size).toBe(0)
  })

  test('modern era: progress reaches the caller', async () => {
    const c = await connect('auto')
    const progress: ProgressUpdate[] = []
    const result = await c.callTool(
      { name: 'countdown', arguments: { from: 3 } },
      { onprogress: (p) => progress.push(p) },
    )
    expect(result.content).toEqual([{ type: 'text', text: 'Lift-off!' }])
    expectCountdownProgress(progress)
  })

  test('legacy era: initialize, a session, the same answers', async () => {
    const c = await connect('legacy')
    expect(c.getProtocolEra()).toBe('legacy')
    expect(c.getNegotiatedProtocolVersion()).toBe('2025-11-25')
    expect(server.sessions.size).toBe(1)
    await exerciseExampleServer(c as unknown as OfficialClient)
  })

  test('legacy era: progress and log messages', async () => {
    const c = await connect('legacy')
    const logs: unknown[] = []
    c.setNotificationHandler('notifications/message', (notification) => {
      logs.push(notification.params.data)
    })
    const progress: ProgressUpdate[] = []
    await c.callTool(
      { name: 'countdown', arguments: { from: 3 } },
      { onprogress: (p) => progress.push(p) },
    )
    expectCountdownProgress(progress)
    expect(logs).toEqual(['countdown: 3', 'countdown: 2', 'countdown: 1'])
  })
})
