/**
 * Requests this side sent and is waiting on: id allocation, correlation with responses, idle and total
 * timeouts, progress routing and cancellation.
 *
 * @internal
 */
import { AbortError } from '../errors/abort-error.ts'
import { ProtocolError } from '../errors/protocol-error.ts'
import { TimeoutError } from '../errors/timeout-error.ts'
import { connectionClosedError, type TransportError } from '../errors/transport-error.ts'
import type { RequestOutcome } from '../events/engine-events.ts'
import { cancelReasonText } from './cancellation.ts'
import type { ResolvedEngineOptions } from './engine-options.ts'
import { type EngineHost, ignoreRejection, type TrackedRequest } from './host.ts'
import { checkTimeout } from './limits.ts'
import {
  CANCELLED_METHOD,
  JSONRPC_VERSION,
  type JsonRpcErrorResponse,
  type JsonRpcParams,
  type JsonRpcRequest,
  type JsonRpcResultResponse,
  type ProgressParams,
} from './messages.ts'
import { withProgressToken } from './progress.ts'
import type { RequestOptions } from './request-options.ts'
import { type RequestLimits, RequestTimers, type TimeoutKind } from './request-timers.ts'

/** The engine options that are defaults of outgoing requests. @internal */
export type OutgoingDefaults = Pick<
  ResolvedEngineOptions,
  'defaultTimeoutMs' | 'maxTotalTimeoutMs' | 'sendCancelled'
>

type OutgoingMessage = JsonRpcRequest & { readonly id: number }

/** One request in flight. Doubles as its signal's abort listener (`handleEvent`), so no closure. */
class PendingRequest implements TrackedRequest {
  timers: RequestTimers | undefined = undefined
  startedAt = 0
  tracksProgress = false
  sendCancelled = true
  onProgress: ((progress: ProgressParams) => void) | undefined = undefined
  signal: AbortSignal | undefined = undefined

  /** The request's promise, settled through these: set by its executor right after construction. */
  resolve: (value: unknown) => void = unset
  reject: (error: unknown) => void = unset

  // Assigned by the constructor; `declare`d so that no `undefined` definition runs first.
  declare readonly owner: OutgoingRequests
  declare readonly message: OutgoingMessage

  constructor(owner: OutgoingRequests, message: OutgoingMessage) {
    this.owner = owner
    this.message = message
  }

  get direction(): 'outgoing' {
    return 'outgoing'
  }

  get requestId(): number {
    return this.message.id
  }

  get method(): string {
    return this.message.method
  }

  handleEvent(): void {
    this.owner.abort(this)
  }
}

/** What a request's `resolve` and `reject` are until its executor sets them. */
function unset(): void {
  // Never called: the executor replaces it before the request can settle.
}

const NO_OPTIONS: RequestOptions = {}

/**
 * The engine's outgoing side: allocates ids, keeps one {@link PendingRequest} per request in flight,
 * and settles it exactly once (response, timeout, abort, send failure or close).
 *
 * @internal
 */
export class OutgoingRequests {
  readonly #host: EngineHost
  readonly #defaults: OutgoingDefaults
  readonly #pending = new Map<number, PendingRequest>()
  #lastId = 0

  constructor(host: EngineHost, defaults: OutgoingDefaults) {
    this.#host = host
    this.#defaults = defaults
  }

  get size(): number {
    return this.#pending.size
  }

