// The official SDK 2.x (@modelcontextprotocol/server). Its docs serve Node through
// `toNodeHandler` from @modelcontextprotocol/node, which is not installed here; the same kind of
// bridge, @hono/node-server's getRequestListener (what SDK 1.x uses inside), stands in for it.
//   stateful:  the legacy sessionful path, one McpServer and one
//              WebStandardStreamableHTTPServerTransport per session (the documented stateful setup).
//   stateless: createMcpHandler(factory): 2026-07-28 requests on the modern path, a fresh server per
//              request (the factory runs per request, as documented).

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import {
  createMcpHandler,
  isInitializeRequest,
  McpServer,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server'
import { z } from 'zod'
import { type ServerHandle, TOOL } from './server-handle.ts'

function buildServer(): McpServer {
  const server = new McpServer({ name: 'bench-sdk-v2', version: '1.0.0' })
  const input = z.object({ text: z.string() })
  server.registerTool(TOOL.echo, { inputSchema: input }, ({ text }) => ({
    content: [{ type: 'text', text }],
  }))
  server.registerTool(TOOL.echoProgress, { inputSchema: input }, async ({ text }, ctx) => {
    const progressToken = ctx.mcpReq._meta?.progressToken
    if (progressToken !== undefined) {
      await ctx.mcpReq.notify({
        method: 'notifications/progress',
        params: { progressToken, progress: 1, total: 1 },
      })
    }
    return { content: [{ type: 'text', text }] }
  })
  return server
}

function badRequest(message: string): Response {
  return Response.json(
    { jsonrpc: '2.0', id: null, error: { code: -32000, message } },
    { status: 400 },
  )
}

function statefulHandler(transports: Map<string, WebStandardStreamableHTTPServerTransport>) {
  return async (request: Request): Promise<Response> => {
    const sessionId = request.headers.get('mcp-session-id')
    const existing = sessionId === null ? undefined : transports.get(sessionId)
    if (request.method !== 'POST') {
      if (existing === undefined) return badRequest('Invalid or missing session ID')
      return existing.handleRequest(request)
    }
    const parsedBody: unknown = await request.json()
    if (existing !== undefined) return existing.handleRequest(request, { parsedBody })
    if (sessionId !== null || !isInitializeRequest(parsedBody)) {
      return badRequest('Bad Request: No valid session ID provided')
    }
    const transport: WebStandardStreamableHTTPServerTransport =
      new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: () => crypto.randomUUID(),
        enableJsonResponse: request.headers.get('x-bench-response') !== 'sse',
        onsessioninitialized: (id) => {
          transports.set(id, transport)
        },
      })
    transport.onclose = () => {
      if (transport.sessionId !== undefined) transports.delete(transport.sessionId)
    }
    await buildServer().connect(transport)
    return transport.handleRequest(request, { parsedBody })
  }
}

async function listen(fetch: (request: Request) => Promise<Response>): Promise<number> {
  const server = createServer(getRequestListener(fetch, { overrideGlobalObjects: false }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

export async function startSdkV2Stateful(): Promise<ServerHandle> {
  const transports = new Map<string, WebStandardStreamableHTTPServerTransport>()
  const port = await listen(statefulHandler(transports))
  return { port, sessions: () => transports.size }
}

export async function startSdkV2Stateless(): Promise<ServerHandle> {
  const handler = createMcpHandler(() => buildServer())
  const port = await listen(handler.fetch)
  return { port, sessions: () => -1 }
}
