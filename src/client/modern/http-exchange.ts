/**
 * One modern HTTP exchange: POST a request and read its response stream until the response, with
 * the request's timeouts (idle, reset by progress, and a hard maximum), progress routing and
 * cancellation by closing the stream. Every way it can end settles the promise exactly once, so a
 * server that never answers, answers garbage or never ends the stream cannot make a caller hang.
 */
import type { Environment } from '../../core/environment.ts'
import { AbortError } from '../../core/errors/abort-error.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { TimeoutError } from '../../core/errors/timeout-error.ts'
import { toMcpkitError } from '../../core/errors/to-mcpkit-error.ts'
import { classifyMessage } from '../../core/protocol/classify.ts'
import type {
  JsonRpcErrorResponse,
  JsonRpcNotification,
  JsonRpcRequest,
  ProgressParams,
} from '../../core/protocol/messages.ts'
import { PROGRESS_METHOD } from '../../core/protocol/messages.ts'
import { RequestTimers } from '../../core/protocol/request-timers.ts'
import type { HttpTransport } from '../http-transport.ts'
import type { WireRequestOptions } from '../wire.ts'

/**
 * Timeouts, progress and cancellation of one request: the wire's options, plus the progress token
 * when the request asked for progress. `signal` aborts the POST, which closes its stream.
 */
export interface ExchangeTiming extends WireRequestOptions {
  readonly progressToken?: string | number | undefined
}

/** What one exchange needs. */
export interface ExchangeOptions {
  readonly transport: HttpTransport
  readonly message: JsonRpcRequest
  readonly headers: Record<string, string>
  readonly environment: Environment
  readonly timing: ExchangeTiming
  /** Notifications related to the request (log messages, …), other than its progress. */
  readonly onNotification: (notification: JsonRpcNotification) => void
  /** Messages that answer nothing here, for the client's events. */
  readonly onDropped: (reason: string, message: unknown) => void
}

/**
 * Thrown (internally) when the response stream ended, or broke, before the response: the modern era
 * has no resumption, so the request is lost and may be re-issued under a new id.
 */
export class StreamEndedError extends Error {
  override readonly name = 'StreamEndedError'
}

/**
 * Runs one exchange. Resolves with the JSON-RPC `result`; rejects with a `ProtocolError` (the
 * server's error response), an `HttpError` (a non-2xx answer, body parsed), a `TimeoutError`, an
 * `AbortError`, a `TransportError`, or a {@link StreamEndedError}.
 */
export function runExchange(options: ExchangeOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    new Exchange(options, { resolve, reject }).start()
  })
}

type Settle = { resolve(value: unknown): void; reject(error: unknown): void }

class Exchange {
  readonly #options: ExchangeOptions
  readonly #settle: Settle
  readonly #controller = new AbortController()
  #timers: RequestTimers | undefined
  #done = false

  constructor(options: ExchangeOptions, settle: Settle) {
    this.#options = options
    this.#settle = settle
  }

  start(): void {
    const signal = this.#options.timing.signal
    if (signal?.aborted) {
      this.handleEvent()
      return
    }
    signal?.addEventListener('abort', this, { once: true })
    const { timing, environment, message } = this.#options
    const limits = {
      idleMs: timing.timeoutMs,
      totalMs: timing.maxTotalTimeoutMs,
      resetOnProgress: timing.resetTimeoutOnProgress,
    }
    this.#timers = new RequestTimers(environment, limits, (kind, timeoutMs) => {
      const error = new TimeoutError({ operation: message.method, timeoutMs, kind })
      this.#finish(() => this.#settle.reject(error))
    })
    this.#consume().then(
      (result) => this.#finish(() => this.#settle.resolve(result)),
      (error: unknown) => this.#finish(() => this.#settle.reject(error)),
    )
  }

  /** The user's signal aborted (before the start, or as its `abort` listener). */
  handleEvent(): void {
    const reason = this.#options.timing.signal?.reason
    const operation = this.#options.message.method
    this.#finish(() => this.#settle.reject(new AbortError({ operation, reason })))
  }

  #finish(settle: () => void): void {
    if (this.#done) return
    this.#done = true
    this.#timers?.clear()
    this.#options.timing.signal?.removeEventListener('abort', this)
    // Closing the stream is the modern cancellation; after a response it just releases the body.
    this.#controller.abort()
    settle()
  }

  async #consume(): Promise<unknown> {
    const { transport, message, headers } = this.#options
    const posted = await transport.post(message, { headers, signal: this.#controller.signal })
    const iterator = posted.messages[Symbol.asyncIterator]()
    try {
      for (;;) {
        const step = await this.#next(iterator)
        if (step.done || this.#done) break
        const outcome = this.#receive(step.value)
        if (outcome !== undefined) return outcome.value
      }
    } finally {
      iterator.return?.()?.then(undefined, () => {})
    }
    throw new StreamEndedError(`The response stream of ${message.method} ended without a response`)
  }

  async #next(iterator: AsyncIterator<unknown>): Promise<IteratorResult<unknown>> {
    try {
      return await iterator.next()
    } catch (error) {
      if (this.#done) return { done: true, value: undefined }
      const operation = this.#options.message.method
      throw new StreamEndedError(`The response stream of ${operation} broke`, {
        cause: toMcpkitError(error, operation),
      })
    }
  }

  /** Handles one message; returns the outcome once the response arrived. */
  #receive(received: unknown): { value: unknown } | undefined {
    const kind = classifyMessage(received)
    if (kind === 'result' || kind === 'error') {
      const response = received as { id?: unknown; result?: unknown }
      if (response.id !== this.#options.message.id) {
        this.#options.onDropped('unknown-response-id', received)
        return undefined
      }
      if (kind === 'result') return { value: response.result }
      throw ProtocolError.fromJsonRpc((received as JsonRpcErrorResponse).error)
    }
    if (kind === 'notification') this.#notification(received as JsonRpcNotification)
    else
      this.#options.onDropped(kind === 'request' ? 'server-request' : 'invalid-message', received)
    return undefined
  }

  #notification(notification: JsonRpcNotification): void {
    const { timing } = this.#options
    const token = notification.params?.progressToken
    const isOurs =
      notification.method === PROGRESS_METHOD &&
      token !== undefined &&
      token === timing.progressToken &&
      typeof notification.params?.progress === 'number'
    if (!isOurs) {
      this.#options.onNotification(notification)
      return
    }
    this.#timers?.progressed()
    // A throwing callback fails the request, as the engine does on the legacy path.
    timing.onProgress?.(notification.params as unknown as ProgressParams)
  }
}
