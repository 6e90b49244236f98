/**
 * The transport-independent JSON-RPC engine: reads frames from a {@link Connection}, answers bad input,
 * dispatches requests and notifications, and correlates responses with the requests it sent.
 */
import type { Connection, InboundFrame } from '../connection.ts'
import { toCloseReason } from '../connection.ts'
import type { Environment } from '../environment.ts'
import { JsonRpcErrorCode } from '../errors/codes.ts'
import { connectionClosedError, TransportError } from '../errors/transport-error.ts'
import type { DropReason, EngineEvent, RequestOutcome } from '../events/engine-events.ts'
import { type ReadonlySubscribable, Subscribable } from '../events/subscribable.ts'
import { BatchCollector } from './batch.ts'
import { readCancelParams } from './cancellation.ts'
import { classifyMessage, describeInvalid } from './classify.ts'
import { decodeFrame, frameByteLength, PARSE_FAILED, type SizedFrame, TOO_LARGE } from './decode.ts'
import {
  type JsonRpcEngineOptions,
  type ResolvedEngineOptions,
  resolveEngineOptions,
  withEngineDefaults,
} from './engine-options.ts'
import {
  type EngineHost,
  ignoreRejection,
  isThenable,
  type Refusal,
  type TrackedRequest,
} from './host.ts'
import { IncomingRequests } from './incoming.ts'
import {
  CANCELLED_METHOD,
  errorResponse,
  invalidRequestError,
  JSONRPC_VERSION,
  type JsonRpcErrorResponse,
  type JsonRpcId,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcParams,
  type JsonRpcRequest,
  type JsonRpcResultResponse,
  type OutboundMessage,
  PROGRESS_METHOD,
} from './messages.ts'
import { OutgoingRequests } from './outgoing.ts'
import { isProgressParams } from './progress.ts'
import type { NotifyOptions, RequestOptions } from './request-options.ts'

/** How many requests are in flight in each direction. */
export interface InFlightCounts {
  readonly incoming: number
  readonly outgoing: number
}

/** A running JSON-RPC endpoint over one connection. Both client and server sit on top of one. */
export interface JsonRpcEngine {
  /**
   * Sends a request and resolves with its `result`. Rejects with a `ProtocolError` when the peer
   * answers with an error, a `TimeoutError` (`kind` `idle` or `total`), an `AbortError` when
   * `options.signal` aborts, or a `TransportError` (`CONNECTION_CLOSED` when the engine closes first).
   * Ids are integers from a counter.
   */
  request(method: string, params?: JsonRpcParams, options?: RequestOptions): Promise<unknown>
  /** Sends a notification. Rejects with a `TransportError` when the connection refuses it. */
  notify(method: string, params?: JsonRpcParams, options?: NotifyOptions): Promise<void>
  /** Typed events for metrics, logging and devtools. */
  readonly events: ReadonlySubscribable<EngineEvent>
  /** Requests in flight, for metrics and graceful shutdown. */
  readonly inFlight: InFlightCounts
  /**
   * Closes the engine and its connection; idempotent. Pending requests reject with `CONNECTION_CLOSED`,
   * running handlers see their signal abort, timers are cleared.
   */
  close(reason?: unknown): Promise<void>
  /** Resolves once the engine and its connection are closed. Never rejects. */
  readonly closed: Promise<void>
  /** Aborted when the engine closes; `reason` is a `TransportError`. */
  readonly signal: AbortSignal
}

/**
 * Starts a JSON-RPC engine on a connection. It begins reading at once.
 *
 * @example
 * const [a, b] = createInMemoryPair()
 * const server = createJsonRpcEngine({
 *   connection: b,
 *   onRequest: async (request) => {
 *     if (request.method === 'ping') return {}
 *     throw ProtocolError.methodNotFound(request.method)
 *   },
 * })
 * const client = createJsonRpcEngine({ connection: a, defaultTimeoutMs: 5_000 })
 * await client.request('ping') // {}
 * await client.close()
 * @see {@link JsonRpcEngineOptions} for batches, size limits, timeouts and cancellation.
 */
export function createJsonRpcEngine(options: JsonRpcEngineOptions): JsonRpcEngine {
  return new Engine(resolveEngineOptions(options))
}

/**
 * {@link createJsonRpcEngine} for options mcpkit builds itself and knows to be valid: defaults
 * only, no checks (the client's engine, whose connection its options already checked).
 *
 * @internal
 */
export function startInternalEngine(options: JsonRpcEngineOptions): JsonRpcEngine {
  return new Engine(withEngineDefaults(options))
}

