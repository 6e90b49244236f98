// Shared helpers of the HTTP transport tests: request builders for both eras, an SSE reader and a
// server with a few tools that exercise progress, logging, failures, cancellation and input.
import { z } from 'zod'
import { ProtocolError } from '../../../src/core/errors/protocol-error.ts'
import {
  createServer,
  type McpServer,
  type McpServerOptions,
} from '../../../src/server/http/create-server.ts'

export const MODERN = '2026-07-28'
export const URL_BASE = 'http://localhost:3000'
export const ENDPOINT = `${URL_BASE}/mcp`

export const META = {
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'test-client', version: '1.0.0' },
}

const BOTH = 'application/json, text/event-stream'

type Params = Record<string, unknown>

/** A parsed JSON body whose shape the test asserts on. */
// biome-ignore lint/suspicious/noExplicitAny: tests read deep JSON bodies without declaring shapes
export type Json = any

export interface RequestOptions {
  id?: string | number
  headers?: Record<string, string>
  url?: string
  meta?: Params
}

/** A modern POST with conformant headers and `_meta`; `options.headers` override them. */
export function modernRequest(method: string, params: Params = {}, options: RequestOptions = {}) {
  const body = {
    jsonrpc: '2.0',
    id: options.id ?? 1,
    method,
    params: { ...params, _meta: { ...META, ...options.meta } },
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: BOTH,
    'mcp-protocol-version': MODERN,
    'mcp-method': method,
  }
  const name = method === 'resources/read' ? params.uri : params.name
  if (
    ['tools/call', 'prompts/get', 'resources/read'].includes(method) &&
    typeof name === 'string'
  ) {
    headers['mcp-name'] = name
  }
  return post(body, { ...headers, ...options.headers }, options.url)
}

/** A raw POST of `body` (serialised unless already a string). */
export function post(body: unknown, headers: Record<string, string> = {}, url = ENDPOINT) {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: BOTH, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** A legacy POST in session `sessionId`. */
export function legacyPost(
  body: unknown,
  session: { id?: string; version?: string } = {},
  headers: Record<string, string> = {},
) {
  const extra: Record<string, string> = { ...headers }
  if (session.id !== undefined) extra['mcp-session-id'] = session.id
  if (session.version !== undefined) extra['mcp-protocol-version'] = session.version
  return post(body, extra)
}

export function initializeBody(version = '2025-11-25', capabilities: Params = {}, id = 0) {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: {
      protocolVersion: version,
      capabilities,
      clientInfo: { name: 'legacy', version: '1' },
    },
  }
}

/** Runs `initialize` and `notifications/initialized`; returns the session id. */
export async function openSession(
  handle: (request: Request) => Promise<Response>,
  options: { version?: string; capabilities?: Params } = {},
): Promise<string> {
  const version = options.version ?? '2025-11-25'
  const response = await handle(post(initializeBody(version, options.capabilities)))
  const id = response.headers.get('mcp-session-id')
  if (response.status !== 200 || id === null) {
    throw new Error(`initialize failed: ${response.status} ${await response.text()}`)
  }
  await response.text()
  const initialized = await handle(
    legacyPost({ jsonrpc: '2.0', method: 'notifications/initialized' }, { id, version }),
  )
  if (initialized.status !== 202) throw new Error(`initialized failed: ${initialized.status}`)
  return id
}

export interface SseMessage {
  id?: string
  event?: string
  data: string
  retry?: number
}

