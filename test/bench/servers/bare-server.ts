// The physical limit: a bare node:http JSON-RPC responder with no MCP library. It parses the body,
// looks the session up in a Map, and answers tools/call with the same result the SDKs send (JSON,
// or SSE with one progress notification first). initialize stores a small session object; GET
// opens an idle SSE stream held by the session.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readJsonBody } from './node-body.ts'
import { type ServerHandle, TOOL } from './server-handle.ts'

interface Session {
  readonly revision: string
  readonly clientInfo: unknown
  stream: ServerResponse | undefined
}

interface Message {
  readonly id?: string | number
  readonly method?: string
  readonly params?: {
    readonly name?: string
    readonly arguments?: { readonly text?: string }
    readonly protocolVersion?: string
    readonly clientInfo?: unknown
    readonly _meta?: { readonly progressToken?: string | number }
  }
}

const JSON_HEADERS = { 'content-type': 'application/json' }
const SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }

export async function startBare(): Promise<ServerHandle> {
  const sessions = new Map<string, Session>()
  const server = createServer((req, res) => {
    if (req.method === 'GET') return openStream(sessions, req, res)
    readJsonBody(req).then(
      (body) => answer(sessions, { req, res, message: body as Message }),
      () => res.writeHead(400).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, sessions: () => sessions.size }
}

function openStream(
  sessions: Map<string, Session>,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const session = sessions.get(String(req.headers['mcp-session-id']))
  if (session === undefined) {
    res.writeHead(404).end()
    return
  }
  session.stream = res
  res.writeHead(200, SSE_HEADERS).flushHeaders()
  res.on('close', () => {
    session.stream = undefined
  })
}

function answer(
  sessions: Map<string, Session>,
  exchange: { req: IncomingMessage; res: ServerResponse; message: Message },
): void {
  const { req, res, message } = exchange
  if (message.method === 'initialize') {
    initialize(sessions, res, message)
    return
  }
  const sessionId = req.headers['mcp-session-id']
  if (sessionId !== undefined && !sessions.has(String(sessionId))) {
    res.writeHead(404).end()
    return
  }
  if (message.id === undefined) {
    res.writeHead(202).end()
    return
  }
  const result = { content: [{ type: 'text', text: message.params?.arguments?.text ?? '' }] }
  const modern = req.headers['mcp-protocol-version'] === '2026-07-28'
  if (modern && req.headers['mcp-method'] !== message.method) {
    res.writeHead(400).end()
    return
  }
  const response = {
    jsonrpc: '2.0',
    id: message.id,
    result: modern ? modernResult(result) : result,
  }
  const token = message.params?._meta?.progressToken
  if (message.params?.name !== TOOL.echoProgress || token === undefined) {
    res.writeHead(200, JSON_HEADERS).end(JSON.stringify(response))
    return
  }
  const progress = {
    jsonrpc: '2.0',
    method: 'notifications/progress',
    params: { progressToken: token, progress: 1, total: 1 },
  }
  res.writeHead(200, SSE_HEADERS)
  res.write(`event: message\ndata: ${JSON.stringify(progress)}\n\n`)
  res.end(`event: message\ndata: ${JSON.stringify(response)}\n\n`)
}

function modernResult(result: object): object {
  return { ...result, resultType: 'complete' }
}

function initialize(sessions: Map<string, Session>, res: ServerResponse, message: Message): void {
  const id = randomUUID()
  const revision = message.params?.protocolVersion ?? '2025-03-26'
  sessions.set(id, { revision, clientInfo: message.params?.clientInfo, stream: undefined })
  const result = {
    protocolVersion: revision,
    capabilities: { tools: { listChanged: true } },
    serverInfo: { name: 'bench-bare', version: '1.0.0' },
  }
  res
    .writeHead(200, { ...JSON_HEADERS, 'mcp-session-id': id })
    .end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }))
}
