/**
 * JSON-RPC 2.0 message shapes as MCP uses them. These are plain structural types for the engine's
 * hot path; the schemas in `core/schemas` validate method-level params and results a layer above.
 */
import { JsonRpcErrorCode } from '../errors/codes.ts'
import type { JsonRpcErrorObject } from '../errors/protocol-error.ts'

/** The only `jsonrpc` value MCP accepts. */
export const JSONRPC_VERSION = '2.0'

/** A request id: a string or an integer (MCP forbids `null` and fractions). */
export type JsonRpcId = string | number

/** A progress token: a string or an integer, unique among the sender's active requests. */
export type ProgressToken = string | number

/** Named parameters. MCP always uses an object, never positional (array) params. */
export type JsonRpcParams = Readonly<Record<string, unknown>>

/** A request that expects a response. */
export interface JsonRpcRequest {
  readonly jsonrpc: typeof JSONRPC_VERSION
  readonly id: JsonRpcId
  readonly method: string
  readonly params?: JsonRpcParams
}

/** A one-way message; the receiver never answers it. */
export interface JsonRpcNotification {
  readonly jsonrpc: typeof JSONRPC_VERSION
  readonly method: string
  readonly params?: JsonRpcParams
}

/** A successful response. */
export interface JsonRpcResultResponse {
  readonly jsonrpc: typeof JSONRPC_VERSION
  readonly id: JsonRpcId
  readonly result: unknown
}

/**
 * An error response. `id` is `null` (JSON-RPC 2.0) or absent (MCP 2025-11-25 and later) when the
 * request's id could not be read.
 */
export interface JsonRpcErrorResponse {
  readonly jsonrpc: typeof JSONRPC_VERSION
  readonly id?: JsonRpcId | null
  readonly error: JsonRpcErrorObject
}

/** Either kind of response. */
export type JsonRpcResponse = JsonRpcResultResponse | JsonRpcErrorResponse

/** Any single JSON-RPC message. */
export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResponse

/** What a connection sends: one message, or a batch (2025-03-26 only). */
export type OutboundMessage = JsonRpcMessage | readonly JsonRpcMessage[]

/** The cancellation notification's method. */
export const CANCELLED_METHOD = 'notifications/cancelled'

/** The progress notification's method. */
export const PROGRESS_METHOD = 'notifications/progress'

/** Params of `notifications/cancelled`. */
export interface CancelledParams {
  readonly requestId: JsonRpcId
  readonly reason?: string
}

/** A progress update as a handler reports it. */
export interface Progress {
  /** Increases with every update, even when the total is unknown. */
  readonly progress: number
  readonly total?: number
  readonly message?: string
}

/** Params of `notifications/progress`. */
export interface ProgressParams extends Progress {
  readonly progressToken: ProgressToken
  readonly _meta?: Readonly<Record<string, unknown>>
}

/** Builds a result response. */
export function resultResponse(id: JsonRpcId, result: unknown): JsonRpcResultResponse {
  return { jsonrpc: JSONRPC_VERSION, id, result }
}

/**
 * Builds an error response. With `id === undefined` the member is left out, as MCP 2025-11-25 and
 * later require for errors that answer an unreadable request.
 */
export function errorResponse(
  id: JsonRpcId | null | undefined,
  error: JsonRpcErrorObject,
): JsonRpcErrorResponse {
  return id === undefined
    ? { jsonrpc: JSONRPC_VERSION, error }
    : { jsonrpc: JSONRPC_VERSION, id, error }
}

/**
 * The `-32600` error object for input that is not a valid request; `detail` says why. A plain
 * object, not a `ProtocolError`: it only goes on the wire, so no stack trace is captured.
 *
 * @internal
 */
export function invalidRequestError(detail: string): JsonRpcErrorObject {
  return { code: JsonRpcErrorCode.InvalidRequest, message: `Invalid Request: ${detail}` }
}
