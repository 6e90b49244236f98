import { describe, expect, test } from 'vitest'
import type { InboundFrame } from '../../../src/core/connection.ts'
import { LineDecoder } from '../../../src/core/framing/line-decoder.ts'

const encode = (text: string) => new TextEncoder().encode(text)

function decodeAll(chunks: readonly Uint8Array[], maxMessageBytes = 1024): InboundFrame[] {
  const decoder = new LineDecoder({ maxMessageBytes })
  const frames: InboundFrame[] = []
  const drain = () => {
    for (let frame = decoder.shift(); frame; frame = decoder.shift()) frames.push(frame)
  }
  for (const chunk of chunks) {
    decoder.push(chunk)
    drain()
  }
  decoder.end()
  drain()
  return frames
}

/** Splits bytes into chunks of `size` bytes. */
function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size))
  return chunks
}

const text = (value: string): InboundFrame => ({ type: 'text', text: value })

describe('LineDecoder', () => {
  test('one message per line, several lines per chunk', () => {
    expect(decodeAll([encode('{"a":1}\n{"b":2}\n')])).toEqual([text('{"a":1}'), text('{"b":2}')])
  })

  test.each([1, 2, 3, 5, 7])('lines split across chunks of %i bytes', (size) => {
    const input = encode('{"method":"one"}\n{"method":"two"}\n{"method":"three"}\n')
    expect(decodeAll(chunked(input, size))).toEqual([
      text('{"method":"one"}'),
      text('{"method":"two"}'),
      text('{"method":"three"}'),
    ])
  })

  test.each([1, 2, 3])('multi-byte UTF-8 split across chunks of %i bytes', (size) => {
    const line = '{"text":"héllo € 😀 日本"}'
    expect(decodeAll(chunked(encode(`${line}\n${line}\n`), size))).toEqual([text(line), text(line)])
  })

  test('CRLF endings are tolerated, also when \\r and \\n arrive in different chunks', () => {
    expect(decodeAll([encode('{"a":1}\r\n{"b":2}\r'), encode('\n')])).toEqual([
      text('{"a":1}'),
      text('{"b":2}'),
    ])
  })

  test('blank and whitespace-only lines are skipped', () => {
    expect(decodeAll([encode('\n\r\n  \t\n{"a":1}\n\n')])).toEqual([text('{"a":1}')])
  })

  test('a last line without a newline becomes a frame at the end of input', () => {
    expect(decodeAll([encode('{"a":1}\n{"b"'), encode(':2}')])).toEqual([
      text('{"a":1}'),
      text('{"b":2}'),
    ])
  })

  test('a line that is not valid UTF-8 becomes a bytes frame', () => {
    const frames = decodeAll([new Uint8Array([0x7b, 0xc3, 0x28, 0x7d, 0x0a]), encode('{}\n')])
    expect(frames).toEqual([
      { type: 'bytes', bytes: new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]) },
      text('{}'),
    ])
  })

  describe('size limit', () => {
    test('a line at the limit passes, also with a trailing \\r', () => {
      const line = 'x'.repeat(10)
      expect(decodeAll([encode(`${line}\n${line}\r\n`)], 10)).toEqual([text(line), text(line)])
    })

    test('a line over the limit in one chunk is reported as oversized', () => {
      expect(decodeAll([encode(`${'x'.repeat(11)}\n{"ok":1}\n`)], 10)).toEqual([
        { type: 'oversized', byteLength: 11 },
        text('{"ok":1}'),
      ])
    })

    test('a huge line in many chunks is skipped, counted, and the next line still decodes', () => {
      const huge = encode(`${'y'.repeat(100_000)}\n{"next":true}\n`)
      expect(decodeAll(chunked(huge, 4096), 1000)).toEqual([
        { type: 'oversized', byteLength: 100_000 },
        text('{"next":true}'),
      ])
    })

    test('the oversized frame is produced only once the line ends, in order', () => {
      const decoder = new LineDecoder({ maxMessageBytes: 4 })
      decoder.push(encode('{"a"}\nabcdefgh'))
      expect(decoder.shift()).toEqual({ type: 'oversized', byteLength: 5 })
      expect(decoder.shift()).toBeUndefined()
      decoder.push(encode('ijk'))
      expect(decoder.shift()).toBeUndefined()
      decoder.push(encode('\n[]\n'))
      expect(decoder.shift()).toEqual({ type: 'oversized', byteLength: 11 })
      expect(decoder.shift()).toEqual(text('[]'))
    })

    test('an oversized line cut off by the end of input is still reported', () => {
      expect(decodeAll([encode('{}\n'), encode('z'.repeat(50))], 10)).toEqual([
        text('{}'),
        { type: 'oversized', byteLength: 50 },
      ])
    })
  })
})
