import { describe, expect, test } from 'vitest'
import { ErrorCode } from '../../../src/core/errors/codes.ts'
import { isTransportError } from '../../../src/core/errors/guards.ts'
import { isJsonMediaType, mediaTypeOf } from '../../../src/transports/streamable-http/media-type.ts'
import {
  answeredId,
  decodeEvent,
  requestIdsOf,
} from '../../../src/transports/streamable-http/messages.ts'
import { readSse, type SseItem } from '../../../src/transports/streamable-http/sse-reader.ts'

const encoder = new TextEncoder()

function bodyOf(
  chunks: readonly (string | Uint8Array)[],
  onCancel?: () => void,
): ReadableStream<Uint8Array> {
  let index = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++]
      if (chunk === undefined) controller.close()
      else controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
    },
    cancel: () => onCancel?.(),
  })
}

async function collect(
  body: ReadableStream<Uint8Array>,
  maxBufferSize = 1 << 20,
): Promise<SseItem[]> {
  const items: SseItem[] = []
  for await (const item of readSse(body, { maxBufferSize })) items.push(item)
  return items
}

describe('readSse', () => {
  test('events, ids, types and retry come out in stream order', async () => {
    const text =
      ': comment\nid: 1\nretry: 500\ndata: \n\nevent: endpoint\ndata: /post\n\nid: 2\ndata: {"a":\ndata: 1}\n\n'
    expect(await collect(bodyOf([text]))).toEqual([
      { type: 'retry', retryMs: 500 },
      { type: 'event', event: undefined, id: '1', data: '' },
      { type: 'event', event: 'endpoint', id: undefined, data: '/post' },
      { type: 'event', event: undefined, id: '2', data: '{"a":\n1}' },
    ])
  })

  test('splits anywhere, even inside a multi-byte character, with CRLF line ends', async () => {
    const bytes = encoder.encode('\uFEFFid: é\r\ndata: {"text":"日本😀"}\r\n\r\n')
    const chunks = [...bytes].map((byte) => Uint8Array.of(byte))
    expect(await collect(bodyOf(chunks))).toEqual([
      { type: 'event', event: undefined, id: 'é', data: '{"text":"日本😀"}' },
    ])
  })

  test('garbage yields nothing, and an unterminated last event is dropped', async () => {
    expect(
      await collect(bodyOf(['<html>\n<body>oops</body>\n', 'retry: soon\n\ndata: partial'])),
    ).toEqual([])
  })

  test('an event over the buffer limit fails with MESSAGE_TOO_LARGE', async () => {
    const error = await collect(bodyOf([`data: ${'x'.repeat(5000)}`]), 1024).catch(
      (e: unknown) => e,
    )
    expect(isTransportError(error)).toBe(true)
    expect((error as { code: string }).code).toBe(ErrorCode.MessageTooLarge)
  })

  test('stopping early cancels the body', async () => {
    let cancelled = false
    const body = bodyOf(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'], () => {
      cancelled = true
    })
    for await (const item of readSse(body, { maxBufferSize: 100 })) {
      expect(item).toMatchObject({ data: '1' })
      break
    }
    expect(cancelled).toBe(true)
  })
})

describe('media types', () => {
  test('parsed, never substring-matched', () => {
    expect(mediaTypeOf('Text/Event-Stream; charset=UTF-8')).toBe('text/event-stream')
    expect(mediaTypeOf('application/json')).toBe('application/json')
    expect(mediaTypeOf('text/event-streamx')).toBe('text/event-streamx')
    expect(mediaTypeOf('garbage')).toBeUndefined()
    expect(mediaTypeOf(null)).toBeUndefined()
    expect(isJsonMediaType('application/problem+json')).toBe(true)
    expect(isJsonMediaType(mediaTypeOf('application/jsonp'))).toBe(false)
  })
})

describe('messages', () => {
  const event = (data: string, type?: string) =>
    ({ type: 'event', event: type, id: undefined, data }) as const

  test('only message events with data carry messages; arrays are batches', () => {
    expect(decodeEvent(event(''))).toEqual({ kind: 'none' })
    expect(decodeEvent(event('{"a":1}', 'ping'))).toEqual({ kind: 'none' })
    expect(decodeEvent(event('{"a":1}', 'message'))).toEqual({
      kind: 'messages',
      messages: [{ a: 1 }],
    })
    expect(decodeEvent(event('[1,2]'))).toEqual({ kind: 'messages', messages: [1, 2] })
    expect(decodeEvent(event('{nope'))).toMatchObject({ kind: 'invalid', preview: '{nope' })
  })

  test('request ids and answered ids', () => {
    expect([...requestIdsOf({ jsonrpc: '2.0', id: 1, method: 'a' })]).toEqual([1])
    expect([...requestIdsOf({ jsonrpc: '2.0', method: 'notify' })]).toEqual([])
    expect([
      ...requestIdsOf([
        { id: 'x', method: 'a' },
        { id: 2, result: {} },
      ]),
    ]).toEqual(['x'])
    expect(answeredId({ jsonrpc: '2.0', id: 3, result: {} })).toBe(3)
    expect(answeredId({ jsonrpc: '2.0', id: 'e', error: { code: 1, message: '' } })).toBe('e')
    expect(answeredId({ jsonrpc: '2.0', id: 3, method: 'x' })).toBeUndefined()
    expect(answeredId({ jsonrpc: '2.0', method: 'notifications/progress' })).toBeUndefined()
  })
})
