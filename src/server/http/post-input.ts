/**
 * One parsed POST as the era handlers receive it, and the helpers they share to answer it.
 */
import { JsonRpcErrorCode } from '../../core/errors/codes.ts'
import { isProtocolError } from '../../core/errors/guards.ts'
import type { ProtocolError } from '../../core/errors/protocol-error.ts'
import { toWireError } from '../../core/protocol/incoming.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import type { Slot } from './capacity.ts'
import { type HttpRequest, jsonRpcErrorResponse } from './responses.ts'

/** A JSON-RPC message as parsed from a body (one object). */
export type MessageFields = Readonly<Record<string, unknown>>

/** A POST whose body was read and parsed. */
export interface PostInput {
  readonly request: HttpRequest
  /** The parsed body: one message, or an array (a batch). */
  readonly body: unknown
  /** The `maxClients` slot this request holds; keep it for a stream, else it is released on return. */
  readonly slot: HeldSlot
}

/** A {@link Slot} the request handler may keep beyond its return (for an SSE reply). */
export interface HeldSlot extends Slot {
  /** Takes over the slot: the caller releases it later. */
  keep(): void
  readonly kept: boolean
}

/** An HTTP error response carrying `error`, echoing `id`. */
export function errorReply(status: number, id: JsonRpcId | null | undefined, error: ProtocolError) {
  return jsonRpcErrorResponse({ status, id, error: error.toJsonRpc() })
}

/**
 * The JSON-RPC error object for anything a dispatch rejected with, and the HTTP status of a modern
 * answer: in-band errors are 200 except `-32021`, which the spec pins to 400.
 */
export function dispatchFailure(error: unknown): {
  error: ReturnType<typeof toWireError>
  status: number
} {
  const wire = toWireError(error)
  const status =
    isProtocolError(error) && error.code === JsonRpcErrorCode.MissingRequiredClientCapability
      ? 400
      : 200
  return { error: wire, status }
}
