// A dual-era peer built on the official SDK v2 server (`@modelcontextprotocol/server` 2.4.0), for
// the mcpkit client's interop tests. One definition serves both eras: `createMcpHandler` answers
// 2026-07-28 requests statelessly, and 2025-era traffic goes to a sessionful
// `WebStandardStreamableHTTPServerTransport` with an event store (the routing its `isLegacyRequest`
// documentation shows), so sessions, DELETE and `Last-Event-ID` resumption are all real.
import { randomUUID } from 'node:crypto'
import {
  acceptedContent,
  completable,
  createMcpHandler,
  hostHeaderValidationResponse,
  inputRequired,
  inputResponse,
  isLegacyRequest,
  localhostAllowedHostnames,
  localhostAllowedOrigins,
  McpServer,
  originValidationResponse,
  ResourceTemplate,
  type ServerContext,
  type ServerNotifier,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server'
import { z } from 'zod'
import { MemoryEventStore } from './client-event-store.ts'
import { PAGED_PROMPTS, type PeerHooks, promptPage } from './client-peer-data.ts'

type Era = 'legacy' | 'modern'

/**
 * The peer's server definition for one era (the tools differ only in how they ask for input);
 * `hooks` let a test observe it.
 */
export function createV2Server(era: Era, hooks: PeerHooks = {}): McpServer {
  const server = new McpServer(
    { name: 'official-v2-peer', version: '2.4.0' },
    { capabilities: { logging: {} } },
  )
  registerTools(server, hooks)
  registerInputTools(server, era)
  registerResources(server)
  registerPrompts(server)
  return server
}

function registerTools(server: McpServer, hooks: PeerHooks): void {
  server.registerTool(
    'echo',
    { description: 'Returns its text', inputSchema: z.object({ text: z.string() }) },
    ({ text }) => ({ content: [{ type: 'text', text }] }),
  )
  server.registerTool(
    'add',
    {
      description: 'Adds two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
    },
    ({ a, b }) => ({
      content: [{ type: 'text', text: String(a + b) }],
      structuredContent: { sum: a + b },
    }),
  )
  server.registerTool(
    'countdown',
    {
      description: 'Counts down, reporting progress',
      inputSchema: z.object({ from: z.number().int().min(1).max(10) }),
    },
    async ({ from }, ctx) => {
      for (let step = 1; step <= from; step++) await progress(ctx, step, from)
      return { content: [{ type: 'text', text: 'Lift-off!' }] }
    },
  )
  server.registerTool(
    'poll',
    {
      description: 'Closes its SSE stream (legacy, with an event store), then reports and answers',
      inputSchema: z.object({ steps: z.number().int().min(1).max(5) }),
    },
    async ({ steps }, ctx) => {
      await progress(ctx, 0, steps)
      ctx.http?.closeSSE?.()
      for (let step = 1; step <= steps; step++) {
        await sleep(30)
        await progress(ctx, step, steps)
      }
      return { content: [{ type: 'text', text: `polled ${steps}` }] }
    },
  )
  server.registerTool('crash', { description: 'Dies mid-call' }, async (ctx) => {
    await progress(ctx, 1, 2)
    await sleep(50)
    hooks.onCrash?.()
    return new Promise(() => {})
  })
  server.registerTool('wait', { description: 'Waits until cancelled' }, async (ctx) => {
    const { signal } = ctx.mcpReq
    await progress(ctx, 0, 1)
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))
    hooks.onCancelled?.()
    return { content: [{ type: 'text', text: 'cancelled' }] }
  })
}

