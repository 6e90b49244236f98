/**
 * Reading Server-Sent Events from a `fetch` response body. The parsing itself is eventsource-parser's
 * (the only SSE parser mcpkit uses); this module adds what a transport needs around it: text
 * decoding, the server's `retry:` value in stream order, a memory cap, and cancelling the body when
 * the reader stops early.
 */
import { createParser, type ParseError } from 'eventsource-parser'
import { ErrorCode } from '../../core/errors/codes.ts'
import { TransportError } from '../../core/errors/transport-error.ts'

/** One item read from an SSE stream, in the order the server sent it. */
export type SseItem =
  | {
      readonly type: 'event'
      /** The `event:` field; `undefined` means the default type, `message`. */
      readonly event: string | undefined
      /** The `id:` field of this event, if it had one. */
      readonly id: string | undefined
      /** The `data:` lines joined with `\n`; `''` for a priming event. */
      readonly data: string
    }
  | {
      readonly type: 'retry'
      /** The server's reconnection delay (`retry:` field) in ms. */
      readonly retryMs: number
    }

/** Options of {@link readSse}. */
export interface ReadSseOptions {
  /**
   * The most characters one event (or one unterminated line) may buffer; more fails the stream with
   * a `TransportError` coded `MESSAGE_TOO_LARGE` instead of growing without bound.
   */
  readonly maxBufferSize: number
}

/**
 * Yields the events and `retry:` values of an SSE body as they arrive. Ends when the body ends (an
 * unterminated last event is dropped, as the SSE standard says); rethrows read failures (a dropped
 * connection, an aborted signal). Stopping early (`break`, `return()`) cancels the body.
 *
 * Unknown fields and invalid `retry:` values are ignored, as the SSE standard requires, so a body
 * of garbage simply yields nothing.
 *
 * @example
 * for await (const item of readSse(response.body, { maxBufferSize: 1 << 20 })) {
 *   if (item.type === 'event') console.log(item.id, item.data)
 * }
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  options: ReadSseOptions,
): AsyncGenerator<SseItem, void, undefined> {
  const queue: SseItem[] = []
  let overflow: ParseError | undefined
  const parser = createParser({
    onEvent: (message) => {
      queue.push({ type: 'event', event: message.event, id: message.id, data: message.data })
    },
    onRetry: (retryMs) => {
      queue.push({ type: 'retry', retryMs })
    },
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') overflow = error
    },
    maxBufferSize: options.maxBufferSize,
  })
  const reader = body.getReader()
  const decoder = new TextDecoder()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }))
      if (overflow) throw tooLarge(options.maxBufferSize, overflow)
      while (queue.length > 0) yield queue.shift() as SseItem
      if (done) return
    }
  } finally {
    reader.cancel().catch(ignore)
  }
}

function tooLarge(limit: number, cause: ParseError): TransportError {
  return new TransportError(`An SSE event exceeded ${limit} characters`, {
    code: ErrorCode.MessageTooLarge,
    cause,
  })
}

function ignore(): void {
  // The body already ended or failed: nothing is left to cancel.
}
