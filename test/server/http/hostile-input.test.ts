/**
 * Generated hostile input at the HTTP boundary: thousands of requests built from a fixed seed, each a
 * valid message of either era with something broken (a field deleted or replaced by a value of
 * another type, deep nesting, a batch, text that is not JSON, a body past the limit) and hostile
 * headers (unknown versions, made-up and over-long session ids, odd media types). Every one must get
 * a deliberate answer: no rejection, no 500, no `error` event from the server, and a JSON body that
 * is a JSON-RPC message whenever the answer says JSON. Afterwards the server still serves a session
 * and holds nothing in flight.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { createServer, type McpServer } from '../../../src/server/http/create-server.ts'
import type { McpServerEvent } from '../../../src/server/http/server-events.ts'
import { Dice } from '../../support/dice.ts'
import { ENDPOINT, META, MODERN, openSession } from './harness.ts'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

class Cases extends Dice {
  /** A value of any JSON type, sometimes large or deep. */
  value(depth = 0): Json {
    switch (this.int(depth > 3 ? 6 : 9)) {
      case 0:
        return null
      case 1:
        return this.chance(0.5)
      case 2:
        return this.pick([0, -1, 1.5, 2 ** 53, -(2 ** 60), 1e308, -0])
      case 3:
        return this.pick(['', 'x', '2.0', '../../etc', '\u0000', '\ud800', 'é'.repeat(50)])
      case 4:
        return 'y'.repeat(this.pick([1, 100, 10_000]))
      case 5:
        return deep(this.pick([10, 300, 2000]))
      case 6:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1))
      default: {
        const object: { [key: string]: Json } = {}
        for (let i = this.int(4); i > 0; i--) {
          object[this.pick(['a', 'name', '_meta', 'arguments', '__proto__', 'constructor'])] =
            this.value(depth + 1)
        }
        return object
      }
    }
  }
}

function deep(levels: number): Json {
  let value: Json = 'bottom'
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { v: value }
  return value
}

const LEGACY_VERSIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25']

interface Template {
  readonly era: 'legacy' | 'modern'
  readonly message: Record<string, unknown>
}

/** Valid messages of both eras, to be broken. */
function templates(sessionVersion: string): Template[] {
  const call = { name: 'echo', arguments: { text: 'hi' } }
  const legacy = (message: Record<string, unknown>): Template => ({ era: 'legacy', message })
  const modern = (message: Record<string, unknown>): Template => ({ era: 'modern', message })
  return [
    legacy({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: sessionVersion,
        capabilities: {},
        clientInfo: { name: 'fuzz', version: '1' },
      },
    }),
    legacy({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: call }),
    legacy({
      jsonrpc: '2.0',
      id: 'p',
      method: 'tools/call',
      params: { name: 'progress', arguments: {}, _meta: { progressToken: 7 } },
    }),
    legacy({ jsonrpc: '2.0', id: 3, method: 'tools/list', params: { cursor: 'x' } }),
    legacy({ jsonrpc: '2.0', id: 4, method: 'resources/read', params: { uri: 'test://doc' } }),
    legacy({ jsonrpc: '2.0', id: 5, method: 'prompts/get', params: { name: 'greet' } }),
    legacy({ jsonrpc: '2.0', id: 6, method: 'ping' }),
    legacy({ jsonrpc: '2.0', id: 7, method: 'logging/setLevel', params: { level: 'debug' } }),
    legacy({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    legacy({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2 } }),
    legacy({ jsonrpc: '2.0', id: 9, result: {} }),
    legacy({ jsonrpc: '2.0', id: 9, error: { code: -32600, message: 'x' } }),
    legacy({ jsonrpc: '2.0', id: 13, method: 'tools/call', params: { name: 'nope' } }),
    modern({ jsonrpc: '2.0', id: 10, method: 'server/discover', params: { _meta: META } }),
    modern({ jsonrpc: '2.0', id: 11, method: 'tools/call', params: { ...call, _meta: META } }),
    modern({
      jsonrpc: '2.0',
      id: 12,
      method: 'tools/call',
      params: { name: 'fails', _meta: META },
    }),
    modern({ jsonrpc: '2.0', id: 14, method: 'tools/list', params: { _meta: META } }),
    modern({
      jsonrpc: '2.0',
      id: 15,
      method: 'resources/read',
      params: { uri: 'test://doc', _meta: META },
    }),
    modern({
      jsonrpc: '2.0',
      id: 16,
      method: 'tools/call',
      params: { name: 'progress', arguments: {}, _meta: { ...META, progressToken: 'm' } },
    }),
  ]
}

