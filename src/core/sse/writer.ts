/**
 * Server-Sent Events on the wire: encoding events, and {@link SseStream}, a byte stream a `Response`
 * can carry. Pure web standards, so the same code serves Node, edge runtimes and workers.
 */

/** One SSE event. Fields left out are not written. */
export interface SseEvent {
  /** The event id, used by clients for `Last-Event-ID`. No CR, LF or NUL. */
  readonly id?: string
  /** The event type; `message` when left out. No CR or LF. */
  readonly event?: string
  /** The payload; several lines become several `data:` fields. */
  readonly data?: string
  /** Reconnection delay the client must wait, in ms. */
  readonly retry?: number
}

const FORBIDDEN_IN_FIELD = /[\r\n\0]/
const LINE_BREAK = /[\r\n]/

/**
 * Encodes one event as SSE text, ending with the blank line that dispatches it.
 *
 * @example
 * encodeSseEvent({ id: 's1_1', data: '{"jsonrpc":"2.0"}' }) // 'id: s1_1\ndata: {"jsonrpc":"2.0"}\n\n'
 * @throws RangeError when `id` or `event` holds a line break, or `retry` is not a non-negative integer
 */
export function encodeSseEvent(event: SseEvent): string {
  let text = ''
  if (event.id !== undefined) text += `id: ${checkField('id', event.id)}\n`
  if (event.event !== undefined) text += `event: ${checkField('event', event.event)}\n`
  if (event.retry !== undefined) {
    if (!Number.isInteger(event.retry) || event.retry < 0) {
      throw new RangeError(`SSE retry must be an integer >= 0, got ${event.retry}`)
    }
    text += `retry: ${event.retry}\n`
  }
  const data = event.data
  if (data !== undefined) {
    // A lone `data:` line with an empty value is how a priming event (id, no payload) is sent.
    // Serialised JSON has no line breaks: it is one line, without a split.
    if (!LINE_BREAK.test(data)) text += `data: ${data}\n`
    else for (const line of data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`
  }
  return `${text}\n`
}

/**
 * Encodes an event of JSON text, under an id when given, without the checks of
 * {@link encodeSseEvent}: for ids the server made (no CR, LF or NUL by construction), data from `JSON.stringify` (one line by
 * construction: it escapes line breaks inside strings and adds no whitespace) and a `retryMs` from
 * validated config (an integer >= 0). The empty string is the data of a priming event.
 *
 * @example
 * encodeJsonEvent('s1_1', '{"jsonrpc":"2.0"}') // 'id: s1_1\ndata: {"jsonrpc":"2.0"}\n\n'
 * encodeJsonEvent('s1_0', '', 1000) // 'id: s1_0\nretry: 1000\ndata: \n\n' (priming)
 */
export function encodeJsonEvent(id: string | undefined, json: string, retryMs?: number): string {
  if (id === undefined) return `data: ${json}\n\n`
  if (retryMs === undefined) return `id: ${id}\ndata: ${json}\n\n`
  return `id: ${id}\nretry: ${retryMs}\ndata: ${json}\n\n`
}

/** Encodes an SSE comment, used as a keep-alive that clients ignore. */
export function encodeSseComment(text = ''): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`
}

function checkField(name: string, value: string): string {
  if (FORBIDDEN_IN_FIELD.test(value))
    throw new RangeError(`SSE ${name} must not contain CR, LF or NUL`)
  return value
}

/**
 * Where a streamed response body goes: a runtime adapter's socket (mcpkit/node writes chunks
 * straight to it) or a web `ReadableStream`.
 */
export interface BodySink {
  /** Writes one chunk; `false` asks the producer to hold back (the reader is behind). */
  write(chunk: string): boolean
  /** Ends the body after what was written. */
  end(): void
  /** Bytes written but not yet taken by the reader. */
  queued(): number
}

/**
 * A writable SSE event stream. Its body is handed out once, either as a `ReadableStream` for a
 * `Response` ({@link SseStream.readable}) or to a {@link BodySink} ({@link SseStream.connect}), which
 * costs no web stream at all. Events sent before that are queued. When the consumer goes away
 * (client disconnect, `cancel()`), the stream ends: {@link SseStream.signal} aborts and the
 * {@link SseStream.onEnd} listeners run, so the producer can stop and release what it holds.
 *
 * @example
 * const sse = new SseStream()
 * sse.send({ id: '1', data: '' }) // priming event
 * return new Response(sse.readable, { headers: { 'content-type': 'text/event-stream' } })
 */
export class SseStream {
  #sink: BodySink | undefined = undefined
  #pending: string[] | undefined = undefined
  #readable: ReadableStream<Uint8Array> | undefined = undefined
  #abort: AbortController | undefined = undefined
  #reason: unknown = undefined
  #onEnd: (() => void) | (() => void)[] | undefined = undefined
  #closed = false

  /** The bytes to hand to a `Response`, created on first use. */
  get readable(): ReadableStream<Uint8Array> {
    this.#readable ??= readableOf((sink) => this.connect(sink))
    return this.#readable
  }

  /**
   * Hands the body to `sink`: queued events are written at once, later ones as they are sent.
   * Returns what the consumer calls when it goes away. A stream has one consumer: a second
   * `connect` (or `readable` after one) throws.
   */
  connect(sink: BodySink): (reason?: unknown) => void {
    if (this.#sink !== undefined) throw new TypeError('An SseStream has one consumer')
    this.#sink = sink
    const pending = this.#pending
    this.#pending = undefined
    if (pending !== undefined) for (const chunk of pending) sink.write(chunk)
    if (this.#closed) sink.end()
    return (reason) => this.#finish(reason ?? new Error('SSE stream cancelled by the consumer'))
  }

  /** Aborted when the stream ends, whether closed here or cancelled by the consumer. */
  get signal(): AbortSignal {
    if (this.#abort === undefined) {
      this.#abort = new AbortController()
      if (this.#closed) this.#abort.abort(this.#reason)
    }
    return this.#abort.signal
  }

  /** Whether the stream has ended. */
  get closed(): boolean {
    return this.#closed
  }

  /**
   * Runs `listener` once when the stream ends (closed here or by the consumer); at once if it has.
   * Cheaper than a `signal` listener, for the server's own bookkeeping.
   */
  onEnd(listener: () => void): void {
    if (this.#closed) {
      listener()
      return
    }
    const current = this.#onEnd
    this.#onEnd =
      current === undefined
        ? listener
        : Array.isArray(current)
          ? [...current, listener]
          : [current, listener]
  }

  /**
   * Queues one event. Returns `false` when the stream has ended (the event was dropped), so callers
   * can keep the message for replay instead.
   */
  send(event: SseEvent): boolean {
    return this.#write(encodeSseEvent(event))
  }

  /** Queues text already encoded as whole events (see {@link encodeJsonEvent}). */
  sendEncoded(text: string): boolean {
    return this.#write(text)
  }

  /** Queues a comment (keep-alive). Returns `false` when the stream has ended. */
  comment(text = ''): boolean {
    return this.#write(encodeSseComment(text))
  }

  /** Bytes queued but not yet read by the consumer; grows when the client reads slowly. */
  get queuedBytes(): number {
    if (this.#sink !== undefined) return this.#sink.queued()
    let bytes = 0
    for (const chunk of this.#pending ?? []) bytes += chunk.length
    return bytes
  }

  /** Ends the stream after what was queued. Idempotent. */
  close(): void {
    if (this.#closed) return
    this.#sink?.end()
    this.#finish('closed')
  }

  #write(text: string): boolean {
    if (this.#closed) return false
    const sink = this.#sink
    if (sink === undefined) {
      this.#pending ??= []
      this.#pending.push(text)
      return true
    }
    try {
      sink.write(text)
      return true
    } catch {
      this.#finish('write failed')
      return false
    }
  }

  #finish(reason: unknown): void {
    if (this.#closed) return
    this.#closed = true
    this.#reason = reason
    this.#abort?.abort(reason)
    const listeners = this.#onEnd
    this.#onEnd = undefined
    if (typeof listeners === 'function') listeners()
    else if (listeners !== undefined) for (const listener of listeners) listener()
  }
}

/** A sink over a `ReadableStream` controller: text encoded to bytes, counted for backpressure. */
class WebSink implements BodySink {
  readonly #controller: ReadableStreamDefaultController<Uint8Array>
  readonly #encoder = new TextEncoder()

  constructor(controller: ReadableStreamDefaultController<Uint8Array>) {
    this.#controller = controller
  }

  write(chunk: string): boolean {
    this.#controller.enqueue(this.#encoder.encode(chunk))
    return (this.#controller.desiredSize ?? 0) > 0
  }

  end(): void {
    try {
      this.#controller.close()
    } catch {
      // The consumer already cancelled; nothing left to end.
    }
  }

  queued(): number {
    const desired = this.#controller.desiredSize ?? 0
    return desired < 0 ? -desired : 0
  }
}

/**
 * A `ReadableStream` over a producer that writes to a {@link BodySink}: what a runtime without a
 * sink-aware adapter reads. Cancelling the stream disconnects the producer.
 *
 * @example
 * new Response(readableOf((sink) => sse.connect(sink)), { headers: { 'content-type': 'text/event-stream' } })
 */
export function readableOf(
  connect: (sink: BodySink) => (reason?: unknown) => void,
): ReadableStream<Uint8Array> {
  let disconnect: ((reason?: unknown) => void) | undefined
  return new ReadableStream<Uint8Array>(
    {
      start: (controller) => {
        disconnect = connect(new WebSink(controller))
      },
      cancel: (reason) => disconnect?.(reason),
      // Counted in bytes with no buffer allowance, so desiredSize tells exactly how much is unread.
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
  )
}
