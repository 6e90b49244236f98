// The mcpkit client over stdio (mcpkit's `spawnStdioServer`) against the official SDKs:
// - SDK v1: `McpServer` + `StdioServerTransport` (client-v1-process.ts). It knows no
//   `server/discover`, so the client falls back to `initialize` (SPEC §5.2). The reference
//   `@modelcontextprotocol/server-everything` has its own test (client-server-everything.test.ts).
// - SDK v2: `serveStdio` (client-v2-process.ts), dual-era: the probe finds the modern era; a client
//   pinned to 2025-11-25 gets the legacy one.
import type { StdioServerProcess } from 'mcpkit/node'
import { afterEach, describe, expect, test } from 'vitest'
import { checkCatalog, checkInput, checkTools, closeClients, openClient } from './client-checks.ts'
import { spawnV1Stdio, spawnV2Stdio } from './client-spawn.ts'

const spawned: StdioServerProcess[] = []

afterEach(async () => {
  await closeClients()
  await Promise.all(spawned.splice(0).map((server) => server.close()))
})

async function spawn(which: 'v1' | 'v2'): Promise<StdioServerProcess> {
  const server = await (which === 'v1' ? spawnV1Stdio() : spawnV2Stdio())
  spawned.push(server)
  return server
}

describe('mcpkit client ↔ official SDK v1 server over stdio', { timeout: 30_000 }, () => {
  test('probe, fall back to initialize, then the same answers as over HTTP', async () => {
    const { connection } = await spawn('v1')
    const { client, events } = openClient({ connection })
    const session = await client.connect()
    expect(session).toMatchObject({
      era: 'legacy',
      protocolVersion: '2025-11-25',
      transport: 'connection',
      source: 'initialize',
      serverInfo: { name: 'official-v1-peer' },
    })
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'session:opened', protocolVersion: '2025-11-25' }),
    )
    await checkTools(client)
    await checkCatalog(client)
    await checkInput(client)
  })

  test('close() ends stdin and the server exits on its own', async () => {
    const server = await spawn('v1')
    const { client } = openClient({ connection: server.connection })
    await client.ping()
    await client.close()
    expect(await server.exited).toEqual({ code: 0, signal: null })
  })
})

describe('mcpkit client ↔ official SDK v2 server over stdio', { timeout: 30_000 }, () => {
  test('modern era: discover, then everything, input through input_required rounds', async () => {
    const { connection } = await spawn('v2')
    const { client, events } = openClient({ connection })
    const session = await client.connect()
    expect(session).toMatchObject({
      era: 'modern',
      protocolVersion: '2026-07-28',
      transport: 'connection',
      source: 'discover',
      serverInfo: { name: 'official-v2-peer' },
    })
    await checkTools(client)
    await checkCatalog(client)
    await checkInput(client)
    expect(events.filter((event) => event.type === 'input:required')).toHaveLength(2)
  })

  test('legacy era (pinned): initialize, then server→client requests for input', async () => {
    const { connection } = await spawn('v2')
    const { client, events } = openClient({ connection, protocolVersion: '2025-11-25' })
    expect(await client.connect()).toMatchObject({ era: 'legacy', source: 'pinned' })
    await checkTools(client)
    await checkInput(client)
    expect(events.some((event) => event.type === 'input:required')).toBe(false)
  })
})
