import { describe, expect, test } from 'vitest'
import { ErrorCode } from '../../../src/core/errors/codes.ts'
import { isTransportError } from '../../../src/core/errors/guards.ts'
import { createSseParser } from '../../../src/transports/streamable-http/sse-parser.ts'
import { readSse, type SseItem } from '../../../src/transports/streamable-http/sse-reader.ts'

const LIMIT = 1 << 20

/** Every item of `chunks` fed in order to one parser. */
function parse(chunks: readonly string[], limit = LIMIT): SseItem[] {
  const parser = createSseParser(limit)
  return chunks.flatMap((chunk) => parser.feed(chunk))
}

const event = (data: string, extra: { event?: string; id?: string } = {}): SseItem => ({
  type: 'event',
  event: extra.event,
  id: extra.id,
  data,
})

/** Every way of cutting `text` in two, plus one character at a time. */
function splits(text: string): string[][] {
  const cuts: string[][] = [[text], [...text]]
  for (let at = 1; at < text.length; at++) cuts.push([text.slice(0, at), text.slice(at)])
  return cuts
}

describe('createSseParser: line ends', () => {
  test.each([
    ['LF', '\n'],
    ['CR', '\r'],
    ['CRLF', '\r\n'],
  ])('%s ends lines and blank %s lines dispatch', (_name, eol) => {
    expect(parse([`data: a${eol}data: b${eol}${eol}data: c${eol}${eol}`])).toEqual([
      event('a\nb'),
      event('c'),
    ])
  })

  test('mixed line ends in one stream', () => {
    expect(parse(['data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\r'])).toEqual([
      event('a\nb\nc'),
      event('d'),
    ])
  })

  test('the result does not depend on where the chunks split, even between CR and LF', () => {
    const text = 'id: 1\r\nevent: x\r\ndata: a\r\n\r\ndata: b\rdata: c\r\rretry: 7\n\n'
    const expected = [
      event('a', { event: 'x', id: '1' }),
      event('b\nc'),
      { type: 'retry', retryMs: 7 },
    ]
    for (const chunks of splits(text)) expect(parse(chunks)).toEqual(expected)
  })

  test('a CR at the end of a chunk followed by an empty chunk still pairs with the next LF', () => {
    expect(parse(['data: a\r', '', '\n', '\r\n'])).toEqual([event('a')])
  })

  test('CR then CR is two line ends, not a pair', () => {
    expect(parse(['data: a\r', '\r'])).toEqual([event('a')])
  })
})

describe('createSseParser: fields', () => {
  test('data lines join with LF; one leading space is dropped, the rest kept', () => {
    expect(parse(['data:a\ndata: b\ndata:  c\ndata\ndata:\n\n'])).toEqual([event('a\nb\n c\n\n')])
  })

  test('a value may contain colons', () => {
    expect(parse(['data: {"a":"b:c"}\n\n'])).toEqual([event('{"a":"b:c"}')])
  })

  test('a data line with an empty value dispatches an empty event (a priming event)', () => {
    expect(parse(['id: 5\ndata:\n\n'])).toEqual([event('', { id: '5' })])
  })

  test('a block without data or id dispatches nothing', () => {
    expect(parse(['event: x\n\n: just a comment\n\n\n\nretry: x\n\n'])).toEqual([])
  })

  test('a block with an id but no data still moves the last event id (WHATWG), as an empty event', () => {
    // A resuming client must ask for what follows this id, not for what it already has.
    expect(parse(['data: a\nid: 4\n\nid: 5\n\nid:\n\n'])).toEqual([
      event('a', { id: '4' }),
      event('', { id: '5' }),
      event('', { id: '' }),
    ])
  })

  test('comments are ignored wherever they appear', () => {
    expect(parse([':hello\ndata: a\n: data: no\n:\ndata: b\n\n'])).toEqual([event('a\nb')])
  })

  test('event sets the type; the last one wins; an empty one means the default', () => {
    expect(parse(['event: a\nevent: b\ndata: 1\n\nevent:\ndata: 2\n\ndata: 3\n\n'])).toEqual([
      event('1', { event: 'b' }),
      event('2'),
      event('3'),
    ])
  })

  test('the type, id and data reset after each dispatch', () => {
    expect(parse(['event: e\nid: 1\ndata: a\n\ndata: b\n\n'])).toEqual([
      event('a', { event: 'e', id: '1' }),
      event('b'),
    ])
  })

  test('id is taken as is, may be empty, and is ignored when it contains NUL', () => {
    expect(parse(['id:  7 \ndata: a\n\nid\ndata: b\n\nid: 1\nid: x\0y\ndata: c\n\n'])).toEqual([
      event('a', { id: ' 7 ' }),
      event('b', { id: '' }),
      event('c', { id: '1' }),
    ])
  })

  test('retry counts only when it is all ASCII digits, in stream order', () => {
    expect(
      parse([
        'retry: 100\nretry:0250\nretry: 1.5\nretry: -1\nretry: 5s\nretry:\nretry: ١٢\nretry:  9\ndata: a\nretry: 3\n\n',
      ]),
    ).toEqual([
      { type: 'retry', retryMs: 100 },
      { type: 'retry', retryMs: 250 },
      { type: 'retry', retryMs: 3 },
      event('a'),
    ])
  })

  test('unknown fields and field names differing in case are ignored', () => {
    expect(parse(['Data: x\nDATA: y\nfoo: bar\nretryx: 1\ndata : z\ndata: ok\n\n'])).toEqual([
      event('ok'),
    ])
  })

  test('a field name alone (no colon) has an empty value', () => {
    expect(parse(['event\ndata\n\n'])).toEqual([event('')])
  })

  test('a NUL or a BOM inside data is kept', () => {
    expect(parse(['data: a\0b\uFEFF\n\n'])).toEqual([event('a\0b\uFEFF')])
  })
})