/** One field of `message` (at any depth) deleted, replaced or joined by a stray one. */
function broken(cases: Cases, message: Record<string, unknown>): unknown {
  const copy = structuredClone(message) as Record<string, unknown>
  let target: Record<string, unknown> = copy
  for (let hops = cases.int(3); hops > 0; hops--) {
    const objects = Object.values(target).filter(
      (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v),
    )
    if (objects.length === 0) break
    target = cases.pick(objects)
  }
  const keys = Object.keys(target)
  const key = keys.length > 0 && cases.chance(0.8) ? cases.pick(keys) : 'stray'
  if (cases.chance(0.3)) delete target[key]
  else target[key] = cases.value()
  return copy
}

interface Case {
  readonly method: string
  readonly headers: Record<string, string>
  readonly body: string | undefined
}

/** The headers a conformant client sends with `template`. */
function goodHeaders(template: Template, session: { id: string; version: string }) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
  }
  const { method, params } = template.message as { method?: string; params?: { name?: string } }
  if (template.era === 'modern') {
    headers['mcp-protocol-version'] = MODERN
    if (method !== undefined) headers['mcp-method'] = method
    if (method === 'tools/call' && params?.name !== undefined) headers['mcp-name'] = params.name
  } else if (method !== 'initialize') {
    headers['mcp-protocol-version'] = session.version
    headers['mcp-session-id'] = session.id
  }
  return headers
}

/** One header replaced by a hostile value, or dropped. */
function hostileHeader(cases: Cases, headers: Record<string, string>, sessionId: string): void {
  const name = cases.pick([
    'content-type',
    'accept',
    'mcp-protocol-version',
    'mcp-session-id',
    'mcp-method',
    'mcp-name',
    'last-event-id',
  ])
  const values: Record<string, readonly string[]> = {
    'content-type': [
      'text/plain',
      'application/json;;;',
      'APPLICATION/JSON',
      'multipart/form-data',
    ],
    accept: ['application/json', 'text/event-stream', '*/*', 'text/html', 'application/json;q=0'],
    'mcp-protocol-version': [...LEGACY_VERSIONS, MODERN, '2099-01-01', 'latest', ' 2025-11-25 '],
    'mcp-session-id': [sessionId, 'not-a-session', 'z'.repeat(4096), `${sessionId}x`],
    'mcp-method': ['tools/call', 'tools/list', 'é', 'x'.repeat(500)],
    'mcp-name': ['echo', 'nope', '=?utf-8?B?ZWNobw==?=', '=?base64?bm9wZQ==?='],
    'last-event-id': ['0', 'p1_2', 'x'.repeat(300)],
  }
  if (cases.chance(0.25)) delete headers[name]
  else headers[name] = cases.pick(values[name] ?? [''])
}

