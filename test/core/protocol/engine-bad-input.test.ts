import { afterEach, describe, expect, test } from 'vitest'
import { createJsonRpcEngine, type JsonRpcEngine } from '../../../src/core/protocol/engine.ts'
import type { JsonRpcEngineOptions } from '../../../src/core/protocol/engine-options.ts'
import type { OutboundMessage } from '../../../src/core/protocol/messages.ts'
import {
  deferred,
  eventsOfType,
  flush,
  recordEvents,
  type ScriptedConnection,
  scriptedConnection,
} from './harness.ts'

const engines: JsonRpcEngine[] = []
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()))
})

/**
 * An engine with a slow legitimate request already in flight. `finish()` releases it and proves the
 * read loop survived: the slow request completes and a new request is still answered.
 */
async function withSlowRequest(options: Partial<JsonRpcEngineOptions> = {}) {
  const script = scriptedConnection()
  const gate = deferred<void>()
  const slowStarted = deferred<void>()
  const engine = createJsonRpcEngine({
    connection: script.connection,
    onRequest: async (request) => {
      if (request.method !== 'slow') return { echo: request.method }
      slowStarted.resolve()
      await gate.promise
      return { slow: 'done' }
    },
    ...options,
  })
  engines.push(engine)
  const events = recordEvents(engine)
  script.value({ jsonrpc: '2.0', id: 'legit', method: 'slow' })
  await slowStarted.promise
  const finish = async () => {
    const before = script.sent.length
    gate.resolve()
    script.value({ jsonrpc: '2.0', id: 'after', method: 'fresh' })
    await script.waitForSent(before + 2)
    expect(script.sent.slice(before)).toEqual(
      expect.arrayContaining([
        { jsonrpc: '2.0', id: 'legit', result: { slow: 'done' } },
        { jsonrpc: '2.0', id: 'after', result: { echo: 'fresh' } },
      ]),
    )
  }
  return { script, engine, events, finish }
}

async function nextReply(script: ScriptedConnection): Promise<OutboundMessage> {
  return script.waitForSent(script.sent.length + 1)
}

describe('malformed JSON', () => {
  test.each([
    ['truncated object', '{"jsonrpc":"2.0","id":1,"method":'],
    ['not JSON at all', 'hello'],
    ['trailing garbage', '{"jsonrpc":"2.0","method":"x"} extra'],
    ['empty text', ''],
  ])('%s → -32700 with id null', async (_name, text) => {
    const { script, events, finish } = await withSlowRequest()
    const reply = nextReply(script)
    script.text(text)
    expect(await reply).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32700, message: 'Parse error: Invalid JSON' },
    })
    expect(eventsOfType(events, 'message:invalid')[0]?.reason).toBe('parse-error')
    await finish()
  })

  test('bytes that are not UTF-8 → -32700', async () => {
    const { script, finish } = await withSlowRequest()
    const reply = nextReply(script)
    script.frame({ type: 'bytes', bytes: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) })
    expect(await reply).toMatchObject({ id: null, error: { code: -32700 } })
    await finish()
  })

  test('valid UTF-8 bytes are parsed like text', async () => {
    const { script, finish } = await withSlowRequest()
    const reply = nextReply(script)
    const bytes = new TextEncoder().encode('{"jsonrpc":"2.0","id":"b","method":"héllo"}')
    script.frame({ type: 'bytes', bytes })
    expect(await reply).toEqual({ jsonrpc: '2.0', id: 'b', result: { echo: 'héllo' } })
    await finish()
  })
})