/** Reads SSE events one by one from a response body. */
export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>
  readonly #decoder = new TextDecoder()
  #buffer = ''
  #done = false
  readonly comments: string[] = []

  constructor(response: Response) {
    if (response.body === null) throw new Error('no body')
    this.#reader = response.body.getReader()
  }

  /** The next event, or undefined when the stream ended. */
  async next(): Promise<SseMessage | undefined> {
    for (;;) {
      const event = this.#parseOne()
      if (event !== undefined) return event
      if (this.#done) return undefined
      const { done, value } = await this.#reader.read()
      if (done) this.#done = true
      else this.#buffer += this.#decoder.decode(value, { stream: true })
    }
  }

  /** The next event's data parsed as JSON (skipping events without data). */
  async nextMessage(): Promise<Record<string, unknown> | undefined> {
    for (;;) {
      const event = await this.next()
      if (event === undefined) return undefined
      if (event.data !== '') return JSON.parse(event.data) as Record<string, unknown>
    }
  }

  /** Every remaining event. */
  async rest(): Promise<SseMessage[]> {
    const events: SseMessage[] = []
    for (let event = await this.next(); event !== undefined; event = await this.next()) {
      events.push(event)
    }
    return events
  }

  async cancel(): Promise<void> {
    await this.#reader.cancel()
  }

  #parseOne(): SseMessage | undefined {
    for (;;) {
      const end = this.#buffer.indexOf('\n\n')
      if (end === -1) return undefined
      const block = this.#buffer.slice(0, end)
      this.#buffer = this.#buffer.slice(end + 2)
      const event: SseMessage = { data: '' }
      const data: string[] = []
      let fields = 0
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments.push(line)
          continue
        }
        const colon = line.indexOf(':')
        const name = colon === -1 ? line : line.slice(0, colon)
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
        fields++
        if (name === 'data') data.push(value)
        else if (name === 'id') event.id = value
        else if (name === 'event') event.event = value
        else if (name === 'retry') event.retry = Number(value)
      }
      if (fields === 0) continue
      event.data = data.join('\n')
      return event
    }
  }
}

/** Resolves after `ms` real milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Signals for the tools that wait. */
export interface ToolProbes {
  /** Aborts seen by `wait` (the reason), in order. */
  aborted: unknown[]
  /** Resolves the pending `gate` calls. */
  release: () => void
}

/**
 * A server with tools for the transport tests:
 * echo, progress (3 steps), log (2 messages), fail (tool error), protocol_fail (-32602),
 * wait (until aborted), gate (until released), header_tool (x-mcp-header Region + Count + Flag),
 * ask (elicitation), watched resource and prompt (for listen tests).
 */
export function testServer(options: Partial<McpServerOptions> = {}): {
  server: McpServer
  probes: ToolProbes
} {
  const server = createServer({
    name: 'http-test',
    version: '1.0.0',
    ...options,
  })
  let releases: (() => void)[] = []
  const probes: ToolProbes = {
    aborted: [],
    release: () => {
      for (const release of releases) release()
      releases = []
    },
  }
  server.tool(
    'echo',
    { inputSchema: z.object({ text: z.string() }) },
    ({ text }) => `echo: ${text}`,
  )
  server.tool('progress', async (_args, ctx) => {
    await ctx.progress(1, 3)
    await ctx.progress(2, 3)
    await ctx.progress(3, 3)
    return 'done'
  })
  server.tool('log', async (_args, ctx) => {
    await ctx.log('debug', 'debug detail')
    await ctx.log('error', 'something failed')
    return 'logged'
  })
  server.tool('fail', () => {
    throw new Error('tool exploded')
  })
  server.tool('protocol_fail', () => {
    throw ProtocolError.invalidParams('bad input')
  })
  server.tool('wait', (_args, ctx) => {
    return new Promise((_resolve, reject) => {
      ctx.signal.addEventListener('abort', () => {
        probes.aborted.push(ctx.signal.reason)
        reject(ctx.signal.reason)
      })
    })
  })
  server.tool('gate', async (_args, ctx) => {
    await ctx.progress(1, 2)
    await new Promise<void>((resolve) => releases.push(resolve))
    return 'released'
  })
  server.tool(
    'header_tool',
    {
      inputSchema: {
        type: 'object',
        properties: {
          region: { type: 'string', 'x-mcp-header': 'Region' },
          count: { type: 'integer', 'x-mcp-header': 'Count' },
          flag: { type: 'boolean', 'x-mcp-header': 'Flag' },
          nested: {
            type: 'object',
            properties: { zone: { type: 'string', 'x-mcp-header': 'Zone' } },
          },
        },
      },
    },
    (args) => `ok ${JSON.stringify(args)}`,
  )
  server.tool('ask', async (_args, ctx) => {
    const answer = await ctx.elicit({
      message: 'Name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
    })
    return `answer: ${JSON.stringify(answer)}`
  })
  server.resource('test://watched', { name: 'watched' }, () => [{ text: 'watched' }])
  server.prompt('greet', { description: 'hi' }, () => [{ role: 'user', content: 'hi' }])
  return { server, probes }
}
