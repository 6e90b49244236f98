/**
 * Requests the peer sent us: duplicate detection, dispatch to the handler, the handler's context,
 * cancellation by `notifications/cancelled`, and the response (never after a cancel).
 *
 * @internal
 */
import { ErrorCode } from '../errors/codes.ts'
import { isProtocolError } from '../errors/guards.ts'
import { type JsonRpcErrorObject, ProtocolError } from '../errors/protocol-error.ts'
import { TransportError } from '../errors/transport-error.ts'
import type { RequestOutcome } from '../events/engine-events.ts'
import type { BatchCollector } from './batch.ts'
import { type EngineHost, ignoreRejection, isThenable } from './host.ts'
import {
  type CancelledParams,
  errorResponse,
  type JsonRpcId,
  type JsonRpcRequest,
  type JsonRpcResponse,
  resultResponse,
} from './messages.ts'
import { IncomingRequest, type RequestHandler } from './request-context.ts'

/** Sends an error response for input that never became a request (duplicates). @internal */
export type RefuseInput = (
  id: JsonRpcId,
  error: JsonRpcErrorObject,
  batch: BatchCollector | undefined,
) => void

/**
 * The engine's incoming side: one {@link IncomingRequest} per request in flight, keyed by the peer's
 * id, answered exactly once unless the peer cancelled it or the engine closed.
 *
 * @internal
 */
export class IncomingRequests {
  readonly #host: EngineHost
  readonly #handler: RequestHandler | undefined
  readonly #refuse: RefuseInput
  readonly #inFlight = new Map<JsonRpcId, IncomingRequest>()

  constructor(host: EngineHost, handler: RequestHandler | undefined, refuse: RefuseInput) {
    this.#host = host
    this.#handler = handler
    this.#refuse = refuse
  }

  get size(): number {
    return this.#inFlight.size
  }

  dispatch(message: JsonRpcRequest, batch: BatchCollector | undefined): void {
    const id = message.id
    if (this.#inFlight.has(id)) {
      const error = ProtocolError.invalidRequest(
        `Invalid Request: request id ${String(id)} is in use`,
      )
      this.#refuse(id, error.toJsonRpc(), batch)
      return
    }
    const request = new IncomingRequest(this.#host, message, batch)
    this.#inFlight.set(id, request)
    const events = this.#host.events
    if (events.hasListeners) {
      events.emit({ type: 'request:started', direction: 'incoming', id, method: message.method })
    }
    batch?.hold()
    let outcome: unknown
    try {
      if (this.#handler === undefined) throw ProtocolError.methodNotFound(message.method)
      outcome = this.#handler(request)
    } catch (error) {
      this.#fail(request, error)
      return
    }
    if (isThenable(outcome)) {
      outcome.then(
        (result) => this.#succeed(request, result),
        (error: unknown) => this.#fail(request, error),
      )
    } else {
      this.#succeed(request, outcome)
    }
  }

  /** Handles `notifications/cancelled`: aborts the handler and suppresses its response. */
  cancel(params: CancelledParams): boolean {
    const request = this.#inFlight.get(params.requestId)
    if (request === undefined || request.isCancelled) return false
    request.abort(params.reason ?? 'Cancelled by the peer')
    return true
  }

  /** Aborts every running handler because the engine closed; no responses follow. */
  closeAll(reason: unknown): void {
    const error =
      reason === undefined
        ? new TransportError('Connection closed', { code: ErrorCode.ConnectionClosed })
        : new TransportError('Connection closed', {
            code: ErrorCode.ConnectionClosed,
            cause: reason,
          })
    for (const request of this.#inFlight.values()) request.abort(error)
  }

  #succeed(request: IncomingRequest, result: unknown): void {
    if (!this.#finish(request)) return
    // A JSON-RPC response must carry a result; MCP's empty result is `{}`.
    this.#respond(request, resultResponse(request.requestId, result === undefined ? {} : result))
    this.#report(request, 'result', undefined)
  }

  #fail(request: IncomingRequest, error: unknown): void {
    if (!this.#finish(request)) return
    const wire = toWireError(error)
    const events = this.#host.events
    if (events.hasListeners) events.emit({ type: 'error:sent', id: request.requestId, error: wire })
    this.#respond(request, errorResponse(request.requestId, wire))
    this.#report(request, 'error', error)
  }

  /** Ends the request's bookkeeping. Returns `false` when no response may be sent. */
  #finish(request: IncomingRequest): boolean {
    this.#inFlight.delete(request.requestId)
    request.settled = true
    if (!request.isCancelled) return true
    this.#report(request, this.#host.isClosing ? 'closed' : 'cancelled', undefined)
    request.batch?.release()
    return false
  }

  #respond(request: IncomingRequest, response: JsonRpcResponse): void {
    const batch = request.batch
    if (batch !== undefined) {
      batch.add(response)
      batch.release()
      return
    }
    this.#host.send(response, request.requestId).then(undefined, ignoreRejection)
  }

  #report(request: IncomingRequest, outcome: RequestOutcome, error: unknown): void {
    const events = this.#host.events
    if (!events.hasListeners) return
    const { requestId: id, method } = request
    const durationMs = this.#host.environment.now() - request.startedAt
    events.emit(
      error === undefined
        ? { type: 'request:settled', direction: 'incoming', id, method, outcome, durationMs }
        : {
            type: 'request:settled',
            direction: 'incoming',
            id,
            method,
            outcome,
            durationMs,
            error,
          },
    )
  }
}

/**
 * What a handler's failure looks like on the wire. A `ProtocolError` keeps its code, message and data;
 * anything else is a server fault, `-32603`, carrying only the error's own message (no stack, no data).
 */
export function toWireError(error: unknown): JsonRpcErrorObject {
  if (isProtocolError(error)) return error.toJsonRpc()
  const message = error instanceof Error && error.message !== '' ? error.message : 'Internal error'
  return ProtocolError.internal(message).toJsonRpc()
}
