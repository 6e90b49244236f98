/**
 * A generated hostile server: hundreds of cases from a fixed seed, in which every answer the client
 * gets is either what a conformant server sends or something broken (a mangled result, a wrong id,
 * text that is not JSON, an odd media type, an error status with any body, an event stream with
 * garbage lines, a message past `maxMessageBytes`, a stream that ends early or never answers, a
 * failed fetch). Whatever happens, `connect` and `callTool` settle, either with a value or with one
 * of mcpkit's typed errors, and `close` never rejects.
 */
import { expect, test } from 'vitest'
import { isSchemaValidationError } from '../../src/client/schema-validation-error.ts'
import { isMcpkitError, isProtocolError } from '../../src/core/errors/guards.ts'
import { createStreamableHttpTransport } from '../../src/transports/streamable-http/index.ts'
import { Dice } from '../support/dice.ts'
import { accepted, createFakeFetch, type Json, json, sse } from './support/fake-fetch.ts'
import { clientOn, discoverResult, MODERN } from './support/harness.ts'

/** Dice that also make JSON values. */
class JsonDice extends Dice {
  value(depth = 0): Json {
    switch (this.int(depth > 2 ? 5 : 7)) {
      case 0:
        return null
      case 1:
        return this.chance(0.5)
      case 2:
        return this.pick([0, -1, 1.5, 2 ** 53, 1e308])
      case 3:
        return this.pick(['', 'x', '2.0', 'complete', 'input_required', '\ud800'])
      case 4:
        return 'y'.repeat(this.pick([1, 1000]))
      case 5:
        return Array.from({ length: this.int(3) }, () => this.value(depth + 1))
      default: {
        const object: Record<string, Json> = {}
        for (let i = this.int(3); i > 0; i--) {
          object[this.pick(['type', 'text', 'content', 'resultType', '_meta'])] = this.value(
            depth + 1,
          )
        }
        return object
      }
    }
  }
}

/**
 * mcpkit's error family: McpkitError's subclasses, ProtocolError for a JSON-RPC error, and
 * SchemaValidationError for an answer of the wrong shape.
 */
function typed(error: unknown): boolean {
  return isMcpkitError(error) || isProtocolError(error) || isSchemaValidationError(error)
}

const SERVER_INFO = { name: 'hostile', version: '1' }

/** What a conformant server answers to `message` (in the era `modern` says). */
function goodResult(message: Json, modern: boolean): Json {
  switch (message.method) {
    case 'server/discover':
      return discoverResult()
    case 'initialize':
      return {
        protocolVersion: message.params?.protocolVersion ?? '2025-11-25',
        capabilities: { tools: {} },
        serverInfo: SERVER_INFO,
      }
    case 'tools/call': {
      const content = [{ type: 'text', text: 'ok' }]
      return modern ? { resultType: 'complete', content } : { content }
    }
    default:
      return modern ? { resultType: 'complete' } : {}
  }
}

/** `value` with one member (at any depth) replaced, deleted, or added. */
function mangled(dice: JsonDice, value: Json): Json {
  const copy = structuredClone(value) as Record<string, Json>
  let target: Record<string, Json> = copy
  for (let hops = dice.int(3); hops > 0; hops--) {
    const inner = Object.values(target).filter(
      (v): v is Record<string, Json> => typeof v === 'object' && v !== null,
    )
    if (inner.length === 0) break
    target = dice.pick(inner)
  }
  const keys = Object.keys(target)
  const key = keys.length > 0 && dice.chance(0.8) ? dice.pick(keys) : 'stray'
  if (dice.chance(0.3)) delete target[key]
  else target[key] = dice.value()
  return copy
}

/** An event stream of `events` (raw SSE text blocks), ended or left open. */
function rawSse(blocks: readonly string[], end: 'close' | 'fail' | 'open'): Response {
  const stream = sse()
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const block of blocks) controller.enqueue(encoder.encode(block))
      if (end === 'close') controller.close()
      if (end === 'fail') controller.error(new TypeError('network connection lost'))
    },
  })
  stream.close()
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } })
}