class Engine implements JsonRpcEngine, EngineHost {
  readonly events = new Subscribable<EngineEvent>()
  // Assigned by the constructor, which creates them in this order.
  declare readonly environment: Environment
  declare readonly closed: Promise<void>
  readonly #options: ResolvedEngineOptions
  readonly #connection: Connection
  readonly #reader: ReadableStreamDefaultReader<InboundFrame>
  readonly #outgoing: OutgoingRequests
  readonly #incoming: IncomingRequests
  readonly #abort = new AbortController()
  #resolveClosed: () => void = () => {}
  #closing = false

  constructor(options: ResolvedEngineOptions) {
    this.#options = options
    this.environment = options.environment
    this.#connection = options.connection
    this.#outgoing = new OutgoingRequests(this, options)
    this.#incoming = new IncomingRequests(this, options.onRequest)
    this.closed = new Promise((resolve) => {
      this.#resolveClosed = resolve
    })
    this.#reader = this.#connection.readable.getReader()
    void this.#readLoop()
    this.#watch(options.signal)
  }

  get isClosing(): boolean {
    return this.#closing
  }

  get signal(): AbortSignal {
    return this.#abort.signal
  }

  get observed(): Subscribable<EngineEvent> | undefined {
    return this.events.hasListeners ? this.events : undefined
  }

  get inFlight(): InFlightCounts {
    return { incoming: this.#incoming.size, outgoing: this.#outgoing.size }
  }

  request(method: string, params?: JsonRpcParams, options?: RequestOptions): Promise<unknown> {
    return this.#outgoing.start(method, params, options)
  }

  notify(method: string, params?: JsonRpcParams, options?: NotifyOptions): Promise<void> {
    const message: JsonRpcNotification =
      params === undefined
        ? { jsonrpc: JSONRPC_VERSION, method }
        : { jsonrpc: JSONRPC_VERSION, method, params }
    return this.send(message, options?.relatedRequestId)
  }

  send(message: OutboundMessage, relatedRequestId?: JsonRpcId): Promise<void> {
    if (this.#closing) return Promise.reject(connectionClosedError('Connection closed'))
    let sent: Promise<void>
    try {
      const options = relatedRequestId === undefined ? undefined : { relatedRequestId }
      sent = this.#connection.send(message, options)
    } catch (error) {
      // A hand-written Connection may throw instead of rejecting; callers always get a promise.
      sent = Promise.reject(new TransportError('Sending failed', { cause: error }))
    }
    const events = this.observed
    if (events === undefined) return sent
    events.emit({ type: 'message:sent', message })
    return sent.then(undefined, (error: unknown) => {
      this.observed?.emit({ type: 'send:failed', message, error })
      throw error
    })
  }

  close(reason?: unknown): Promise<void> {
    if (this.#closing) return this.closed
    this.#closing = true
    this.#abort.abort(toCloseReason(reason))
    this.#outgoing.closeAll(reason)
    this.#incoming.closeAll(reason)
    this.#reader.cancel(reason).then(undefined, ignoreRejection)
    void this.#shutdown(reason)
    return this.closed
  }

  async #shutdown(reason: unknown): Promise<void> {
    try {
      await this.#connection.close(reason)
    } catch {
      // A hand-written Connection whose close fails is closed as far as the engine is concerned.
    }
    this.observed?.emit({ type: 'engine:closed', reason })
    this.#resolveClosed()
  }

  async #readLoop(): Promise<void> {
    let failure: unknown
    try {
      for (;;) {
        const { done, value } = await this.#reader.read()
        if (done || this.#closing) break
        this.#receive(value)
      }
    } catch (error) {
      failure = new TransportError('Reading from the connection failed', { cause: error })
    }
    void this.close(failure ?? this.#connection.signal.reason)
  }

  #receive(frame: InboundFrame): void {
    try {
      const value = decodeFrame(frame, this.#options.maxMessageBytes)
      // `decodeFrame` never finds a `value` frame too large: those are not measured.
      if (value === TOO_LARGE) this.#refuseTooLarge(frame as SizedFrame)
      else if (value === PARSE_FAILED) {
        const error = { code: JsonRpcErrorCode.ParseError, message: 'Parse error: Invalid JSON' }
        this.refuse({ reason: 'parse-error', id: null, error }, undefined)
      } else if (Array.isArray(value)) this.#receiveBatch(value)
      else this.#route(value, undefined)
    } catch (error) {
      // Nothing above should throw; if a bug does, keep serving everyone else.
      this.observed?.emit({ type: 'engine:error', error })
    }
  }

  #receiveBatch(values: readonly unknown[]): void {
    const rejected = this.#options.batches === 'reject'
    if (rejected || values.length === 0) {
      const error = invalidRequestError(rejected ? 'batches are not supported' : 'empty batch')
      this.refuse(
        { reason: rejected ? 'batch-rejected' : 'empty-batch', id: null, error },
        undefined,
      )
      return
    }
    const batch = new BatchCollector((responses) => {
      this.send(responses).then(undefined, ignoreRejection)
    })
    for (const value of values) {
      if (Array.isArray(value)) {
        const error = invalidRequestError('a batch cannot contain a batch')
        this.refuse({ reason: 'invalid-message', id: null, error }, batch)
      } else {
        this.#route(value, batch)
      }
    }
    batch.release()
  }

  #route(value: unknown, batch: BatchCollector | undefined): void {
    const kind = classifyMessage(value)
    if (kind === 'invalid') {
      const { id, message } = describeInvalid(value)
      const error = { code: JsonRpcErrorCode.InvalidRequest, message }
      this.refuse({ reason: 'invalid-message', id, error }, batch)
      return
    }
    const message = value as JsonRpcMessage
    this.observed?.emit({ type: 'message:received', message })
    if (kind === 'request') this.#incoming.dispatch(message as JsonRpcRequest, batch)
    else if (kind === 'notification') this.#onNotification(message as JsonRpcNotification)
    else this.#onResponse(message as JsonRpcResultResponse | JsonRpcErrorResponse, kind === 'error')
  }

  #onNotification(notification: JsonRpcNotification): void {
    if (notification.method === PROGRESS_METHOD) {
      const params = notification.params
      if (!isProgressParams(params)) this.#drop('invalid-progress', notification)
      else if (!this.#outgoing.progress(params)) this.#drop('unknown-progress-token', notification)
      return
    }
    if (notification.method === CANCELLED_METHOD) {
      const params = readCancelParams(notification.params)
      if (params === undefined) {
        this.#drop('invalid-cancel', notification)
        return
      }
      this.#incoming.cancel(params)
    }
    this.#forward(notification)
  }

  #forward(notification: JsonRpcNotification): void {
    const handler = this.#options.onNotification
    if (handler === undefined) return
    const fail = (error: unknown) => {
      this.observed?.emit({ type: 'notification:failed', notification, error })
    }
    try {
      const outcome = handler(notification)
      if (isThenable(outcome)) outcome.then(undefined, fail)
    } catch (error) {
      fail(error)
    }
  }

