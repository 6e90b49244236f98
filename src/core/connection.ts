/**
 * The `Connection` every transport implements (stdio, Streamable HTTP, HTTP+SSE, WebSocket, in-memory),
 * and {@link createConnection}, the shared plumbing that gives each of them the same close semantics.
 */
import { isTransportError } from './errors/guards.ts'
import { connectionClosedError, TransportError } from './errors/transport-error.ts'
import type { JsonRpcId, OutboundMessage } from './protocol/messages.ts'

/**
 * One incoming item, exactly as the transport received it.
 *
 * The union is tagged rather than a bare `string | Uint8Array | object` on purpose: a transport that
 * receives text must hand the engine the raw text, so that malformed JSON gets a `-32700` answer, while
 * the in-memory pair hands over values that were never text. Untagged, a string *value* sent in memory
 * would be indistinguishable from a text frame. The tag also carries the one thing framing knows that
 * a message cannot: a line was too long and was discarded unread.
 *
 * - `text`: one complete message as text (a stdio line, a WebSocket text frame, an SSE `data` field).
 * - `bytes`: one complete message as UTF-8 bytes that were not decoded yet (or could not be).
 * - `value`: an already-parsed value (in-memory, same process). It is not checked against
 *   `maxMessageBytes`.
 * - `oversized`: a message over the transport's size limit, discarded without being buffered;
 *   `byteLength` is how many bytes it had. The engine answers it with `-32600`.
 */
export type InboundFrame =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'bytes'; readonly bytes: Uint8Array }
  | { readonly type: 'value'; readonly value: unknown }
  | { readonly type: 'oversized'; readonly byteLength: number }

/** Per-message hints for the transport. */
export interface SendOptions {
  /**
   * The incoming request this message belongs to: a response, or a notification or request sent while
   * handling it. Streamable HTTP uses it to pick the request's own SSE stream; byte streams ignore it.
   */
  readonly relatedRequestId?: JsonRpcId
}

/**
 * A bidirectional message channel, independent of how bytes move.
 *
 * Incoming frames are read from {@link Connection.readable} or by iterating the connection. The
 * lifetime is one `AbortSignal`: {@link Connection.signal} aborts when the connection closes, for
 * whatever reason, and its `reason` is a `TransportError` saying why (`CONNECTION_CLOSED` for an orderly
 * close or end of input, `TRANSPORT` for a failure).
 *
 * @example
 * const [left, right] = createInMemoryPair()
 * await left.send({ jsonrpc: '2.0', method: 'notifications/initialized' })
 * for await (const frame of right) {
 *   console.log(frame)
 *   break
 * }
 * await left.close()
 */
export interface Connection extends AsyncIterable<InboundFrame> {
  /**
   * Sends one message or batch. Rejects with a `TransportError` (`CONNECTION_CLOSED` after close)
   * and resolves once the transport accepted the message (for streams: after backpressure allowed it).
   */
  send(message: OutboundMessage, options?: SendOptions): Promise<void>
  /** Incoming frames. Ends when the connection closes; frames already received are still delivered. */
  readonly readable: ReadableStream<InboundFrame>
  /** Closes the connection; idempotent. `reason` becomes the `cause` of `signal.reason`. */
  close(reason?: unknown): Promise<void>
  /** Resolves (never rejects) once the connection closed and the transport released its resources. */
  readonly closed: Promise<void>
  /** Aborted when the connection closes. */
  readonly signal: AbortSignal
}

/** What a transport provides to {@link createConnection}. */
export interface ConnectionSource {
  /** Delivers one outgoing message. Throwing or rejecting makes `send()` reject with a `TransportError`. */
  send(message: OutboundMessage, options: SendOptions | undefined): Promise<void> | void
  /**
   * Pull mode: returns the next frame, or `undefined` at the end of input (which closes the
   * connection). Called only when the reader wants more, so a slow reader slows the transport down.
   * Leave it out for push mode and call {@link ConnectionDriver.deliver} instead.
   */
  read?(): Promise<InboundFrame | undefined>
  /** Releases the transport (cancel readers, close writers). Called once, on close. */
  teardown?(reason: TransportError): Promise<void> | void
  /** Closes the connection when aborted. */
  readonly signal?: AbortSignal
}

/** A {@link Connection} and the push handle its transport feeds. */
export interface ConnectionDriver {
  readonly connection: Connection
  /** Push mode: queues an incoming frame. Ignored after close. */
  deliver(frame: InboundFrame): void
}

