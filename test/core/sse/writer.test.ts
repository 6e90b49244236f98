import { describe, expect, test } from 'vitest'
import {
  encodeJsonEvent,
  encodeSseComment,
  encodeSseEvent,
  SseStream,
} from '../../../src/core/sse/writer.ts'

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text()
}

describe('encodeSseEvent', () => {
  test('writes fields in order and ends with a blank line', () => {
    expect(encodeSseEvent({ id: 's_1', event: 'message', retry: 500, data: 'x' })).toBe(
      'id: s_1\nevent: message\nretry: 500\ndata: x\n\n',
    )
  })

  test('a priming event carries an id and empty data', () => {
    expect(encodeSseEvent({ id: 'p', data: '' })).toBe('id: p\ndata: \n\n')
  })

  test('multi-line data becomes several data fields', () => {
    expect(encodeSseEvent({ data: 'a\nb\r\nc' })).toBe('data: a\ndata: b\ndata: c\n\n')
  })

  test('refuses line breaks in id and event, and bad retry values', () => {
    expect(() => encodeSseEvent({ id: 'a\nb' })).toThrow(RangeError)
    expect(() => encodeSseEvent({ event: 'x\r' })).toThrow(RangeError)
    expect(() => encodeSseEvent({ retry: -1 })).toThrow(/retry must be an integer >= 0, got -1/)
    expect(() => encodeSseEvent({ retry: 1.5 })).toThrow(RangeError)
  })

  test('a JSON event encodes exactly as the checked encoder does', () => {
    const json = JSON.stringify({ text: 'two\nlines\r\n', nul: '\0' })
    expect(json).not.toMatch(/[\r\n]/)
    for (const [id, data] of [
      ['s1_0001', json],
      ['s1_0002', ''],
    ] as const) {
      expect(encodeJsonEvent(id, data)).toBe(encodeSseEvent({ id, data }))
    }
    expect(encodeJsonEvent('s1_0000', '', 1000)).toBe(
      encodeSseEvent({ id: 's1_0000', retry: 1000, data: '' }),
    )
  })

  test('comments are single-line', () => {
    expect(encodeSseComment('keep\nalive')).toBe(': keep alive\n\n')
  })
})

describe('SseStream', () => {
  test('delivers queued events and ends on close', async () => {
    const sse = new SseStream()
    expect(sse.send({ id: '1', data: '' })).toBe(true)
    expect(sse.comment()).toBe(true)
    expect(sse.send({ data: '{"a":1}' })).toBe(true)
    sse.close()
    expect(sse.closed).toBe(true)
    expect(sse.signal.aborted).toBe(true)
    expect(sse.send({ data: 'late' })).toBe(false)
    expect(await readAll(sse.readable)).toBe('id: 1\ndata: \n\n: \n\ndata: {"a":1}\n\n')
  })

  test('a consumer cancel aborts the signal and later sends report false', async () => {
    const sse = new SseStream()
    const reasons: unknown[] = []
    sse.signal.addEventListener('abort', () => reasons.push(sse.signal.reason))
    await sse.readable.cancel('client went away')
    expect(reasons).toEqual(['client went away'])
    expect(sse.send({ data: 'x' })).toBe(false)
    sse.close() // idempotent after cancel
  })

  test('sendEncoded queues text as it is', async () => {
    const sse = new SseStream()
    expect(sse.sendEncoded(encodeJsonEvent('a_1', '{}'))).toBe(true)
    sse.close()
    expect(await new Response(sse.readable).text()).toBe('id: a_1\ndata: {}\n\n')
  })

  test('queuedBytes grows while nobody reads', () => {
    const sse = new SseStream()
    expect(sse.queuedBytes).toBe(0)
    sse.send({ data: 'x'.repeat(100) })
    expect(sse.queuedBytes).toBeGreaterThan(100)
  })
})