function makeCase(cases: Cases, session: { id: string; version: string }): Case {
  const template = cases.pick(templates(session.version))
  const headers = goodHeaders(template, session)
  for (let n = cases.chance(0.6) ? 0 : 1 + cases.int(2); n > 0; n--) {
    hostileHeader(cases, headers, session.id)
  }
  const method = cases.chance(0.85)
    ? 'POST'
    : cases.pick(['GET', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD'])
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
    return { method, headers, body: undefined }
  }
  const roll = cases.int(12)
  let body: string
  if (roll === 0) body = cases.pick(['', '{', '[]', '[{}]', 'null', '"x"', '1', '\u0000', '{"a":'])
  else if (roll === 1) body = 'x'.repeat(cases.pick([70_000, 200_000]))
  else {
    const message = cases.chance(0.2) ? template.message : broken(cases, template.message)
    body = JSON.stringify(
      roll === 2 ? Array.from({ length: 1 + cases.int(3) }, () => message) : message,
    )
  }
  return { method, headers, body }
}

const ANSWERED = new Set([200, 202, 204, 400, 403, 404, 405, 406, 413, 415])

let server: McpServer
const events: McpServerEvent[] = []
let session: { id: string; version: string }

beforeAll(async () => {
  server = createServer({
    name: 'fuzz',
    version: '1.0.0',
    config: { maxBodyBytes: 64 * 1024 },
  })
  server.events.subscribe((event) => {
    if (event.type === 'error') events.push(event)
  })
  server.tool('echo', { inputSchema: z.object({ text: z.string().max(100) }) }, ({ text }) => text)
  server.tool('progress', async (_args, ctx) => {
    await ctx.progress(1, 2)
    return 'done'
  })
  server.tool('fails', () => {
    throw new Error('tool failure')
  })
  server.resource('test://doc', { name: 'doc' }, () => [{ text: 'doc' }])
  server.prompt('greet', { description: 'hi' }, () => [{ role: 'user', content: 'hi' }])
  session = { id: await openSession(server.handle), version: '2025-11-25' }
})

afterAll(async () => {
  await server?.close({ deadlineMs: 0 })
})

describe('hostile input at the HTTP boundary', () => {
  test('2,000 generated requests each get a deliberate answer', async () => {
    const cases = new Cases(20261124)
    const statuses = new Map<number, number>()
    for (let index = 0; index < 2000; index++) {
      const request = makeCase(cases, session)
      const label = `#${index} ${request.method} ${JSON.stringify(request.headers).slice(0, 200)} ${request.body?.slice(0, 200)}`
      const response = await server.handle(
        new Request(ENDPOINT, {
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
        }),
      )
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      // A DELETE that ended the session: later cases get a new one, so they reach past the lookup.
      if (request.method === 'DELETE' && response.ok) {
        session = { id: await openSession(server.handle), version: '2025-11-25' }
      }
      expect(ANSWERED.has(response.status), `${response.status} for ${label}`).toBe(true)
      const type = response.headers.get('content-type') ?? ''
      if (type.startsWith('text/event-stream')) {
        // Listen and GET streams stay open: stop reading.
        await response.body?.cancel()
        continue
      }
      const text = await response.text()
      if (type.startsWith('application/json')) {
        const parsed = JSON.parse(text) as { jsonrpc?: unknown } | { jsonrpc?: unknown }[]
        for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
          expect(message.jsonrpc, label).toBe('2.0')
        }
      }
    }
    expect(events, 'internal errors').toEqual([])
    // The generator reaches the refusals it is meant to, not only one of them.
    for (const status of [200, 202, 400, 404, 405, 406, 413, 415]) {
      expect(statuses.get(status) ?? 0, `answers with ${status}`).toBeGreaterThan(0)
    }
  })

  test('afterwards a new session works and nothing is left in flight', async () => {
    // The cases include DELETEs with the real session id, so the first session may be gone.
    session = { id: await openSession(server.handle), version: '2025-11-25' }
    const response = await server.handle(
      new Request(ENDPOINT, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-session-id': session.id,
          'mcp-protocol-version': session.version,
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 'after',
          method: 'tools/call',
          params: { name: 'echo', arguments: { text: 'still here' } },
        }),
      }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: 'after',
      result: { content: [{ type: 'text', text: 'still here' }] },
    })
    await expect.poll(() => server.stats.inFlight).toBe(0)
  })
})