describe('createSseParser: the end of the stream', () => {
  test('an event without its blank line is never dispatched', () => {
    const parser = createSseParser(LIMIT)
    expect(parser.feed('data: a\n\ndata: b\n')).toEqual([event('a')])
    expect(parser.feed('')).toEqual([])
    expect(parser.feed('data: c')).toEqual([])
  })

  test('an unterminated line waits for its end', () => {
    const parser = createSseParser(LIMIT)
    expect(parser.feed('da')).toEqual([])
    expect(parser.feed('ta: x')).toEqual([])
    expect(parser.feed('yz\n')).toEqual([])
    expect(parser.feed('\n')).toEqual([event('xyz')])
  })
})

describe('createSseParser: the buffer limit', () => {
  test('an unterminated line over the limit fails with MESSAGE_TOO_LARGE', () => {
    const parser = createSseParser(10)
    expect(parser.feed('data: 1234')).toEqual([])
    const error = (() => {
      try {
        parser.feed('56')
      } catch (e) {
        return e
      }
    })()
    expect(isTransportError(error)).toBe(true)
    expect((error as { code: string }).code).toBe(ErrorCode.MessageTooLarge)
  })

  test('pending data counts toward the limit', () => {
    const parser = createSseParser(10)
    expect(parser.feed('data: 12345\n')).toEqual([])
    expect(() => parser.feed('data: 67890\n')).toThrow(/exceeded 10 characters/)
  })

  test('dispatched events free the buffer', () => {
    const parser = createSseParser(10)
    for (let i = 0; i < 5; i++) expect(parser.feed('data: 12345\n\n')).toEqual([event('12345')])
  })
})

describe('readSse', () => {
  const encoder = new TextEncoder()
  const bodyOf = (chunks: readonly Uint8Array[]) => {
    let index = 0
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++]
        if (chunk === undefined) controller.close()
        else controller.enqueue(chunk)
      },
    })
  }
  const collect = async (chunks: readonly Uint8Array[]) => {
    const items: SseItem[] = []
    for await (const item of readSse(bodyOf(chunks), { maxBufferSize: LIMIT })) items.push(item)
    return items
  }

  test('one leading BOM is dropped, even split byte by byte; a later one is kept', async () => {
    const bytes = encoder.encode('\uFEFFdata: a\n\n\uFEFFdata: b\n\ndata: c\n\n')
    const items = await collect([...bytes].map((byte) => Uint8Array.of(byte)))
    // The second BOM starts the field name, so `\uFEFFdata` is an unknown field and is ignored.
    expect(items).toEqual([event('a'), event('c')])
  })

  test('invalid UTF-8 becomes replacement characters', async () => {
    expect(await collect([Uint8Array.of(0x64, 0x61, 0x74, 0x61, 0x3a, 0xff, 0x0a, 0x0a)])).toEqual([
      event('\uFFFD'),
    ])
  })

  test('a multi-byte character split at the very end of the body is decoded on flush', async () => {
    const bytes = encoder.encode('data: é')
    expect(
      await collect([bytes.subarray(0, 7), bytes.subarray(7), encoder.encode('\n\n')]),
    ).toEqual([event('é')])
  })
})