/**
 * Builds a {@link Connection} around a transport's send, receive and teardown, so every transport gets
 * identical semantics: idempotent close, `closed` and `signal`, `CONNECTION_CLOSED` on send after close,
 * and a readable that ends on close.
 *
 * @example
 * // a push-mode transport over a WebSocket
 * const { connection, deliver } = createConnection({
 *   send: (message) => socket.send(JSON.stringify(message)),
 *   teardown: () => socket.close(),
 * })
 * socket.onmessage = (event) => deliver({ type: 'text', text: String(event.data) })
 * socket.onclose = () => void connection.close()
 */
export function createConnection(source: ConnectionSource): ConnectionDriver {
  const connection = new ManagedConnection(source)
  return { connection, deliver: (frame) => connection.deliver(frame) }
}

/** Turns any close reason into the `TransportError` that `signal.reason` carries. */
export function toCloseReason(reason: unknown): TransportError {
  if (isTransportError(reason)) return reason
  return connectionClosedError('Connection closed', reason)
}

class ManagedConnection implements Connection {
  readonly readable: ReadableStream<InboundFrame>
  readonly closed: Promise<void>
  readonly #source: ConnectionSource
  readonly #abort = new AbortController()
  #controller: ReadableStreamDefaultController<InboundFrame> | undefined
  #resolveClosed: () => void = () => {}
  #closing = false

  constructor(source: ConnectionSource) {
    this.#source = source
    this.closed = new Promise((resolve) => {
      this.#resolveClosed = resolve
    })
    const underlying: UnderlyingDefaultSource<InboundFrame> = {
      start: (controller) => {
        this.#controller = controller
      },
      cancel: (reason) => this.close(reason),
    }
    if (source.read) underlying.pull = (controller) => this.#pull(controller)
    this.readable = new ReadableStream<InboundFrame>(underlying)
    this.#watch(source.signal)
  }

  get signal(): AbortSignal {
    return this.#abort.signal
  }

  send(message: OutboundMessage, options?: SendOptions): Promise<void> {
    // After close, sending fails with what an orderly close carries: CONNECTION_CLOSED, no cause.
    if (this.#closing) return Promise.reject(toCloseReason(undefined))
    try {
      const sent = this.#source.send(message, options)
      return sent
        ? sent.then(undefined, (error: unknown) => {
            throw toSendError(error)
          })
        : Promise.resolve()
    } catch (error) {
      return Promise.reject(toSendError(error))
    }
  }

  close(reason?: unknown): Promise<void> {
    if (this.#closing) return this.closed
    this.#closing = true
    const closeReason = toCloseReason(reason)
    this.#abort.abort(closeReason)
    try {
      this.#controller?.close()
    } catch {
      // Already closed or errored by the stream machinery; nothing more to end.
    }
    void this.#teardown(closeReason)
    return this.closed
  }

  deliver(frame: InboundFrame): void {
    if (!this.#closing) this.#controller?.enqueue(frame)
  }

  async *[Symbol.asyncIterator](): AsyncIterator<InboundFrame> {
    const reader = this.readable.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        yield value
      }
    } finally {
      reader.releaseLock()
    }
  }

  async #pull(controller: ReadableStreamDefaultController<InboundFrame>): Promise<void> {
    let frame: InboundFrame | undefined
    try {
      frame = await this.#source.read?.()
    } catch (error) {
      await this.close(new TransportError('Reading from the transport failed', { cause: error }))
      return
    }
    if (this.#closing) return
    if (frame === undefined) await this.close()
    else controller.enqueue(frame)
  }

  async #teardown(reason: TransportError): Promise<void> {
    try {
      await this.#source.teardown?.(reason)
    } catch {
      // Teardown is best effort: the connection is closed either way.
    }
    this.#resolveClosed()
  }

  #watch(signal: AbortSignal | undefined): void {
    if (!signal) return
    if (signal.aborted) {
      void this.close(signal.reason)
      return
    }
    const onAbort = () => void this.close(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    void this.closed.then(() => signal.removeEventListener('abort', onAbort))
  }
}

function toSendError(error: unknown): TransportError {
  if (isTransportError(error)) return error
  const detail = error instanceof Error ? `: ${error.message}` : ''
  return new TransportError(`Sending failed${detail}`, { cause: error })
}
