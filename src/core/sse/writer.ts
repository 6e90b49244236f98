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
  if (event.data !== undefined) {
    // A lone `data:` line with an empty value is how a priming event (id, no payload) is sent.
    for (const line of event.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`
  }
  return `${text}\n`
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
 * A writable SSE event stream exposed as `ReadableStream<Uint8Array>` for a `Response` body.
 * When the consumer goes away (client disconnect, `cancel()`), {@link SseStream.signal} aborts so the
 * producer can stop and release what it holds.
 *
 * @example
 * const sse = new SseStream()
 * sse.send({ id: '1', data: '' }) // priming event
 * return new Response(sse.readable, { headers: { 'content-type': 'text/event-stream' } })
 */
export class SseStream {
  /** The bytes to hand to a `Response`. */
  readonly readable: ReadableStream<Uint8Array>
  readonly #abort = new AbortController()
  readonly #encoder = new TextEncoder()
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined
  #closed = false

  constructor() {
    this.readable = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller
        },
        cancel: (reason) => {
          this.#finish(reason ?? new Error('SSE stream cancelled by the consumer'))
        },
        // Counted in bytes with no buffer allowance, so desiredSize tells exactly how much is unread.
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
    )
  }

  /** Aborted when the stream ends, whether closed here or cancelled by the consumer. */
  get signal(): AbortSignal {
    return this.#abort.signal
  }

  /** Whether the stream has ended. */
  get closed(): boolean {
    return this.#closed
  }

  /**
   * Queues one event. Returns `false` when the stream has ended (the event was dropped), so callers
   * can keep the message for replay instead.
   */
  send(event: SseEvent): boolean {
    return this.#write(encodeSseEvent(event))
  }

  /** Queues a comment (keep-alive). Returns `false` when the stream has ended. */
  comment(text = ''): boolean {
    return this.#write(encodeSseComment(text))
  }

  /** Bytes queued but not yet read by the consumer; grows when the client reads slowly. */
  get queuedBytes(): number {
    const desired = this.#controller?.desiredSize ?? 0
    return desired < 0 ? -desired : 0
  }

  /** Ends the stream after what was queued. Idempotent. */
  close(): void {
    if (this.#closed) return
    try {
      this.#controller?.close()
    } catch {
      // The consumer already cancelled; nothing left to end.
    }
    this.#finish('closed')
  }

  #write(text: string): boolean {
    if (this.#closed || !this.#controller) return false
    try {
      this.#controller.enqueue(this.#encoder.encode(text))
      return true
    } catch {
      this.#finish('enqueue failed')
      return false
    }
  }

  #finish(reason: unknown): void {
    if (this.#closed) return
    this.#closed = true
    this.#abort.abort(reason)
  }
}
