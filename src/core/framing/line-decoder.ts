/**
 * Newline-delimited JSON decoding, pure and synchronous: bytes in, {@link InboundFrame}s out.
 *
 * Lines are split on the byte `0x0A`, which never occurs inside a multi-byte UTF-8 sequence, so a
 * character split across chunks is reassembled for free: text is decoded only once a line is complete.
 */
import type { InboundFrame } from '../connection.ts'

const LF = 0x0a
const CR = 0x0d
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Options of {@link LineDecoder}. */
export interface LineDecoderOptions {
  /**
   * The longest line accepted, in bytes, without its line ending. Longer lines are skipped up to the
   * next newline without being buffered, and reported as an `oversized` frame.
   */
  readonly maxMessageBytes: number
}

/**
 * Splits a byte stream into one frame per line (stdio framing). Tolerates `\r\n`, skips blank lines,
 * and turns a final line without a newline into a frame at {@link LineDecoder.end}. A line that is not
 * valid UTF-8 becomes a `bytes` frame, which the engine answers with a parse error.
 *
 * @example
 * const decoder = new LineDecoder({ maxMessageBytes: 1024 })
 * decoder.push(new TextEncoder().encode('{"jsonrpc":"2.0","method":"a"}\n{"jsonr'))
 * decoder.shift() // { type: 'text', text: '{"jsonrpc":"2.0","method":"a"}' }
 * decoder.shift() // undefined: the second line is not complete yet
 */
export class LineDecoder {
  readonly #limit: number
  #frames: InboundFrame[] = []
  #head = 0
  #pieces: Uint8Array[] = []
  #buffered = 0
  #discarded = -1

  constructor(options: LineDecoderOptions) {
    this.#limit = options.maxMessageBytes
  }

  /** Feeds the next chunk of bytes. */
  push(chunk: Uint8Array): void {
    let start = 0
    for (;;) {
      const newline = chunk.indexOf(LF, start)
      if (newline === -1) {
        this.#append(chunk.subarray(start))
        return
      }
      if (this.#pieces.length === 0 && this.#discarded < 0) {
        this.#emit(chunk.subarray(start, newline))
      } else {
        this.#append(chunk.subarray(start, newline))
        this.#finishLine()
      }
      start = newline + 1
    }
  }

  /** Marks the end of input: a last line without a newline still becomes a frame. */
  end(): void {
    if (this.#pieces.length > 0 || this.#discarded >= 0) this.#finishLine()
  }

  /** The next decoded frame, or `undefined` when none is ready. */
  shift(): InboundFrame | undefined {
    if (this.#head >= this.#frames.length) return undefined
    const frame = this.#frames[this.#head]
    this.#head += 1
    if (this.#head === this.#frames.length) {
      this.#frames = []
      this.#head = 0
    }
    return frame
  }

  #append(bytes: Uint8Array): void {
    if (bytes.length === 0) return
    if (this.#discarded >= 0) {
      this.#discarded += bytes.length
      return
    }
    // One byte of slack for a `\r` that may turn out to be half of a `\r\n` ending.
    if (this.#buffered + bytes.length > this.#limit + 1) {
      this.#discarded = this.#buffered + bytes.length
      this.#pieces = []
      this.#buffered = 0
      return
    }
    this.#pieces.push(bytes)
    this.#buffered += bytes.length
  }

  #finishLine(): void {
    if (this.#discarded >= 0) {
      this.#frames.push({ type: 'oversized', byteLength: this.#discarded })
      this.#discarded = -1
      return
    }
    const pieces = this.#pieces
    this.#pieces = []
    this.#buffered = 0
    this.#emit(pieces.length === 1 ? (pieces[0] as Uint8Array) : concat(pieces))
  }

  #emit(line: Uint8Array): void {
    const bytes = line.length > 0 && line[line.length - 1] === CR ? line.subarray(0, -1) : line
    if (isBlank(bytes)) return
    if (bytes.length > this.#limit) {
      this.#frames.push({ type: 'oversized', byteLength: bytes.length })
      return
    }
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      this.#frames.push({ type: 'bytes', bytes: bytes.slice() })
      return
    }
    this.#frames.push({ type: 'text', text })
  }
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== CR) return false
  }
  return true
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  let length = 0
  for (const piece of pieces) length += piece.length
  const joined = new Uint8Array(length)
  let offset = 0
  for (const piece of pieces) {
    joined.set(piece, offset)
    offset += piece.length
  }
  return joined
}
