/**
 * A Server-Sent Events parser following the WHATWG event-stream interpretation rules: lines end in
 * CR, LF or CRLF (even split across chunks); a line starting with `:` is a comment; `field: value`
 * loses one space after the colon; `data` lines join with `\n`; `id` is ignored when it contains
 * NUL; `retry` counts only when it is all ASCII digits; a blank line dispatches the event (only if
 * it had data, or an id: an id-only block comes out as an empty event, like a priming event, so the
 * last event id moves as WHATWG says); unknown fields are ignored. The byte-order mark is the text
 * decoder's business.
 */
import { ErrorCode } from '../../core/errors/codes.ts'
import { TransportError } from '../../core/errors/transport-error.ts'
import type { SseItem } from './sse-reader.ts'

/** One incremental parse: feed it decoded text, get the items completed so far. */
export interface SseParser {
  /**
   * Parses `chunk` (any slice of the stream's text) and returns the events and `retry:` values it
   * completed, in stream order. An unterminated last line waits for the next chunk.
   *
   * @throws {TransportError} coded `MESSAGE_TOO_LARGE` when the unterminated line plus the event's
   *   data outgrow the buffer limit.
   */
  feed(chunk: string): SseItem[]
}

const LINE_END = /\r\n?|\n/g
const DIGITS = /^\d+$/

/**
 * Creates a parser that buffers at most `maxBufferSize` characters (the unterminated line plus the
 * pending event's data) before failing.
 *
 * @example
 * const parser = createSseParser(1 << 20)
 * parser.feed('data: a\n') // []
 * parser.feed('\n') // [{ type: 'event', event: undefined, id: undefined, data: 'a' }]
 */
export function createSseParser(maxBufferSize: number): SseParser {
  let pending = ''
  let afterCr = false
  let data: string | undefined
  let event: string | undefined
  let id: string | undefined

  function line(text: string, items: SseItem[]): void {
    if (text === '') {
      // WHATWG moves the last event id at every blank line, with or without data: an id-only block
      // reaches the reader as the empty event a priming event is.
      if (data !== undefined || id !== undefined) {
        items.push({ type: 'event', event: event || undefined, id, data: data ?? '' })
      }
      data = event = id = undefined
      return
    }
    const colon = text.indexOf(':')
    if (colon === 0) return
    const field = colon < 0 ? text : text.slice(0, colon)
    const value = colon < 0 ? '' : text.slice(colon + (text[colon + 1] === ' ' ? 2 : 1))
    if (field === 'data') data = data === undefined ? value : `${data}\n${value}`
    else if (field === 'event') event = value
    else if (field === 'id') id = value.includes('\0') ? id : value
    else if (field === 'retry' && DIGITS.test(value)) {
      items.push({ type: 'retry', retryMs: Number(value) })
    }
  }

  return {
    feed(chunk) {
      const items: SseItem[] = []
      // A CR that ended the last chunk already ended its line; an LF right after it is its pair.
      let text = afterCr && chunk[0] === '\n' ? chunk.slice(1) : chunk
      if (chunk !== '') afterCr = text.endsWith('\r')
      if (/[\r\n]/.test(text)) {
        text = pending + text
        let start = 0
        for (const end of text.matchAll(LINE_END)) {
          line(text.slice(start, end.index), items)
          start = end.index + end[0].length
        }
        pending = text.slice(start)
      } else pending += text
      if (pending.length + (data?.length ?? 0) > maxBufferSize) {
        throw new TransportError(`An SSE event exceeded ${maxBufferSize} characters`, {
          code: ErrorCode.MessageTooLarge,
        })
      }
      return items
    },
  }
}
