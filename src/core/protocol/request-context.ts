/**
 * What a request handler receives: the request, a cancellation signal, a progress reporter and ways to
 * talk back to the peer on the request's behalf.
 */
import type { BatchCollector } from './batch.ts'
import type { EngineHost, TrackedRequest } from './host.ts'
import {
  type JsonRpcId,
  type JsonRpcNotification,
  type JsonRpcParams,
  type JsonRpcRequest,
  PROGRESS_METHOD,
  type Progress,
  type ProgressToken,
} from './messages.ts'
import { readProgressToken } from './progress.ts'
import type { RequestOptions } from './request-options.ts'

/** The context of one incoming request. */
export interface RequestContext {
  readonly requestId: JsonRpcId
  readonly method: string
  /** The params as received; validate them before use (the engine checks only that they are an object). */
  readonly params: JsonRpcParams | undefined
  /**
   * Aborted when the peer cancels this request (`notifications/cancelled`) or the engine closes. After
   * that, whatever the handler returns or throws is discarded: no response is sent.
   */
  readonly signal: AbortSignal
  /** The request's `_meta.progressToken`, when the peer asked for progress. */
  readonly progressToken: ProgressToken | undefined
  /**
   * Sends `notifications/progress` for this request. Does nothing when the peer sent no progress
   * token, or once the request was cancelled or answered.
   */
  reportProgress(progress: Progress): Promise<void>
  /** Sends a notification related to this request (on HTTP, on the request's own stream). */
  notify(method: string, params?: JsonRpcParams): Promise<void>
  /**
   * Sends a request related to this one. Unless `options.signal` is given, it is cancelled together
   * with this request.
   */
  request(method: string, params?: JsonRpcParams, options?: RequestOptions): Promise<unknown>
}

/**
 * Handles an incoming request: return (or resolve) the result, or throw. A thrown `ProtocolError`
 * keeps its code and data on the wire; anything else becomes `-32603` with only the error's message.
 * Returning `undefined` sends the empty result `{}`.
 *
 * @example
 * const onRequest: RequestHandler = async (request) => {
 *   if (request.method !== 'tools/call') throw ProtocolError.methodNotFound(request.method)
 *   await request.reportProgress({ progress: 1, total: 2 })
 *   return { content: [] }
 * }
 */
export type RequestHandler = (request: RequestContext) => unknown

/** Handles an incoming notification. Failures are reported as `notification:failed` events. */
export type NotificationHandler = (notification: JsonRpcNotification) => void | Promise<void>

const PENDING = Symbol('not aborted')

/**
 * The {@link RequestContext} implementation. Its `AbortController` is created only when the handler
 * reads `signal`, since most handlers never do.
 *
 * @internal
 */
export class IncomingRequest implements RequestContext, TrackedRequest {
  // The public fields are `declare`d and created by the constructor's assignments, in this order,
  // instead of being defined as `undefined` first: one store per field on the server's hot path.
  declare readonly requestId: JsonRpcId
  declare readonly method: string
  declare readonly params: JsonRpcParams | undefined
  declare readonly progressToken: ProgressToken | undefined
  declare readonly startedAt: number
  declare readonly batch: BatchCollector | undefined
  /** Set once the handler finished; later progress is dropped. */
  declare settled: boolean
  readonly #host: EngineHost
  #controller: AbortController | undefined
  #abortReason: unknown = PENDING

  constructor(host: EngineHost, message: JsonRpcRequest, batch: BatchCollector | undefined) {
    this.#host = host
    this.requestId = message.id
    this.method = message.method
    this.params = message.params
    this.progressToken = readProgressToken(message.params)
    this.startedAt = host.environment.now()
    this.batch = batch
    this.settled = false
  }

  /** For the request events; a getter, so the context's own properties stay as documented. */
  get direction(): 'incoming' {
    return 'incoming'
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.isCancelled) this.#controller.abort(this.#abortReason)
    }
    return this.#controller.signal
  }

  get isCancelled(): boolean {
    return this.#abortReason !== PENDING
  }

  /** @internal Cancels the handler; its outcome will be discarded. */
  abort(reason: unknown): void {
    if (this.isCancelled) return
    this.#abortReason = reason
    this.#controller?.abort(reason)
  }

  reportProgress(progress: Progress): Promise<void> {
    const progressToken = this.progressToken
    if (progressToken === undefined || this.settled || this.isCancelled) return Promise.resolve()
    return this.notify(PROGRESS_METHOD, { ...progress, progressToken })
  }

  notify(method: string, params?: JsonRpcParams): Promise<void> {
    return this.#host.notify(method, params, { relatedRequestId: this.requestId })
  }

  request(method: string, params?: JsonRpcParams, options?: RequestOptions): Promise<unknown> {
    return this.#host.request(method, params, {
      signal: this.signal,
      ...options,
      relatedRequestId: this.requestId,
    })
  }
}
