/**
 * Turns an incoming frame into a parsed value, enforcing the size limit before `JSON.parse` ever runs.
 *
 * @internal
 */
import type { InboundFrame } from '../connection.ts'

/** Returned by {@link decodeFrame} when the frame is not JSON. @internal */
export const PARSE_FAILED: unique symbol = Symbol('parse failed')
/** Returned by {@link decodeFrame} when the frame exceeds the size limit. @internal */
export const TOO_LARGE: unique symbol = Symbol('too large')

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Parses a frame. Text and bytes are measured first (a string's UTF-8 size is computed only when its
 * length alone cannot decide), then parsed; `value` frames pass through untouched.
 *
 * @internal
 */
export function decodeFrame(
  frame: InboundFrame,
  maxBytes: number,
): unknown | typeof PARSE_FAILED | typeof TOO_LARGE {
  switch (frame.type) {
    case 'value':
      return frame.value
    case 'oversized':
      return TOO_LARGE
    case 'text': {
      const text = frame.text
      // Every UTF-16 unit is at least one UTF-8 byte and at most three.
      if (text.length > maxBytes) return TOO_LARGE
      if (text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes) return TOO_LARGE
      return parse(text)
    }
    case 'bytes': {
      if (frame.bytes.byteLength > maxBytes) return TOO_LARGE
      let text: string
      try {
        text = utf8.decode(frame.bytes)
      } catch {
        return PARSE_FAILED
      }
      return parse(text)
    }
  }
}

/** A frame with a size in bytes: any but a `value` frame, which is never too large. @internal */
export type SizedFrame = Exclude<InboundFrame, { readonly type: 'value' }>

/** The size of a frame in bytes, for reports. @internal */
export function frameByteLength(frame: SizedFrame): number {
  switch (frame.type) {
    case 'text':
      return utf8ByteLength(frame.text)
    case 'bytes':
      return frame.bytes.byteLength
    case 'oversized':
      return frame.byteLength
  }
}

/**
 * The UTF-8 size of a string without encoding it. Lone surrogates count as the 3 bytes of U+FFFD,
 * which is what `TextEncoder` writes for them.
 *
 * @example
 * utf8ByteLength('é€😀') // 2 + 3 + 4 = 9
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4
      i += 1
    } else bytes += 3
  }
  return bytes
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return PARSE_FAILED
  }
}
