// mcpkit: one createServer() for both eras on /mcp, served by mcpkit/node's serve(). With
// `replay: false` it keeps no SSE events (`eventStore: false`), like the official SDKs without a store.
import { serve } from 'mcpkit/node'
import { createServer } from 'mcpkit/server'
import { z } from 'zod'
import { type ServerHandle, type StartOptions, TOOL } from './server-handle.ts'

export async function startMcpkit(options: StartOptions): Promise<ServerHandle> {
  const server = createServer({
    name: 'bench-mcpkit',
    version: '1.0.0',
    // Room for the session benchmarks' idle GET streams (each holds a slot).
    config: { maxClients: 1_000_000 },
    session: { maxSessions: options.maxSessions },
    ...(options.replay === false ? { eventStore: false as const } : {}),
  })
  const input = z.object({ text: z.string() })
  server.tool(TOOL.echo, { inputSchema: input }, ({ text }) => text)
  server.tool(TOOL.echoProgress, { inputSchema: input }, async ({ text }, ctx) => {
    await ctx.progress(1, 1)
    return text
  })
  const served = await serve(server, { host: '127.0.0.1', port: 0 })
  return {
    port: served.port,
    sessions: () => server.sessions.size,
    fill: (count) => fill(server.handle, count),
  }
}

const FILL_CONCURRENCY = 64

/** Sends `count` initialize requests to `handle`, 64 at a time; resolves with the time taken. */
async function fill(
  handle: (request: Request) => Promise<Response>,
  count: number,
): Promise<number> {
  const started = performance.now()
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    host: '127.0.0.1',
  }
  let next = 0
  const worker = async () => {
    while (next < count) {
      const id = next++
      const body = `{"jsonrpc":"2.0","id":${id},"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1.0.0"}}}`
      const response = await handle(
        new Request('http://127.0.0.1/mcp', { method: 'POST', headers, body }),
      )
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`initialize answered ${response.status}`)
    }
  }
  await Promise.all(Array.from({ length: FILL_CONCURRENCY }, worker))
  return performance.now() - started
}
