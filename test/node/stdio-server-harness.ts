// A stdio server on a pair of in-process pipes: write lines to its stdin, read the JSON-RPC messages
// it writes to stdout, and check that stdout never carries anything else.
import { PassThrough } from 'node:stream'
import { z } from 'zod'
import { type StdioServer, serveStdio } from '../../src/node/stdio-server.ts'
import type { StdioServerOptions } from '../../src/node/stdio-server-options.ts'
import { ServerRegistry } from '../../src/server/registry/server-registry.ts'

export type Message = Record<string, unknown> & {
  id?: string | number
  method?: string
  params?: Record<string, unknown>
  result?: Record<string, unknown>
  error?: { code: number; message: string; data?: unknown }
}

export const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'test-client', version: '1.0.0' },
}

/** A small server: an echo tool, a slow tool, an asking tool, a resource and a prompt. */
export function testServer(): ServerRegistry {
  const server = new ServerRegistry({ name: 'stdio-test', version: '1.0.0' })
  server.tool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => text)
  server.tool('count', { inputSchema: z.object({ to: z.number() }) }, async ({ to }, ctx) => {
    for (let i = 1; i <= to; i++) {
      await ctx.progress(i, to, `step ${i}`)
      await ctx.log('info', `counted ${i}`)
    }
    return `counted to ${to}`
  })
  server.tool('wait', { inputSchema: z.object({ ms: z.number() }) }, async ({ ms }, ctx) => {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms)
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(new Error('cancelled'))
      })
    })
    return `waited ${ms} ms`
  })
  server.tool('ask', async (_args, ctx) => {
    const answer = await ctx.elicit({
      message: 'Your name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
    })
    return `hello ${String(answer.content?.name)}`
  })
  server.resource('test://greeting', { name: 'greeting', mimeType: 'text/plain' }, () => [
    { text: 'Hello from stdio' },
  ])
  server.prompt('greet', { arguments: [{ name: 'who', required: true }] }, ({ who }) => [
    { role: 'user', content: `Greet ${who}` },
  ])
  return server
}

/** A stdio server on in-memory pipes, and what it wrote. */
export class StdioHarness {
  readonly stdin = new PassThrough()
  readonly stdout = new PassThrough()
  readonly stdio: StdioServer
  readonly logs: string[] = []
  /** Every message written to stdout, in order. */
  readonly messages: Message[] = []
  /** Lines of stdout that were not JSON-RPC messages (must stay empty). */
  readonly strayLines: string[] = []
  #buffer = ''
  #nextId = 1
  #waiters: { match: (message: Message) => boolean; resolve: (message: Message) => void }[] = []
  readonly stdoutEnded: Promise<void>

  constructor(server: ServerRegistry, options: StdioServerOptions = {}) {
    this.stdio = serveStdio(server, {
      stdin: this.stdin,
      stdout: this.stdout,
      log: (line) => this.logs.push(line),
      ...options,
    })
    this.stdout.setEncoding('utf8')
    this.stdout.on('data', (chunk: string) => this.#receive(chunk))
    this.stdoutEnded = new Promise((resolve) => this.stdout.on('end', resolve))
  }

  /** Writes one line (an object is serialised). */
  write(message: unknown): void {
    this.stdin.write(typeof message === 'string' ? message : `${JSON.stringify(message)}\n`)
  }

  /** Sends a request and resolves with its response. */
  request(
    method: string,
    params?: Record<string, unknown>,
    id?: string | number,
  ): Promise<Message> {
    const requestId = id ?? this.#nextId++
    const response = this.next((m) => m.id === requestId && m.method === undefined)
    this.write({ jsonrpc: '2.0', id: requestId, method, ...(params ? { params } : {}) })
    return response
  }

  /** Sends a modern request (2026-07-28 `_meta` added). */
  modern(
    method: string,
    params: Record<string, unknown> = {},
    meta: Record<string, unknown> = {},
  ): Promise<Message> {
    return this.request(method, { ...params, _meta: { ...MODERN_META, ...meta } })
  }

  notify(method: string, params?: Record<string, unknown>): void {
    this.write({ jsonrpc: '2.0', method, ...(params ? { params } : {}) })
  }

  /** Runs the legacy handshake. */
  async initialize(
    protocolVersion = '2025-11-25',
    capabilities: Record<string, unknown> = {},
  ): Promise<Message> {
    const response = await this.request('initialize', {
      protocolVersion,
      capabilities,
      clientInfo: { name: 'test-client', version: '1.0.0' },
    })
    this.notify('notifications/initialized')
    return response
  }

  /** The first message (already received or later) that matches. */
  next(match: (message: Message) => boolean): Promise<Message> {
    const seen = this.messages.find(match)
    if (seen !== undefined) {
      this.messages.splice(this.messages.indexOf(seen), 1)
      return Promise.resolve(seen)
    }
    return new Promise((resolve) => this.#waiters.push({ match, resolve }))
  }

  #receive(chunk: string): void {
    this.#buffer += chunk
    for (;;) {
      const newline = this.#buffer.indexOf('\n')
      if (newline < 0) return
      const line = this.#buffer.slice(0, newline)
      this.#buffer = this.#buffer.slice(newline + 1)
      this.#accept(line)
    }
  }

  #accept(line: string): void {
    let message: Message
    try {
      message = JSON.parse(line) as Message
    } catch {
      this.strayLines.push(line)
      return
    }
    if (message.jsonrpc !== '2.0' && !Array.isArray(message)) this.strayLines.push(line)
    const waiter = this.#waiters.find((w) => w.match(message))
    if (waiter === undefined) {
      this.messages.push(message)
      return
    }
    this.#waiters.splice(this.#waiters.indexOf(waiter), 1)
    waiter.resolve(message)
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