/** The answer to one POST: conformant about half the time, otherwise broken in one way. */
function answerPost(dice: JsonDice, message: Json, modern: boolean): Response {
  if (message.id === undefined || message.method === undefined) {
    return dice.chance(0.8) ? accepted() : json({ unexpected: true })
  }
  const session = modern ? {} : { 'mcp-session-id': 'hostile-session' }
  const good = { jsonrpc: '2.0', id: message.id, result: goodResult(message, modern) }
  if (dice.chance(0.5)) return json(good, { headers: session })
  switch (dice.int(10)) {
    case 0:
      return json(mangled(dice, good), { headers: session })
    case 1:
      return json({ ...good, id: dice.pick([message.id + 1, 'other', null]) }, { headers: session })
    case 2:
      return new Response(dice.pick(['', '{', 'not json', '<html></html>', '[]', 'null']), {
        status: 200,
        headers: { 'content-type': dice.pick(['application/json', 'text/html', 'text/plain']) },
      })
    case 3: {
      const status = dice.pick([400, 401, 403, 404, 405, 406, 409, 429, 500, 502, 503])
      const body = dice.chance(0.5)
        ? JSON.stringify({
            jsonrpc: '2.0',
            id: message.id,
            error: { code: dice.pick([-32600, -32601, -32000, -32001, 1.5]), message: 'no' },
          })
        : dice.pick(['', 'Bad Request', '{"error":"x"}'])
      return new Response(body, { status, headers: { 'content-type': 'application/json' } })
    }
    case 4:
      return rawSse(
        [
          'event: message\ndata: not json\n\n',
          ': comment\n\n',
          `data: ${JSON.stringify(good)}\n\n`,
        ].slice(dice.int(2)),
        'close',
      )
    case 5:
      return rawSse(
        [
          `id: e1\nretry: ${dice.pick([0, 1, 5])}\ndata:\n\n`,
          `data: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/progress', params: dice.value() })}\n\n`,
        ],
        dice.pick(['close', 'fail'] as const),
      )
    case 6:
      return rawSse([`data: ${'x'.repeat(70_000)}\n\n`], 'close')
    case 7:
      return rawSse([`data: ${JSON.stringify(mangled(dice, good))}\n\n`], 'close')
    case 8:
      if (dice.chance(0.15)) return rawSse([], 'open')
      return rawSse(
        [`data: ${JSON.stringify({ jsonrpc: '2.0', id: 999, result: {} })}\n\n`],
        'close',
      )
    default:
      throw new TypeError('fetch failed')
  }
}

test('400 generated hostile servers: every call settles with a value or a typed error', async () => {
  const dice = new JsonDice(424242)
  const outcomes = { connected: 0, called: 0, typedErrors: 0 }
  for (let index = 0; index < 400; index++) {
    const pin = dice.pick([undefined, '2025-11-25', MODERN] as const)
    const fake = createFakeFetch(async (request) => {
      if (request.method === 'DELETE') return new Response(null, { status: 200 })
      if (request.method === 'GET') {
        return dice.chance(0.7) ? new Response(null, { status: 405 }) : rawSse([], 'open')
      }
      const message = await request.json()
      const modern = request.headers.get('mcp-protocol-version') === MODERN
      if (Array.isArray(message))
        return json({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batch' } })
      return answerPost(dice, message, modern)
    })
    const client = clientOn(fake, {
      ...(pin === undefined ? {} : { protocolVersion: pin }),
      requestTimeoutMs: 100,
      maxTotalTimeoutMs: 200,
      // The mcpkit transport with a small message limit, so the oversized event trips it.
      createHttpTransport: ({ signal: _signal, ...settings }) =>
        createStreamableHttpTransport({ ...settings, maxMessageBytes: 65_536 }),
      reconnect: { initialDelayMs: 1, maxDelayMs: 5, maxRetries: 1 },
    })
    const label = `case ${index} (${pin ?? 'negotiated'})`
    try {
      await client.connect()
      outcomes.connected++
      await client.callTool({ name: 'echo', arguments: { text: 'hi' } })
      outcomes.called++
    } catch (error) {
      expect(typed(error), `${label}: ${String(error)}`).toBe(true)
      outcomes.typedErrors++
    } finally {
      await expect(client.close(), label).resolves.toBeUndefined()
    }
  }
  // The generator reaches both ends: calls that succeed and failures of every kind.
  expect(outcomes.called).toBeGreaterThan(20)
  expect(outcomes.typedErrors).toBeGreaterThan(100)
}, 120_000)
