/**
 * Reading Server-Sent Events from a `fetch` response body: text decoding (which also drops the
 * stream's byte-order mark), the parsing of sse-parser.ts, a memory cap, and cancelling the body
 * when the reader stops early.
 */
import { createSseParser } from './sse-parser.ts'

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
  const parser = createSseParser(options.maxBufferSize)
  const reader = body.getReader()
  const decoder = new TextDecoder()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      yield* parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }))
      if (done) return
    }
  } finally {
    reader.cancel().catch(ignore)
  }
}

function ignore(): void {
  // The body already ended or failed: nothing is left to cancel.
}
