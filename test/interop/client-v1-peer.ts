// A legacy-only peer built on the official SDK v1 (`@modelcontextprotocol/sdk` 1.32.2), for the
// mcpkit client's interop tests: the same definition as client-v2-peer.ts, served over Streamable
// HTTP with sessions and an event store, over the 2024-11-05 HTTP+SSE transport, and over stdio
// (client-v1-process.ts). The HTTP server listens on 127.0.0.1 only.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { completable } from '@modelcontextprotocol/sdk/server/completable.js'
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js'
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import {
  CreateMessageResultSchema,
  ElicitResultSchema,
  ListPromptsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import { MemoryEventStore } from './client-event-store.ts'
import { PAGED_PROMPTS, type PeerHooks, promptPage } from './client-peer-data.ts'

/** What a v1 tool handler receives beside its arguments (the subset these tools use). */
interface Extra {
  readonly _meta?: { progressToken?: string | number } | undefined
  sendNotification(notification: {
    method: 'notifications/progress'
    params: { progressToken: string | number; progress: number; total: number }
  }): Promise<void>
  sendRequest: McpServer['server']['request']
  closeSSEStream?: (() => void) | undefined
  signal: AbortSignal
}

/** The peer's server definition; `hooks` let a test observe it. */
export function createV1Server(hooks: PeerHooks = {}): McpServer {
  const server = new McpServer(
    { name: 'official-v1-peer', version: '1.32.2' },
    { capabilities: { logging: {} } },
  )
  registerTools(server, hooks)
  registerInputTools(server)
  registerResources(server)
  registerPrompts(server)
  return server
}

function registerTools(server: McpServer, hooks: PeerHooks): void {
  server.registerTool(
    'echo',
    { description: 'Returns its text', inputSchema: { text: z.string() } },
    ({ text }) => ({ content: [{ type: 'text', text }] }),
  )
  server.registerTool(
    'add',
    {
      description: 'Adds two numbers',
      inputSchema: { a: z.number(), b: z.number() },
      outputSchema: { sum: z.number() },
    },
    ({ a, b }) => ({
      content: [{ type: 'text', text: String(a + b) }],
      structuredContent: { sum: a + b },
    }),
  )
  server.registerTool(
    'countdown',
    { description: 'Counts down, reporting progress', inputSchema: { from: z.number().int() } },
    async ({ from }, extra) => {
      for (let step = 1; step <= from; step++) await progress(extra as Extra, step, from)
      return { content: [{ type: 'text', text: 'Lift-off!' }] }
    },
  )
  server.registerTool(
    'poll',
    {
      description: 'Closes its SSE stream (Streamable HTTP with an event store), then answers',
      inputSchema: { steps: z.number().int() },
    },
    async ({ steps }, extra) => {
      await progress(extra as Extra, 0, steps)
      ;(extra as Extra).closeSSEStream?.()
      for (let step = 1; step <= steps; step++) {
        await sleep(30)
        await progress(extra as Extra, step, steps)
      }
      return { content: [{ type: 'text', text: `polled ${steps}` }] }
    },
  )
  server.registerTool('crash', { description: 'Dies mid-call' }, async (extra) => {
    await progress(extra as Extra, 1, 2)
    await sleep(50)
    hooks.onCrash?.()
    await new Promise(() => {})
    return { content: [] }
  })
  server.registerTool('wait', { description: 'Waits until cancelled' }, async (extra) => {
    const { signal } = extra as Extra
    await progress(extra as Extra, 0, 1)
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))
    hooks.onCancelled?.()
    return { content: [{ type: 'text', text: 'cancelled' }] }
  })
}

function registerInputTools(server: McpServer): void {
  server.registerTool('greet_user', { description: 'Asks for a name' }, async (extra) => {
    const answer = await (extra as Extra).sendRequest(
      {
        method: 'elicitation/create',
        params: {
          message: 'Your name?',
          requestedSchema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
          },
        },
      },
      ElicitResultSchema,
    )
    const name = answer.action === 'accept' ? String(answer.content?.name) : 'stranger'
    return { content: [{ type: 'text', text: `Hello, ${name}!` }] }
  })
  server.registerTool('ask_model', { description: 'Samples the client model' }, async (extra) => {
    const result = await (extra as Extra).sendRequest(
      {
        method: 'sampling/createMessage',
        params: {
          messages: [{ role: 'user', content: { type: 'text', text: 'Say hi' } }],
          maxTokens: 20,
        },
      },
      CreateMessageResultSchema,
    )
    const content = result.content as { type: string; text?: string }
    const text = content.type === 'text' ? content.text : '?'
    return { content: [{ type: 'text', text: `model ${result.model} said ${text}` }] }
  })
}

function registerResources(server: McpServer): void {
  server.registerResource(
    'welcome',
    'example://notes/welcome',
    { mimeType: 'text/markdown' },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: '# Welcome' }] }),
  )
  const names = ['Ada', 'Alan', 'Grace']
  server.registerResource(
    'greeting',
    new ResourceTemplate('example://greetings/{name}', {
      list: undefined,
      complete: { name: (value) => names.filter((name) => name.startsWith(value)) },
    }),
    { mimeType: 'text/plain' },
    (uri, variables) => ({ contents: [{ uri: uri.href, text: `Hello, ${variables.name}!` }] }),
  )
}