describe('not a JSON-RPC 2.0 message → -32600', () => {
  const cases: [string, unknown, string | number | null][] = [
    ['a number', 42, null],
    ['a string value', 'ping', null],
    ['null', null, null],
    ['a boolean', true, null],
    ['missing jsonrpc', { id: 5, method: 'x' }, 5],
    ['jsonrpc "1.0"', { jsonrpc: '1.0', id: 'q', method: 'x' }, 'q'],
    ['jsonrpc as a number', { jsonrpc: 2, id: 6, method: 'x' }, 6],
    ['null id on a request', { jsonrpc: '2.0', id: null, method: 'x' }, null],
    ['fractional id', { jsonrpc: '2.0', id: 1.5, method: 'x' }, null],
    ['boolean id', { jsonrpc: '2.0', id: false, method: 'x' }, null],
    ['object id', { jsonrpc: '2.0', id: { n: 1 }, method: 'x' }, null],
    ['array id', { jsonrpc: '2.0', id: [1], method: 'x' }, null],
    ['unsafe integer id', { jsonrpc: '2.0', id: 2 ** 60, method: 'x' }, null],
    ['method is a number', { jsonrpc: '2.0', id: 7, method: 7 }, 7],
    ['method is null', { jsonrpc: '2.0', id: 8, method: null }, 8],
    ['params is an array', { jsonrpc: '2.0', id: 9, method: 'x', params: [1, 2] }, 9],
    ['params is a string', { jsonrpc: '2.0', id: 10, method: 'x', params: 'p' }, 10],
    ['request with a result', { jsonrpc: '2.0', id: 11, method: 'x', result: {} }, 11],
    ['both result and error', { jsonrpc: '2.0', id: 12, result: {}, error: {} }, 12],
    ['neither method, result nor error', { jsonrpc: '2.0', id: 13 }, 13],
    ['error without a code', { jsonrpc: '2.0', id: 14, error: { message: 'm' } }, 14],
    [
      'error code not an integer',
      { jsonrpc: '2.0', id: 15, error: { code: 1.5, message: '' } },
      15,
    ],
    ['error is a string', { jsonrpc: '2.0', id: 16, error: 'boom' }, 16],
    ['result with a null id', { jsonrpc: '2.0', id: null, result: {} }, null],
    ['an empty object', {}, null],
  ]

  test.each(cases)('%s', async (_name, value, id) => {
    const { script, events, finish } = await withSlowRequest()
    const reply = nextReply(script)
    script.value(value)
    const response = (await reply) as { id: unknown; error: { code: number; message: string } }
    expect(response.id).toEqual(id)
    expect(response.error.code).toBe(-32600)
    expect(response.error.message).toMatch(/^Invalid Request: /)
    expect(eventsOfType(events, 'message:invalid')).toEqual([
      expect.objectContaining({ reason: 'invalid-message', id }),
    ])
    await finish()
  })

  test('the same checks apply to text frames', async () => {
    const { script, finish } = await withSlowRequest()
    const reply = nextReply(script)
    script.text('{"jsonrpc":"2.0","id":3,"method":["x"]}')
    expect(await reply).toEqual({
      jsonrpc: '2.0',
      id: 3,
      error: { code: -32600, message: 'Invalid Request: "method" must be a string' },
    })
    await finish()
  })

  test("unreadableId: 'omit' leaves the id out instead of null (MCP 2025-11-25+)", async () => {
    const { script, finish } = await withSlowRequest({ unreadableId: 'omit' })
    const reply = nextReply(script)
    script.text('{oops')
    expect(await reply).toEqual({
      jsonrpc: '2.0',
      error: { code: -32700, message: 'Parse error: Invalid JSON' },
    })
    await finish()
  })
})

