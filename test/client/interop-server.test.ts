// The client against mcpkit's own dual-era server, in process: the server's fetch handler stands in
// for the network, so both eras run end to end (negotiation, sessions, SSE, MRTR, listen).
import { afterEach, describe, expect, test } from 'vitest'
import { z } from 'zod'
import type { McpClient } from '../../src/client/client-api.ts'
import { createClient } from '../../src/client/mcp-client.ts'
import { createServer, type McpServer } from '../../src/server/index.ts'
import { until } from './support/fake-fetch.ts'

const URL_ = 'http://127.0.0.1:3000/mcp'
const opened: { client: McpClient; server: McpServer }[] = []

afterEach(async () => {
  for (const { client, server } of opened.splice(0)) {
    await client.close()
    await server.close({ deadlineMs: 100 })
  }
})

function setup(options: { protocolVersion?: '2025-11-25' | '2026-07-28' } = {}) {
  const server = createServer({ name: 'interop', version: '1.0.0' })
  server.tool(
    'echo',
    { description: 'Echoes', inputSchema: z.object({ text: z.string() }) },
    ({ text }) => `echo: ${text}`,
  )
  server.tool('ask', { description: 'Asks for a name' }, async (_args, ctx) => {
    const answer = await ctx.elicit({
      message: 'Name?',
      requestedSchema: {
        type: 'object',
        properties: { name: { type: 'string' } },
        required: ['name'],
      },
    })
    return `Hello, ${String(answer.content?.name)}!`
  })
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    server.handle(new Request(input, init))) as typeof globalThis.fetch
  const client = createClient({
    url: URL_,
    fetch,
    eraCache: false,
    ...(options.protocolVersion === undefined ? {} : { protocolVersion: options.protocolVersion }),
    handlers: { elicitation: () => ({ action: 'accept', content: { name: 'Zoë' } }) },
  })
  opened.push({ client, server })
  return { client, server }
}

describe.each([
  ['negotiated (modern)', undefined, 'modern'],
  ['pinned legacy', '2025-11-25', 'legacy'],
] as const)('%s', (_name, protocolVersion, era) => {
  test('lists and calls tools, elicitation included', async () => {
    const { client } = setup(protocolVersion === undefined ? {} : { protocolVersion })
    const session = await client.connect()
    expect(session.era).toBe(era)
    expect(session.serverInfo?.name).toBe('interop')
    const tools = await client.listAllTools()
    expect(tools.map((t) => t.name).sort()).toEqual(['ask', 'echo'])
    await expect(
      client.callTool({ name: 'echo', arguments: { text: 'hi' } }),
    ).resolves.toMatchObject({
      content: [{ type: 'text', text: 'echo: hi' }],
    })
    await expect(client.callTool({ name: 'ask' })).resolves.toMatchObject({
      content: [{ type: 'text', text: 'Hello, Zoë!' }],
    })
  })

  test('hears about tool list changes', async () => {
    const { client, server } = setup(protocolVersion === undefined ? {} : { protocolVersion })
    const seen: string[] = []
    const subscription = await client.listen(
      { toolsListChanged: true },
      { onNotification: (n) => seen.push(n.method) },
    )
    await subscription.acknowledged
    if (era === 'legacy') await until(() => server.stats !== undefined)
    await new Promise((resolve) => setTimeout(resolve, 50))
    server.tool('later', { description: 'Added later' }, () => 'later')
    await until(() => seen.includes('notifications/tools/list_changed'))
    expect((await client.listAllTools()).map((t) => t.name)).toContain('later')
    await subscription.close()
  })
})

test('server.log reaches a legacy client on its GET stream, at the level it set', async () => {
  const { client, server } = setup({ protocolVersion: '2025-11-25' })
  const logged: unknown[] = []
  client.notifications.subscribe((notification) => {
    if (notification.method === 'notifications/message') logged.push(notification.params)
  })
  await client.connect()
  await client.setLoggingLevel('warning')
  // The GET stream opens after connect; a list change proves it is listening.
  const seen: string[] = []
  client.notifications.subscribe((notification) => seen.push(notification.method))
  server.tool('later', { description: 'Added later' }, () => 'later')
  await until(() => seen.includes('notifications/tools/list_changed'))
  server.log('info', 'below the level')
  server.log('error', { job: 'backup', failed: true }, { logger: 'jobs' })
  await until(() => logged.length > 0)
  expect(logged).toEqual([
    { level: 'error', data: { job: 'backup', failed: true }, logger: 'jobs' },
  ])
})

test('the 2024-11-05 HTTP+SSE transport, through mcpkit/transports and the server', async () => {
  const server = createServer({ name: 'interop', version: '1.0.0', config: { legacySse: true } })
  server.tool(
    'echo',
    { inputSchema: z.object({ text: z.string() }) },
    ({ text }) => `echo: ${text}`,
  )
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    server.handle(new Request(input, init))) as typeof globalThis.fetch
  const client = createClient({
    url: 'http://127.0.0.1:3000/sse',
    transport: 'http+sse',
    fetch,
    eraCache: false,
  })
  opened.push({ client, server })
  const session = await client.connect()
  expect(session).toMatchObject({ era: 'legacy', transport: 'http+sse' })
  await expect(
    client.callTool({ name: 'echo', arguments: { text: 'old' } }),
  ).resolves.toMatchObject({
    content: [{ type: 'text', text: 'echo: old' }],
  })
})
