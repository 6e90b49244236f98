// The official clients' stdio transports spawn examples/stdio-server (a real child process) and talk
// to it in both eras: SDK v2 in modern mode (it probes with server/discover) and in legacy mode, and
// SDK v1 (legacy only). Every stdout line must be an MCP message (the clients report anything else
// as an error), diagnostics go to stderr, and closing stdin makes the server exit.
import type { Readable } from 'node:stream'
import { Client as ClientV2 } from '@modelcontextprotocol/client'
import { StdioClientTransport as StdioTransportV2 } from '@modelcontextprotocol/client/stdio'
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport as StdioTransportV1 } from '@modelcontextprotocol/sdk/client/stdio.js'
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js'
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  exampleCommand,
  exerciseExampleServer,
  expectCountdownProgress,
  type OfficialClient,
  type ProgressUpdate,
} from './support.ts'

/** A connected client, its transport's child pid and what the child wrote to stderr. */
interface Connection {
  readonly client: { close(): Promise<void> }
  readonly pid: number | null
  readonly stderr: string[]
  readonly errors: unknown[]
}

let connection: Connection | undefined

afterEach(async () => {
  await connection?.client.close()
  connection = undefined
})

function collect(stream: Readable | null, into: string[]): void {
  stream?.on('data', (chunk: Buffer) => into.push(chunk.toString()))
}

async function connectV2(mode: 'auto' | 'legacy'): Promise<Connection & { client: ClientV2 }> {
  const transport = new StdioTransportV2({ ...exampleCommand(), stderr: 'pipe' })
  const stderr: string[] = []
  collect(transport.stderr as Readable | null, stderr)
  const client = new ClientV2(
    { name: 'interop-v2-stdio', version: '1.0.0' },
    { versionNegotiation: { mode } },
  )
  const errors: unknown[] = []
  client.onerror = (error) => errors.push(error)
  await client.connect(transport)
  connection = { client, pid: transport.pid, stderr, errors }
  return { client, pid: transport.pid, stderr, errors }
}

async function connectV1(): Promise<Connection & { client: ClientV1 }> {
  const transport = new StdioTransportV1({ ...exampleCommand(), stderr: 'pipe' })
  const stderr: string[] = []
  collect(transport.stderr as Readable | null, stderr)
  const client = new ClientV1({ name: 'interop-v1-stdio', version: '1.0.0' })
  const errors: unknown[] = []
  client.onerror = (error) => errors.push(error)
  await client.connect(transport)
  connection = { client, pid: transport.pid, stderr, errors }
  return { client, pid: transport.pid, stderr, errors }
}

/**
 * Closes the client, which ends the child's stdin, and checks the child stopped because of that:
 * the transports send SIGTERM only to a child still running 2 s later, and the example reports a
 * signal on stderr.
 */
async function closeAndExpectExit(current: Connection): Promise<void> {
  await current.client.close()
  connection = undefined
  expect(current.pid).not.toBeNull()
  await vi.waitFor(() => expect(() => process.kill(current.pid as number, 0)).toThrow(), {
    timeout: 5_000,
  })
  // stderr reaches us through the transport's pipe, possibly a moment after the exit.
  await vi.waitFor(() => expect(current.stderr.join('')).toContain('mcpkit stdio example: stopped'))
  const stderr = current.stderr.join('')
  expect(stderr).toContain('mcpkit stdio example: ready')
  expect(stderr).not.toMatch(/SIGTERM|SIGINT/)
  expect(current.errors).toEqual([])
}

describe('SDK v2 client over stdio', { timeout: 30_000 }, () => {
  test('modern era: server/discover probe, stateless requests, progress', async () => {
    const current = await connectV2('auto')
    expect(current.client.getProtocolEra()).toBe('modern')
    expect(current.client.getNegotiatedProtocolVersion()).toBe('2026-07-28')
    await exerciseExampleServer(current.client as unknown as OfficialClient)
    const progress: ProgressUpdate[] = []
    await current.client.callTool(
      { name: 'countdown', arguments: { from: 3 } },
      { onprogress: (p) => progress.push(p) },
    )
    expectCountdownProgress(progress)
    await closeAndExpectExit(current)
  })

  test('modern era: subscriptions/listen is acknowledged and ended by the client', async () => {
    const current = await connectV2('auto')
    const tools = await current.client.listen({ toolsListChanged: true, promptsListChanged: true })
    expect(tools.honoredFilter).toEqual({ toolsListChanged: true, promptsListChanged: true })
    const notes = await current.client.listen({
      resourceSubscriptions: ['example://notes/welcome'],
    })
    expect(notes.honoredFilter).toEqual({ resourceSubscriptions: ['example://notes/welcome'] })
    await tools.close()
    expect(await tools.closed).toBe('local')
    // The other subscription is still served on the same pipe.
    const { tools: listed } = await current.client.listTools()
    expect(listed).toHaveLength(3)
    await notes.close()
    await closeAndExpectExit(current)
  })

  test('legacy era: initialize, the same answers, log messages', async () => {
    const current = await connectV2('legacy')
    expect(current.client.getProtocolEra()).toBe('legacy')
    expect(current.client.getNegotiatedProtocolVersion()).toBe('2025-11-25')
    await exerciseExampleServer(current.client as unknown as OfficialClient)
    const logs: unknown[] = []
    current.client.setNotificationHandler('notifications/message', (notification) => {
      logs.push(notification.params.data)
    })
    await current.client.callTool({ name: 'countdown', arguments: { from: 2 } })
    expect(logs).toEqual(['countdown: 2', 'countdown: 1'])
    await closeAndExpectExit(current)
  })
})

describe('SDK v1 client over stdio', { timeout: 30_000 }, () => {
  test('initialize, tools, resources, prompts, progress and logging', async () => {
    const current = await connectV1()
    expect(current.client.getServerCapabilities()).toMatchObject({ tools: { listChanged: true } })
    await exerciseExampleServer(current.client as unknown as OfficialClient)
    const logs: unknown[] = []
    current.client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logs.push(notification.params.data)
    })
    await current.client.setLoggingLevel('info')
    const progress: ProgressUpdate[] = []
    await current.client.callTool({ name: 'countdown', arguments: { from: 3 } }, undefined, {
      onprogress: (p) => progress.push(p),
    })
    expectCountdownProgress(progress)
    expect(logs).toEqual(['countdown: 3', 'countdown: 2', 'countdown: 1'])
    await closeAndExpectExit(current)
  })
})
