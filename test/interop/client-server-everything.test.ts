// The mcpkit client against the reference server `@modelcontextprotocol/server-everything`
// (2026.8.31, built on SDK v1) over stdio: a real third-party process speaking only the legacy era,
// so the client's probe must fall back to `initialize` (SPEC §5.2).
import { createRequire } from 'node:module'
import { type StdioServerProcess, spawnStdioServer } from 'mcpkit/node'
import { afterEach, describe, expect, test } from 'vitest'
import { closeClients, openClient } from './client-checks.ts'

const require = createRequire(import.meta.url)
const ENTRY = require.resolve('@modelcontextprotocol/server-everything/dist/index.js')
const spawned: StdioServerProcess[] = []

afterEach(async () => {
  await closeClients()
  await Promise.all(spawned.splice(0).map((server) => server.close()))
})

async function start(): Promise<StdioServerProcess> {
  const server = await spawnStdioServer({
    command: process.execPath,
    args: [ENTRY, 'stdio'],
    stderr: 'pipe',
  })
  spawned.push(server)
  return server
}

describe('mcpkit client ↔ server-everything over stdio', { timeout: 60_000 }, () => {
  test('negotiates the legacy era and uses tools, progress, resources and prompts', async () => {
    const { connection } = await start()
    const { client } = openClient({ connection })
    const session = await client.connect()
    expect(session.era).toBe('legacy')
    expect(session.serverInfo?.name).toContain('everything')

    const tools = await client.listAllTools()
    const names = tools.map((tool) => tool.name)
    expect(names).toEqual(
      expect.arrayContaining(['echo', 'get-sum', 'trigger-long-running-operation']),
    )

    const echoed = await client.callTool({ name: 'echo', arguments: { message: 'hi from mcpkit' } })
    expect(echoed.content).toEqual([{ type: 'text', text: 'Echo: hi from mcpkit' }])
    const sum = await client.callTool({ name: 'get-sum', arguments: { a: 2, b: 40 } })
    expect(sum.content).toEqual([{ type: 'text', text: 'The sum of 2 and 40 is 42.' }])

    const progress: number[] = []
    const long = await client.callTool(
      { name: 'trigger-long-running-operation', arguments: { duration: 0.3, steps: 3 } },
      { onProgress: (p) => progress.push(p.progress) },
    )
    expect(long.isError ?? false).toBe(false)
    expect(progress).toEqual([1, 2, 3])

    const resources = await client.listAllResources()
    const document = resources.find((r) => r.uri.startsWith('demo://resource/static/document/'))
    expect(document).toBeDefined()
    const read = await client.readResource({ uri: document?.uri ?? '' })
    expect(read.contents[0]?.uri).toBe(document?.uri)

    const prompt = await client.getPrompt({ name: 'simple-prompt' })
    expect(prompt.messages[0]?.content).toEqual({
      type: 'text',
      text: 'This is a simple prompt without arguments.',
    })
  })
})