  start(method: string, params?: JsonRpcParams, options = NO_OPTIONS): Promise<unknown> {
    if (this.#host.isClosing) return Promise.reject(closedError(method, undefined))
    const signal = options.signal
    if (signal?.aborted) {
      return Promise.reject(new AbortError({ operation: method, reason: signal.reason }))
    }
    const idleMs = options.timeoutMs ?? this.#defaults.defaultTimeoutMs
    const totalMs = options.maxTotalTimeoutMs ?? this.#defaults.maxTotalTimeoutMs
    try {
      if (options.timeoutMs !== undefined) checkTimeout('timeoutMs', idleMs)
      if (options.maxTotalTimeoutMs !== undefined) checkTimeout('maxTotalTimeoutMs', totalMs)
    } catch (error) {
      return Promise.reject(error)
    }
    this.#lastId += 1
    const id = this.#lastId
    const tracksProgress =
      options.onProgress !== undefined || options.resetTimeoutOnProgress === true
    const sentParams = tracksProgress ? withProgressToken(params, id) : params
    const message: OutgoingMessage =
      sentParams === undefined
        ? { jsonrpc: JSONRPC_VERSION, id, method }
        : { jsonrpc: JSONRPC_VERSION, id, method, params: sentParams }
    return new Promise((resolve, reject) => {
      const pending = new PendingRequest(this, message)
      pending.resolve = resolve
      pending.reject = reject
      pending.startedAt = this.#host.environment.now()
      pending.tracksProgress = tracksProgress
      pending.sendCancelled = options.sendCancelled ?? this.#defaults.sendCancelled
      pending.onProgress = options.onProgress
      const limits = { idleMs, totalMs, resetOnProgress: options.resetTimeoutOnProgress === true }
      this.#launch(pending, limits, options)
    })
  }

  /** Settles the request a response answers. Returns `false` when no request has that id. */
  settle(response: JsonRpcResultResponse | JsonRpcErrorResponse, isError: boolean): boolean {
    const pending = typeof response.id === 'number' ? this.#pending.get(response.id) : undefined
    if (pending === undefined) return false
    this.#finish(pending)
    if (isError) {
      const error = ProtocolError.fromJsonRpc((response as JsonRpcErrorResponse).error)
      this.#host.reportSettled(pending, 'error', error)
      pending.reject(error)
    } else {
      this.#host.reportSettled(pending, 'result', undefined)
      pending.resolve((response as JsonRpcResultResponse).result)
    }
    return true
  }

  /** Routes a progress notification. Returns `false` when no request asked for that token. */
  progress(params: ProgressParams): boolean {
    const token = params.progressToken
    const pending = typeof token === 'number' ? this.#pending.get(token) : undefined
    if (pending === undefined || !pending.tracksProgress) return false
    if (pending.onProgress !== undefined) {
      try {
        pending.onProgress(params)
      } catch (error) {
        this.#giveUp(pending, 'error', error)
        return true
      }
    }
    pending.timers?.progressed()
    return true
  }

  /** The abort listener's entry point. */
  abort(pending: PendingRequest): void {
    if (this.#pending.get(pending.message.id) !== pending) return
    const reason = pending.signal?.reason
    this.#giveUp(pending, 'cancelled', new AbortError({ operation: pending.method, reason }))
  }

  /** Rejects every request in flight because the engine closed. */
  closeAll(reason: unknown): void {
    for (const pending of this.#pending.values()) {
      this.#finish(pending)
      const error = closedError(pending.method, reason)
      this.#host.reportSettled(pending, 'closed', error)
      pending.reject(error)
    }
  }

  #launch(pending: PendingRequest, limits: RequestLimits, options: RequestOptions): void {
    const id = pending.message.id
    const { signal } = options
    this.#pending.set(id, pending)
    pending.timers = new RequestTimers(this.#host.environment, limits, (kind, timeoutMs) =>
      this.#timeout(pending, kind, timeoutMs),
    )
    if (signal !== undefined) {
      pending.signal = signal
      signal.addEventListener('abort', pending, { once: true })
    }
    this.#host.reportStarted(pending)
    this.#host.send(pending.message, options.relatedRequestId).then(undefined, (error: unknown) => {
      if (this.#pending.get(id) !== pending) return
      this.#finish(pending)
      this.#host.reportSettled(pending, 'send-failed', error)
      pending.reject(error)
    })
  }

  #timeout(pending: PendingRequest, kind: TimeoutKind, timeoutMs: number): void {
    if (this.#pending.get(pending.message.id) !== pending) return
    const error = new TimeoutError({ operation: pending.method, timeoutMs, kind })
    this.#giveUp(pending, 'timeout', error)
  }

  #giveUp(pending: PendingRequest, outcome: RequestOutcome, error: unknown): void {
    this.#finish(pending)
    this.#host.reportSettled(pending, outcome, error)
    pending.reject(error)
    if (!pending.sendCancelled || this.#host.isClosing) return
    const reason = cancelReasonText(outcome === 'cancelled' ? pending.signal?.reason : error)
    const params =
      reason === undefined
        ? { requestId: pending.message.id }
        : { requestId: pending.message.id, reason }
    this.#host.notify(CANCELLED_METHOD, params).then(undefined, ignoreRejection)
  }

  #finish(pending: PendingRequest): void {
    this.#pending.delete(pending.message.id)
    pending.timers?.clear()
    pending.signal?.removeEventListener('abort', pending)
  }
}

function closedError(method: string, reason: unknown): TransportError {
  return connectionClosedError(`${method} failed: the connection closed`, reason)
}