describe('responses nobody asked for', () => {
  test('a result for an unknown id is dropped without a reply and reported', async () => {
    const { script, events, finish } = await withSlowRequest()
    const before = script.sent.length
    script.value({ jsonrpc: '2.0', id: 404, result: {} })
    script.value({ jsonrpc: '2.0', id: 'nope', error: { code: -32603, message: 'x' } })
    await flush()
    expect(script.sent.length).toBe(before)
    expect(eventsOfType(events, 'message:dropped').map((e) => e.reason)).toEqual([
      'unknown-response-id',
      'unknown-response-id',
    ])
    await finish()
  })

  test('an error response with a null or missing id is dropped and reported', async () => {
    const { script, events, finish } = await withSlowRequest()
    const before = script.sent.length
    script.value({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })
    script.value({ jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' } })
    await flush()
    expect(script.sent.length).toBe(before)
    expect(eventsOfType(events, 'message:dropped').map((e) => e.reason)).toEqual([
      'error-without-id',
      'error-without-id',
    ])
    await finish()
  })
})

describe('duplicate ids', () => {
  test('a request reusing an in-flight id gets -32600 and the first still completes', async () => {
    const { script, events, finish } = await withSlowRequest()
    const reply = nextReply(script)
    script.value({ jsonrpc: '2.0', id: 'legit', method: 'other' })
    expect(await reply).toEqual({
      jsonrpc: '2.0',
      id: 'legit',
      error: { code: -32600, message: 'Invalid Request: request id legit is in use' },
    })
    expect(eventsOfType(events, 'message:invalid')[0]?.reason).toBe('duplicate-id')
    await finish()
  })

  test('the id is free again once the first request completed', async () => {
    const { script, finish } = await withSlowRequest()
    await finish()
    const reply = nextReply(script)
    script.value({ jsonrpc: '2.0', id: 'legit', method: 'again' })
    expect(await reply).toEqual({ jsonrpc: '2.0', id: 'legit', result: { echo: 'again' } })
  })

  test('1 and "1" are different ids', async () => {
    const { script, finish } = await withSlowRequest()
    script.value({ jsonrpc: '2.0', id: 1, method: 'a' })
    script.value({ jsonrpc: '2.0', id: '1', method: 'b' })
    await script.waitForSent(2)
    expect(script.sent).toEqual([
      { jsonrpc: '2.0', id: 1, result: { echo: 'a' } },
      { jsonrpc: '2.0', id: '1', result: { echo: 'b' } },
    ])
    await finish()
  })
})

describe('oversized messages', () => {
  test('text over maxMessageBytes → -32600 "message too large" with id null, before parsing', async () => {
    const { script, events, finish } = await withSlowRequest({ maxMessageBytes: 64 })
    const reply = nextReply(script)
    // Not even JSON: a parse error would prove the size check came second.
    const text = `{"jsonrpc":"2.0","id":1,"method":"${'x'.repeat(100)}`
    script.text(text)
    const response = (await reply) as { id: unknown; error: { code: number; message: string } }
    expect(response.id).toBeNull()
    expect(response.error.code).toBe(-32600)
    expect(response.error.message).toMatch(/message too large/)
    expect(eventsOfType(events, 'message:invalid')).toEqual([
      expect.objectContaining({ reason: 'too-large', byteLength: text.length }),
    ])
    await finish()
  })

  test('multi-byte text is measured in UTF-8 bytes, not characters', async () => {
    const { script, finish } = await withSlowRequest({ maxMessageBytes: 60 })
    // 39 characters of envelope plus 8 × "€" (3 bytes each) = 47 characters but 63 bytes.
    const text = `{"jsonrpc":"2.0","id":"e","method":"${'€'.repeat(8)}"}`
    expect(text.length).toBeLessThanOrEqual(60)
    const reply = nextReply(script)
    script.text(text)
    expect(await reply).toMatchObject({ id: null, error: { code: -32600 } })
    await finish()
  })

  test('a message exactly at the limit is accepted', async () => {
    const text = '{"jsonrpc":"2.0","id":"e","method":"ok"}'
    const { script, finish } = await withSlowRequest({ maxMessageBytes: text.length })
    const reply = nextReply(script)
    script.text(text)
    expect(await reply).toEqual({ jsonrpc: '2.0', id: 'e', result: { echo: 'ok' } })
    await finish()
  })

  test('oversized bytes and framing-level oversized frames are refused the same way', async () => {
    const { script, events, finish } = await withSlowRequest({ maxMessageBytes: 16 })
    script.frame({ type: 'bytes', bytes: new Uint8Array(17) })
    script.frame({ type: 'oversized', byteLength: 1_000_000 })
    await script.waitForSent(2)
    expect(script.sent).toEqual([
      expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32600 }) }),
      expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32600 }) }),
    ])
    expect(eventsOfType(events, 'message:invalid').map((e) => e.byteLength)).toEqual([
      17, 1_000_000,
    ])
    await finish()
  })
})

describe('robustness', () => {
  test('a burst of every kind of garbage leaves every legit request answered', async () => {
    const { script, finish } = await withSlowRequest()
    script.text('{')
    script.value(7)
    script.value([])
    script.value({ jsonrpc: '2.0', id: 99, result: 1 })
    script.value({ jsonrpc: '2.0', id: 'legit', method: 'dup' })
    script.frame({ type: 'nonsense' } as never)
    await script.waitForSent(5)
    await finish()
  })
})