function registerPrompts(server: McpServer): void {
  const languages = ['typescript', 'python', 'rust']
  server.registerPrompt(
    'review',
    {
      description: 'Asks for a code review',
      argsSchema: {
        code: z.string(),
        language: completable(z.string(), (value) =>
          languages.filter((language) => language.startsWith(value)),
        ),
      },
    },
    ({ code, language }) => ({
      messages: [
        { role: 'user', content: { type: 'text', text: `Review this ${language}:\n${code}` } },
      ],
    }),
  )
  for (const prompt of PAGED_PROMPTS.slice(1)) {
    server.registerPrompt(prompt.name, { description: prompt.description }, () => ({
      messages: [{ role: 'user', content: { type: 'text', text: prompt.name } }],
    }))
  }
  // The SDK's McpServer never pages; replace its handler with one that does.
  server.server.setRequestHandler(ListPromptsRequestSchema, (request) => {
    return promptPage(request.params?.cursor)
  })
}

async function progress(extra: Extra, value: number, total: number): Promise<void> {
  const token = extra._meta?.progressToken
  if (token === undefined) return
  await extra.sendNotification({
    method: 'notifications/progress',
    params: { progressToken: token, progress: value, total },
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** A running v1 HTTP peer. */
export interface V1HttpPeer {
  /** The Streamable HTTP endpoint, `http://127.0.0.1:<port>/mcp`. */
  readonly url: string
  /** The 2024-11-05 HTTP+SSE stream, `http://127.0.0.1:<port>/sse`. */
  readonly sseUrl: string
  /** Open Streamable HTTP sessions, by id. */
  readonly sessions: ReadonlyMap<string, unknown>
  /** Open HTTP+SSE connections, by session id. */
  readonly sseSessions: ReadonlyMap<string, unknown>
  /** Forgets every Streamable HTTP session without telling the clients, as a restart would. */
  forgetSessions(): void
  readonly server: Server
  close(): Promise<void>
}

/**
 * Serves the peer on 127.0.0.1 (port 0 picks a free one): `/mcp` is Streamable HTTP with a
 * transport per session, `/sse` + `/messages` the 2024-11-05 transport.
 */
export async function startV1HttpPeer(
  options: { port?: number; hooks?: PeerHooks } = {},
): Promise<V1HttpPeer> {
  const sessions = new Map<string, StreamableHTTPServerTransport>()
  const sseSessions = new Map<string, SSEServerTransport>()
  const context = { sessions, sseSessions, hooks: options.hooks ?? {} }
  const server = createServer((req, res) => {
    route(context, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error))
      else res.destroy()
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${root}/mcp`,
    sseUrl: `${root}/sse`,
    sessions,
    sseSessions,
    server,
    forgetSessions: () => sessions.clear(),
    async close() {
      const transports = [...sessions.values(), ...sseSessions.values()]
      await Promise.all(transports.map((transport) => transport.close()))
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

interface RouteContext {
  readonly sessions: Map<string, StreamableHTTPServerTransport>
  readonly sseSessions: Map<string, SSEServerTransport>
  readonly hooks: PeerHooks
}

async function route(context: RouteContext, req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
  if (path === '/mcp') return streamable(context, req, res)
  if (path === '/sse' && req.method === 'GET') {
    const transport = new SSEServerTransport('/messages', res)
    context.sseSessions.set(transport.sessionId, transport)
    transport.onclose = () => context.sseSessions.delete(transport.sessionId)
    await createV1Server(context.hooks).connect(transport)
    return
  }
  if (path === '/messages' && req.method === 'POST') {
    const id = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('sessionId')
    const transport = context.sseSessions.get(id ?? '')
    if (transport === undefined) return void res.writeHead(404).end('unknown session')
    return transport.handlePostMessage(req, res)
  }
  res.writeHead(404).end('not found')
}

async function streamable(context: RouteContext, req: IncomingMessage, res: ServerResponse) {
  const id = req.headers['mcp-session-id']
  if (typeof id === 'string') {
    const transport = context.sessions.get(id)
    if (transport !== undefined) return transport.handleRequest(req, res)
    res.writeHead(404, { 'content-type': 'application/json' })
    return void res.end(
      JSON.stringify({
        jsonrpc: '2.0',
        id: null,
        error: { code: -32001, message: 'Session not found' },
      }),
    )
  }
  const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: randomUUID,
    eventStore: new MemoryEventStore() as never,
    retryInterval: 20,
    onsessioninitialized: (sessionId) => {
      context.sessions.set(sessionId, transport)
    },
    onsessionclosed: (sessionId) => {
      context.sessions.delete(sessionId)
    },
  })
  await createV1Server(context.hooks).connect(transport)
  return transport.handleRequest(req, res)
}