/** Elicitation and sampling: a server→client request (legacy) or an input_required result (modern). */
function registerInputTools(server: McpServer, era: Era): void {
  const nameSchema = z.object({ name: z.string() })
  server.registerTool('greet_user', { description: 'Asks for a name' }, async (ctx) => {
    if (era === 'legacy') {
      const answer = await ctx.mcpReq.elicitInput({
        mode: 'form',
        message: 'Your name?',
        requestedSchema: {
          type: 'object',
          properties: { name: { type: 'string' } },
          required: ['name'],
        },
      })
      const name = answer.action === 'accept' ? String(answer.content?.name) : 'stranger'
      return { content: [{ type: 'text', text: `Hello, ${name}!` }] }
    }
    const accepted = acceptedContent(ctx.mcpReq.inputResponses, 'name', nameSchema)
    if (accepted === undefined) {
      return inputRequired({
        inputRequests: {
          name: inputRequired.elicit({ message: 'Your name?', requestedSchema: nameSchema }),
        },
      })
    }
    return { content: [{ type: 'text', text: `Hello, ${accepted.name}!` }] }
  })
  const sampling = {
    messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'Say hi' } }],
    maxTokens: 20,
  }
  server.registerTool('ask_model', { description: 'Samples the client model' }, async (ctx) => {
    if (era === 'legacy') {
      const result = await ctx.mcpReq.requestSampling(sampling)
      return { content: [{ type: 'text', text: `model ${result.model} said ${textOf(result)}` }] }
    }
    const view = inputResponse(ctx.mcpReq.inputResponses, 'reply')
    if (view.kind !== 'sampling') {
      return inputRequired({ inputRequests: { reply: inputRequired.createMessage(sampling) } })
    }
    return {
      content: [{ type: 'text', text: `model ${view.result.model} said ${textOf(view.result)}` }],
    }
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

/** Prompts are paged by hand, two at a time: the SDK's `McpServer` never pages its lists. */
function registerPrompts(server: McpServer): void {
  const languages = ['typescript', 'python', 'rust']
  server.registerPrompt(
    'review',
    {
      description: 'Asks for a code review',
      argsSchema: z.object({
        code: z.string(),
        language: completable(z.string(), (value) =>
          languages.filter((language) => language.startsWith(value)),
        ),
      }),
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
  server.server.setRequestHandler('prompts/list', (request) => {
    return promptPage(request.params?.cursor)
  })
}

async function progress(ctx: ServerContext, value: number, total: number): Promise<void> {
  const token = ctx.mcpReq._meta?.progressToken
  if (token === undefined) return
  await ctx.mcpReq.notify({
    method: 'notifications/progress',
    params: { progressToken: token, progress: value, total },
  })
}

function textOf(result: { content: unknown }): string {
  const content = result.content as { type?: string; text?: string }
  return content.type === 'text' ? String(content.text) : '?'
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** The peer's web-standard handler and how to stop it. */
export interface V2Peer {
  readonly fetch: (request: Request) => Promise<Response>
  /** Legacy sessions currently open. */
  readonly sessions: ReadonlyMap<string, unknown>
  /** Publishes change events to open `subscriptions/listen` streams (modern era). */
  readonly notify: ServerNotifier
  close(): Promise<void>
}

/**
 * The dual-era endpoint: host/origin checks first (the SDK entry does none itself), then modern
 * requests to `createMcpHandler`, legacy ones to their session's transport.
 */
export function createV2Peer(hooks: PeerHooks = {}): V2Peer {
  const modern = createMcpHandler(() => createV2Server('modern', hooks), { legacy: 'reject' })
  const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>()
  const legacy = async (request: Request): Promise<Response> => {
    const id = request.headers.get('mcp-session-id')
    if (id !== null) {
      const transport = sessions.get(id)
      if (transport !== undefined) return transport.handleRequest(request)
      return Response.json(
        { jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Session not found' } },
        { status: 404 },
      )
    }
    const transport: WebStandardStreamableHTTPServerTransport =
      new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        eventStore: new MemoryEventStore() as never,
        retryInterval: 20,
        onsessioninitialized: (sessionId) => {
          sessions.set(sessionId, transport)
        },
        onsessionclosed: (sessionId) => {
          sessions.delete(sessionId)
        },
      })
    await createV2Server('legacy', hooks).connect(transport)
    return transport.handleRequest(request)
  }
  return {
    sessions,
    notify: modern.notify,
    async fetch(request) {
      const rejected =
        hostHeaderValidationResponse(request, localhostAllowedHostnames()) ??
        originValidationResponse(request, localhostAllowedOrigins())
      if (rejected !== undefined) return rejected
      return (await isLegacyRequest(request)) ? legacy(request) : modern.fetch(request)
    },
    async close() {
      await modern.close()
      await Promise.all([...sessions.values()].map((transport) => transport.close()))
      sessions.clear()
    },
  }
}
