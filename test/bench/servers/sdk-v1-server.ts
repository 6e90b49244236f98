// The official SDK 1.x, stateful, as its README shows: one McpServer and one
// StreamableHTTPServerTransport per session, kept in a map by session id; bodies parsed first (the
// README uses express.json()). `enableJsonResponse` is per transport, so the initialize request
// says which mode its session uses (x-bench-response: json | sse).
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import { readJsonBody, sendJsonError } from './node-body.ts'
import { type ServerHandle, TOOL } from './server-handle.ts'

function buildServer(): McpServer {
  const server = new McpServer({ name: 'bench-sdk-v1', version: '1.0.0' })
  const shape = { text: z.string() }
  server.registerTool(TOOL.echo, { inputSchema: shape }, ({ text }) => ({
    content: [{ type: 'text', text }],
  }))
  server.registerTool(TOOL.echoProgress, { inputSchema: shape }, async ({ text }, extra) => {
    const progressToken = extra._meta?.progressToken
    if (progressToken !== undefined) {
      await extra.sendNotification({
        method: 'notifications/progress',
        params: { progressToken, progress: 1, total: 1 },
      })
    }
    return { content: [{ type: 'text', text }] }
  })
  return server
}

export async function startSdkV1(): Promise<ServerHandle> {
  const transports = new Map<string, StreamableHTTPServerTransport>()
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const sessionId = req.headers['mcp-session-id']
    const existing = typeof sessionId === 'string' ? transports.get(sessionId) : undefined
    if (req.method !== 'POST') {
      if (existing === undefined) return sendJsonError(res, 400, 'Invalid or missing session ID')
      return existing.handleRequest(req, res)
    }
    const body = await readJsonBody(req)
    if (existing !== undefined) return existing.handleRequest(req, res, body)
    if (sessionId !== undefined || !isInitializeRequest(body)) {
      return sendJsonError(res, 400, 'Bad Request: No valid session ID provided')
    }
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: req.headers['x-bench-response'] !== 'sse',
      onsessioninitialized: (id) => {
        transports.set(id, transport)
      },
    })
    transport.onclose = () => {
      if (transport.sessionId !== undefined) transports.delete(transport.sessionId)
    }
    await buildServer().connect(transport)
    return transport.handleRequest(req, res, body)
  }
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, sessions: () => transports.size }
}
