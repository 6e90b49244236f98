/**
 * Requests the peer sent us: duplicate detection, dispatch to the handler, the handler's context,
 * cancellation by `notifications/cancelled`, and the response (never after a cancel).
 *
 * @internal
 */
import { JsonRpcErrorCode } from '../errors/codes.ts'
import { isProtocolError } from '../errors/guards.ts'
import { type JsonRpcErrorObject, ProtocolError } from '../errors/protocol-error.ts'
import { connectionClosedError } from '../errors/transport-error.ts'
import type { BatchCollector } from './batch.ts'
import { type EngineHost, ignoreRejection, isThenable } from './host.ts'
import {
  type CancelledParams,
  errorResponse,
  invalidRequestError,
  type JsonRpcId,
  type JsonRpcRequest,
  type JsonRpcResponse,
  resultResponse,
} from './messages.ts'
import { IncomingRequest, type RequestHandler } from './request-context.ts'

/**
 * The engine's incoming side: one {@link IncomingRequest} per request in flight, keyed by the peer's
 * id, answered exactly once unless the peer cancelled it or the engine closed.
 *
 * @internal
 */
export class IncomingRequests {
  readonly #host: EngineHost
  readonly #handler: RequestHandler | undefined
  readonly #inFlight = new Map<JsonRpcId, IncomingRequest>()

  constructor(host: EngineHost, handler: RequestHandler | undefined) {
    this.#host = host
    this.#handler = handler
  }

  get size(): number {
    return this.#inFlight.size
  }

  dispatch(message: JsonRpcRequest, batch: BatchCollector | undefined): void {
    const id = message.id
    if (this.#inFlight.has(id)) {
      const error = invalidRequestError(`request id ${String(id)} is in use`)
      this.#host.refuse({ reason: 'duplicate-id', id, error }, batch)
      return
    }
    const request = new IncomingRequest(this.#host, message, batch)
    this.#inFlight.set(id, request)
    this.#host.reportStarted(request)
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
    const error = connectionClosedError('Connection closed', reason)
    for (const request of this.#inFlight.values()) request.abort(error)
  }

  #succeed(request: IncomingRequest, result: unknown): void {
    if (!this.#finish(request)) return
    // A JSON-RPC response must carry a result; MCP's empty result is `{}`.
    this.#respond(request, resultResponse(request.requestId, result === undefined ? {} : result))
    this.#host.reportSettled(request, 'result', undefined)
  }

  #fail(request: IncomingRequest, error: unknown): void {
    if (!this.#finish(request)) return
    const wire = toWireError(error)
    this.#host.observed?.emit({ type: 'error:sent', id: request.requestId, error: wire })
    this.#respond(request, errorResponse(request.requestId, wire))
    this.#host.reportSettled(request, 'error', error)
  }

  /** Ends the request's bookkeeping. Returns `false` when no response may be sent. */
  #finish(request: IncomingRequest): boolean {
    this.#inFlight.delete(request.requestId)
    request.settled = true
    if (!request.isCancelled) return true
    this.#host.reportSettled(request, this.#host.isClosing ? 'closed' : 'cancelled', undefined)
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
}

/**
 * What a handler's failure looks like on the wire. A `ProtocolError` keeps its code, message and data;
 * anything else is a server fault, `-32603`, carrying only the error's own message (no stack, no data).
 */
export function toWireError(error: unknown): JsonRpcErrorObject {
  if (isProtocolError(error)) return error.toJsonRpc()
  const message = error instanceof Error && error.message !== '' ? error.message : 'Internal error'
  return { code: JsonRpcErrorCode.InternalError, message }
}
