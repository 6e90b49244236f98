// The client over a real stdio child: mcpkit's stdio example server, spawned through mcpkit/node,
// negotiated once as modern (server/discover) and once pinned to the legacy handshake.
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { createClient } from '../../src/client/mcp-client.ts'
import { spawnStdioServer } from '../../src/node/stdio-client.ts'

const EXAMPLE = fileURLToPath(new URL('../../examples/stdio-server/index.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

test.each([
  ['negotiated', undefined, 'modern'],
  ['pinned legacy', '2025-06-18', 'legacy'],
] as const)(
  '%s client over stdio',
  async (_name, protocolVersion, era) => {
    const child = await spawnStdioServer({
      command: process.execPath,
      args: ['--import', 'tsx', EXAMPLE],
      cwd: ROOT,
      stderr: 'ignore',
    })
    const client = createClient({
      connection: child.connection,
      ...(protocolVersion === undefined ? {} : { protocolVersion }),
    })
    try {
      const session = await client.connect()
      expect(session).toMatchObject({ era, transport: 'connection' })
      expect(session.serverInfo?.name).toBe('mcpkit-stdio-example')
      const tools = await client.listAllTools()
      expect(tools.map((tool) => tool.name)).toContain('add')
      const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } })
      expect(sum.structuredContent).toEqual({ sum: 5 })
    } finally {
      await client.close()
      await child.exited
    }
  },
  20_000,
)