  #onResponse(message: JsonRpcResultResponse | JsonRpcErrorResponse, isError: boolean): void {
    if (isError && (message.id === null || message.id === undefined)) {
      this.#drop('error-without-id', message)
      return
    }
    if (!this.#outgoing.settle(message, isError)) this.#drop('unknown-response-id', message)
  }

  #refuseTooLarge(frame: SizedFrame): void {
    const byteLength = frameByteLength(frame)
    const limit = this.#options.maxMessageBytes
    const error = invalidRequestError(`message too large (${byteLength} bytes, limit ${limit})`)
    this.refuse({ reason: 'too-large', id: null, error, byteLength }, undefined)
  }

  /**
   * `refusal` doubles as the `message:invalid` event's body, so it is built once whether or not
   * anyone listens.
   */
  refuse(refusal: Refusal, batch: BatchCollector | undefined): void {
    const { id, error } = refusal
    const events = this.observed
    if (events !== undefined) {
      events.emit({ type: 'message:invalid', ...refusal })
      events.emit({ type: 'error:sent', id, error })
    }
    const wireId = id === null && this.#options.unreadableId === 'omit' ? undefined : id
    const response = errorResponse(wireId, error)
    if (batch !== undefined) batch.add(response)
    else this.send(response, id ?? undefined).then(undefined, ignoreRejection)
  }

  reportStarted(request: TrackedRequest): void {
    const events = this.observed
    if (events === undefined) return
    const { direction, requestId: id, method } = request
    events.emit({ type: 'request:started', direction, id, method })
  }

  reportSettled(request: TrackedRequest, outcome: RequestOutcome, error: unknown): void {
    const events = this.observed
    if (events === undefined) return
    const { direction, requestId: id, method } = request
    const durationMs = this.environment.now() - request.startedAt
    events.emit(
      error === undefined
        ? { type: 'request:settled', direction, id, method, outcome, durationMs }
        : { type: 'request:settled', direction, id, method, outcome, durationMs, error },
    )
  }

  #drop(reason: DropReason, message: JsonRpcMessage): void {
    this.observed?.emit({ type: 'message:dropped', reason, message })
  }

  #watch(signal: AbortSignal | undefined): void {
    if (signal === undefined) return
    if (signal.aborted) {
      void this.close(signal.reason)
      return
    }
    const onAbort = () => void this.close(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    void this.closed.then(() => signal.removeEventListener('abort', onAbort))
  }
}
